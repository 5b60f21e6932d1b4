package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's state and behaviour: guild, messages, threads, commands, interactions and the request log, all
 * guarded by this object's monitor (every mutation ends in {@code notifyAll()} so waiters re-check). REST routes
 * and the scenario API both call in here; the gateway dispatches while the monitor is held, so event order on
 * the socket is the order of mutations.
 */
final class SandboxEngine {
    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d+)>");
    private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d+)>");
    private static final Duration ACK_WINDOW = Duration.ofSeconds(3);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    /** A stored message: Discord's JSON object plus bookkeeping. */
    static final class StoredMessage {
        final String id;
        final String channelId;
        final Member author;
        ObjectNode json;
        boolean deleted;
        String interactionId;

        StoredMessage(String id, String channelId, Member author, ObjectNode json) {
            this.id = id;
            this.channelId = channelId;
            this.author = author;
            this.json = json;
        }

        int flags() {
            return json.path("flags").asInt();
        }

        boolean ephemeral() {
            return (flags() & SandboxMessage.EPHEMERAL) != 0;
        }
    }

    /** A file received in a multipart request or attached by a simulated member. */
    record Upload(int index, String filename, byte[] bytes) {
    }

    record StoredFile(String id, String filename, String contentType, byte[] bytes) {
    }

    /** A pending "answer the next n requests with 429" instruction. */
    private static final class RateLimitRule {
        int remaining;
        final Duration retryAfter;
        final String method;
        final String pathContains;

        RateLimitRule(int remaining, Duration retryAfter, String method, String pathContains) {
            this.remaining = remaining;
            this.retryAfter = retryAfter;
            this.method = method;
            this.pathContains = pathContains;
        }
    }

    final ObjectMapper json;
    final Clock clock;
    final Snowflakes ids;
    final GuildModel guild;
    final String token;
    final Gateway gateway;
    private volatile String httpBase = "http://127.0.0.1/";

    private final Map<String, StoredMessage> messages = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Long, StoredMessage>> byChannel = new LinkedHashMap<>();
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final Map<String, ObjectNode> globalCommands = new LinkedHashMap<>();
    private final Map<String, ObjectNode> guildCommands = new LinkedHashMap<>();
    private final Map<String, InteractionState> interactions = new LinkedHashMap<>();
    private final Map<String, InteractionState> interactionsByToken = new LinkedHashMap<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<RateLimitRule> rateLimits = new ArrayList<>();
    private final List<String> threadOrder = new ArrayList<>();
    private final Map<String, long[]> buckets = new LinkedHashMap<>();

    SandboxEngine(ObjectMapper json, Clock clock, String token, String botName, ScheduledExecutorService scheduler,
                  int heartbeatInterval, long allowedPrivilegedIntents) {
        this.json = json;
        this.clock = clock;
        this.ids = new Snowflakes(clock);
        this.token = token;
        String botId = ids.next();
        this.guild = new GuildModel(ids, botId, botName, clock.instant());
        this.gateway = new Gateway(this, json, clock, scheduler, this, heartbeatInterval, allowedPrivilegedIntents);
    }

    void httpBase(String base) {
        this.httpBase = base;
    }

    String botId() {
        return guild.bot.id();
    }

    /** The bot token in IDENTIFY/RESUME: Discord takes it bare; a {@code Bot } prefix is tolerated. */
    boolean acceptsToken(String presented) {
        return token.equals(presented) || ("Bot " + token).equals(presented);
    }

    // ------------------------------------------------------------------ gateway payloads

    synchronized ObjectNode readyJson(String sessionId) {
        ObjectNode d = json.createObjectNode();
        d.put("v", 10);
        ObjectNode user = guild.userJson(json, guild.bot);
        user.put("verified", true);
        user.put("mfa_enabled", false);
        user.put("flags", 0);
        d.set("user", user);
        ObjectNode g = d.putArray("guilds").addObject();
        g.put("id", guild.id);
        g.put("unavailable", true);
        d.putArray("private_channels");
        d.putArray("relationships");
        d.putArray("presences");
        d.putArray("guild_join_requests");
        d.putArray("geo_ordered_rtc_regions");
        d.put("session_id", sessionId);
        d.put("session_type", "normal");
        d.put("resume_gateway_url", resumeGatewayUrl());
        d.putArray("shard").add(0).add(1);
        ObjectNode app = d.putObject("application");
        app.put("id", botId());
        app.put("flags", 1 << 19 | 1 << 23);
        d.putObject("user_settings");
        d.putArray("_trace").add("[\"takebot-sandbox\"]");
        return d;
    }

    synchronized ObjectNode guildCreateJson() {
        return guild.guildCreateJson(json);
    }

    synchronized ObjectNode membersChunkJson(JsonNode request) {
        ObjectNode d = json.createObjectNode();
        d.put("guild_id", guild.id);
        Set<String> wanted = new HashSet<>();
        request.path("user_ids").forEach(n -> wanted.add(n.asText()));
        if (request.path("user_ids").isTextual()) {
            wanted.add(request.path("user_ids").asText());
        }
        String query = request.path("query").asText("").toLowerCase(Locale.ROOT);
        ArrayNode members = d.putArray("members");
        ArrayNode notFound = d.putArray("not_found");
        for (Member m : guild.members.values()) {
            boolean match = wanted.isEmpty() ? m.name().toLowerCase(Locale.ROOT).startsWith(query) : wanted.contains(m.id());
            if (match) {
                members.add(guild.memberJson(json, m, true));
            }
        }
        for (String id : wanted) {
            if (!guild.members.containsKey(id)) {
                notFound.add(id);
            }
        }
        d.put("chunk_index", 0);
        d.put("chunk_count", 1);
        if (request.hasNonNull("nonce")) {
            d.put("nonce", request.get("nonce").asText());
        }
        return d;
    }

    String gatewayUrl() {
        return httpBase.replaceFirst("^http", "ws") + "gateway";
    }

    String resumeGatewayUrl() {
        return httpBase.replaceFirst("^http", "ws") + "gateway-resume";
    }

    // ------------------------------------------------------------------ rate limits and request log

    synchronized void addRateLimit(int n, Duration retryAfter, String method, String pathContains) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        rateLimits.add(new RateLimitRule(n, retryAfter, method, pathContains));
    }

    /** Consumes one 429 instruction matching the request, if any. */
    synchronized Duration takeRateLimit(String method, String path) {
        for (RateLimitRule r : rateLimits) {
            if ((r.method == null || r.method.equalsIgnoreCase(method))
                    && (r.pathContains == null || path.contains(r.pathContains))) {
                Duration d = r.retryAfter;
                if (--r.remaining == 0) {
                    rateLimits.remove(r);
                }
                return d;
            }
        }
        return null;
    }

    /** Fixed one-second window per bucket; returns {limit, remaining, resetAtMillis}. */
    synchronized long[] bucket(String key) {
        long now = clock.millis();
        long[] w = buckets.computeIfAbsent(key, k -> new long[] {0, now + 1000});
        if (now >= w[1]) {
            w[0] = 0;
            w[1] = now + 1000;
        }
        w[0]++;
        long limit = 50;
        return new long[] {limit, Math.max(0, limit - w[0]), w[1]};
    }

    synchronized void record(RecordedRequest r) {
        requests.add(r);
        notifyAll();
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    // ------------------------------------------------------------------ waiting

    /** Waits until {@code probe} returns non-null, re-checking after every state change. */
    synchronized <T> T await(Supplier<T> probe, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SandboxTimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
            }
            try {
                wait(Math.max(1, left / 1_000_000), 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxTimeoutException("Interrupted while waiting for " + what.get());
            }
        }
    }

    // ------------------------------------------------------------------ lookups

    synchronized GuildModel.ChannelData channelData(String channelId) {
        GuildModel.ChannelData c = guild.channels.get(channelId);
        if (c == null) {
            throw ApiException.unknownChannel();
        }
        return c;
    }

    synchronized StoredMessage stored(String channelId, String messageId) {
        channelData(channelId);
        StoredMessage m = messages.get(messageId);
        if (m == null || m.deleted || !m.channelId.equals(channelId)) {
            throw ApiException.unknownMessage();
        }
        return m;
    }

    SandboxMessage snapshot(StoredMessage m) {
        return new SandboxMessage(m.id, m.channelId, m.author.id(), m.json.path("content").asText(""), m.flags(),
                m.interactionId, m.json.deepCopy());
    }

    synchronized List<SandboxMessage> messagesIn(String channelId) {
        NavigableMap<Long, StoredMessage> map = byChannel.getOrDefault(channelId, new TreeMap<>());
        return map.values().stream().filter(m -> !m.deleted).map(this::snapshot).toList();
    }

    synchronized List<SandboxMessage> allMessages(boolean includeDeleted) {
        return messages.values().stream().filter(m -> includeDeleted || !m.deleted).map(this::snapshot).toList();
    }

    synchronized SandboxMessage findMessage(Predicate<SandboxMessage> predicate) {
        for (StoredMessage m : messages.values()) {
            if (!m.deleted) {
                SandboxMessage s = snapshot(m);
                if (predicate.test(s)) {
                    return s;
                }
            }
        }
        return null;
    }

    synchronized SandboxMessage message(String id) {
        StoredMessage m = messages.get(id);
        return m == null || m.deleted ? null : snapshot(m);
    }

    synchronized boolean isDeleted(String id) {
        StoredMessage m = messages.get(id);
        return m != null && m.deleted;
    }

    synchronized List<Channel> threads() {
        return threadOrder.stream().map(id -> guild.channels.get(id).channel).toList();
    }

    synchronized Channel channel(String id) {
        GuildModel.ChannelData c = guild.channels.get(id);
        return c == null ? null : c.channel;
    }

    synchronized List<JsonNode> commands(boolean guildScoped) {
        return (guildScoped ? guildCommands : globalCommands).values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }

    synchronized StoredFile file(String id) {
        return files.get(id);
    }

    synchronized InteractionState interaction(String id) {
        return interactions.get(id);
    }

    synchronized Member member(String id) {
        return guild.members.get(id);
    }

    synchronized List<Member> members() {
        return List.copyOf(guild.members.values());
    }

    synchronized List<Role> roles() {
        return guild.sortedRoles();
    }

    // ------------------------------------------------------------------ guild changes

    synchronized Member addMember(String name, Role... roles) {
        List<String> roleIds = new ArrayList<>();
        for (Role r : roles) {
            if (!guild.roles.containsKey(r.id())) {
                throw new IllegalArgumentException("unknown role " + r.name());
            }
            if (!r.id().equals(guild.id)) {
                roleIds.add(r.id());
            }
        }
        Member m = guild.putMember(new Member(ids.next(), name, roleIds, false, clock.instant()));
        ObjectNode d = guild.memberJson(json, m, true);
        d.put("guild_id", guild.id);
        gateway.dispatch("GUILD_MEMBER_ADD", d, Gateway.GUILD_MEMBERS);
        notifyAll();
        return m;
    }

    synchronized Role addRole(String name, long permissions) {
        int position = guild.roles.values().stream().mapToInt(Role::position).max().orElse(0) + 1;
        Role r = guild.putRole(new Role(ids.next(), name, position, permissions, 0, false));
        ObjectNode d = json.createObjectNode();
        d.put("guild_id", guild.id);
        d.set("role", guild.roleJson(json, r));
        gateway.dispatch("GUILD_ROLE_CREATE", d, Gateway.GUILDS);
        notifyAll();
        return r;
    }

    synchronized Role setRolePermissions(Role role, long permissions) {
        Role old = guild.roles.get(role.id());
        if (old == null) {
            throw new IllegalArgumentException("unknown role " + role.name());
        }
        Role r = guild.putRole(new Role(old.id(), old.name(), old.position(), permissions, old.color(), old.managed()));
        ObjectNode d = json.createObjectNode();
        d.put("guild_id", guild.id);
        d.set("role", guild.roleJson(json, r));
        gateway.dispatch("GUILD_ROLE_UPDATE", d, Gateway.GUILDS);
        notifyAll();
        return r;
    }

    synchronized long permissions(Member m, String channelId) {
        return guild.permissions(guild.members.getOrDefault(m.id(), m), channelId);
    }

    // ------------------------------------------------------------------ messages

    private StoredMessage insertMessage(String channelId, Member author, int type, JsonNode body, List<Upload> uploads,
                                        int flags, boolean fromWebhook) {
        GuildModel.ChannelData channel = channelData(channelId);
        String id = ids.next();
        Instant now = clock.instant();
        ObjectNode m = json.createObjectNode();
        m.put("id", id);
        m.put("type", type);
        m.put("channel_id", channelId);
        m.set("author", guild.userJson(json, author));
        m.put("content", textOr(body, "content", ""));
        m.put("timestamp", Timestamps.format(now));
        m.putNull("edited_timestamp");
        m.put("tts", false);
        m.put("pinned", false);
        ArrayNode attachments = buildAttachments(channelId, body.path("attachments"), uploads, json.createArrayNode());
        m.set("attachments", attachments);
        m.set("embeds", normaliseEmbeds(body.path("embeds"), attachments));
        m.set("components", normaliseComponents(body.path("components")));
        m.put("flags", flags);
        if (fromWebhook) {
            m.put("webhook_id", botId());
            m.put("application_id", botId());
        }
        Member repliedAuthor = null;
        JsonNode ref = body.path("message_reference");
        if (ref.hasNonNull("message_id")) {
            StoredMessage target = messages.get(ref.get("message_id").asText());
            String refChannel = ref.path("channel_id").asText(channelId);
            if (target == null || target.deleted || !target.channelId.equals(refChannel)) {
                if (ref.path("fail_if_not_exists").asBoolean(true)) {
                    ObjectNode errors = json.createObjectNode();
                    ObjectNode e = errors.putObject("message_reference").putArray("_errors").addObject();
                    e.put("code", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE");
                    e.put("message", "Unknown message");
                    throw ApiException.invalidForm(errors);
                }
            } else {
                ObjectNode reference = m.putObject("message_reference");
                reference.put("type", 0);
                reference.put("channel_id", target.channelId);
                reference.put("message_id", target.id);
                reference.put("guild_id", guild.id);
                ObjectNode referenced = target.json.deepCopy();
                referenced.remove("referenced_message");
                m.set("referenced_message", referenced);
                if (type == 0) {
                    m.put("type", 19);
                }
                repliedAuthor = target.author;
            }
        }
        applyMentions(m, body.path("allowed_mentions"), author, channelId, repliedAuthor);
        if (channel.channel.isThread()) {
            m.put("position", channel.totalMessageSent);
            channel.totalMessageSent++;
            channel.messageCount++;
        }
        if ((flags & SandboxMessage.EPHEMERAL) == 0) {
            channel.lastMessageId = id;
        }
        StoredMessage sm = new StoredMessage(id, channelId, author, m);
        messages.put(id, sm);
        byChannel.computeIfAbsent(channelId, k -> new TreeMap<>()).put(Long.parseUnsignedLong(id), sm);
        return sm;
    }

    private void applyMentions(ObjectNode m, JsonNode allowed, Member author, String channelId, Member repliedAuthor) {
        String content = m.path("content").asText("");
        Set<String> parse = new HashSet<>(List.of("users", "roles", "everyone"));
        Set<String> allowedUsers = new HashSet<>();
        Set<String> allowedRoles = new HashSet<>();
        boolean repliedUser = true;
        if (allowed.isObject()) {
            parse.clear();
            allowed.path("parse").forEach(n -> parse.add(n.asText()));
            allowed.path("users").forEach(n -> allowedUsers.add(n.asText()));
            allowed.path("roles").forEach(n -> allowedRoles.add(n.asText()));
            repliedUser = allowed.path("replied_user").asBoolean(false);
        }
        ArrayNode mentions = m.putArray("mentions");
        Set<String> seen = new HashSet<>();
        Matcher um = USER_MENTION.matcher(content);
        while (um.find()) {
            String id = um.group(1);
            Member target = guild.members.get(id);
            if (target != null && (parse.contains("users") || allowedUsers.contains(id)) && seen.add(id)) {
                ObjectNode u = guild.userJson(json, target);
                u.set("member", guild.memberJson(json, target, false));
                mentions.add(u);
            }
        }
        if (repliedAuthor != null && repliedUser && seen.add(repliedAuthor.id())) {
            ObjectNode u = guild.userJson(json, repliedAuthor);
            u.set("member", guild.memberJson(json, repliedAuthor, false));
            mentions.add(u);
        }
        ArrayNode roles = m.putArray("mention_roles");
        Matcher rm = ROLE_MENTION.matcher(content);
        Set<String> seenRoles = new HashSet<>();
        while (rm.find()) {
            String id = rm.group(1);
            if (guild.roles.containsKey(id) && (parse.contains("roles") || allowedRoles.contains(id)) && seenRoles.add(id)) {
                roles.add(id);
            }
        }
        boolean everyone = (content.contains("@everyone") || content.contains("@here")) && parse.contains("everyone")
                && Permissions.has(guild.permissions(author, channelId), Permissions.MENTION_EVERYONE);
        m.put("mention_everyone", everyone);
    }

    private ArrayNode buildAttachments(String channelId, JsonNode declared, List<Upload> uploads, ArrayNode kept) {
        ArrayNode out = kept;
        for (Upload u : uploads) {
            JsonNode meta = null;
            for (JsonNode d : declared) {
                if (d.path("id").asText().equals(Integer.toString(u.index()))) {
                    meta = d;
                }
            }
            String filename = meta != null && meta.hasNonNull("filename") ? meta.get("filename").asText() : u.filename();
            String id = ids.next();
            String contentType = ContentTypes.detect(filename, u.bytes());
            files.put(id, new StoredFile(id, filename, contentType, u.bytes()));
            ObjectNode a = out.addObject();
            a.put("id", id);
            a.put("filename", filename);
            a.put("size", u.bytes().length);
            String url = httpBase + "attachments/" + channelId + "/" + id + "/"
                    + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
            a.put("url", url);
            a.put("proxy_url", url);
            a.put("content_type", contentType);
            int[] size = ContentTypes.imageSize(u.bytes());
            if (size != null) {
                a.put("width", size[0]);
                a.put("height", size[1]);
            }
            if (meta != null && meta.hasNonNull("description") && !meta.get("description").asText().isEmpty()) {
                a.put("description", meta.get("description").asText());
            }
        }
        return out;
    }

    private ArrayNode normaliseEmbeds(JsonNode embeds, ArrayNode attachments) {
        ArrayNode out = json.createArrayNode();
        if (!embeds.isArray()) {
            return out;
        }
        for (JsonNode e : embeds) {
            ObjectNode copy = stripNulls(e.deepCopy());
            if (!copy.has("type")) {
                copy.put("type", "rich");
            }
            for (String media : List.of("image", "thumbnail")) {
                JsonNode url = copy.path(media).path("url");
                if (url.isTextual() && url.asText().startsWith("attachment://")) {
                    String name = url.asText().substring("attachment://".length());
                    for (JsonNode a : attachments) {
                        if (a.path("filename").asText().equals(name)) {
                            ObjectNode mediaNode = (ObjectNode) copy.get(media);
                            mediaNode.put("url", a.get("url").asText());
                            mediaNode.put("proxy_url", a.get("proxy_url").asText());
                            if (a.has("width")) {
                                mediaNode.put("width", a.get("width").asInt());
                                mediaNode.put("height", a.get("height").asInt());
                            }
                        }
                    }
                }
            }
            out.add(copy);
        }
        return out;
    }

    /** Discord gives every component an integer {@code id}; keep given ones, number the rest. */
    private ArrayNode normaliseComponents(JsonNode components) {
        ArrayNode out = json.createArrayNode();
        if (!components.isArray()) {
            return out;
        }
        components.forEach(c -> out.add(stripNulls(c.deepCopy())));
        int[] next = {1};
        Set<Integer> used = new HashSet<>();
        collectIds(out, used);
        assignIds(out, used, next);
        return out;
    }

    private static void collectIds(JsonNode node, Set<Integer> used) {
        if (node.isObject() && node.path("id").isInt()) {
            used.add(node.get("id").asInt());
        }
        node.forEach(child -> {
            if (child.isContainerNode()) {
                collectIds(child, used);
            }
        });
    }

    private static void assignIds(JsonNode node, Set<Integer> used, int[] next) {
        if (node.isObject() && node.has("type") && node.get("type").isInt() && !node.path("id").isInt()) {
            while (used.contains(next[0])) {
                next[0]++;
            }
            ((ObjectNode) node).put("id", next[0]);
            used.add(next[0]);
        }
        node.forEach(child -> {
            if (child.isContainerNode()) {
                assignIds(child, used, next);
            }
        });
    }

    private static ObjectNode stripNulls(ObjectNode node) {
        List<String> nulls = new ArrayList<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                nulls.add(e.getKey());
            } else if (e.getValue().isObject()) {
                stripNulls((ObjectNode) e.getValue());
            } else if (e.getValue().isArray()) {
                e.getValue().forEach(v -> {
                    if (v.isObject()) {
                        stripNulls((ObjectNode) v);
                    }
                });
            }
        });
        nulls.forEach(node::remove);
        return node;
    }

    private void dispatchMessage(String event, StoredMessage sm) {
        if (sm.ephemeral()) {
            return;
        }
        ObjectNode d = sm.json.deepCopy();
        d.put("guild_id", guild.id);
        Member author = guild.members.get(sm.author.id());
        if (author != null) {
            d.set("member", guild.memberJson(json, author, false));
        }
        gateway.dispatch(event, d, Gateway.GUILD_MESSAGES);
    }

    private void dispatchDelete(StoredMessage sm) {
        if (sm.ephemeral()) {
            return;
        }
        ObjectNode d = json.createObjectNode();
        d.put("id", sm.id);
        d.put("channel_id", sm.channelId);
        d.put("guild_id", guild.id);
        gateway.dispatch("MESSAGE_DELETE", d, Gateway.GUILD_MESSAGES);
    }

    /** Applies an edit body (only the fields present) and validates the result. */
    private void applyEdit(StoredMessage sm, JsonNode body, List<Upload> uploads, boolean markEdited) {
        Validation.message(json, body, 0, 0, false);
        ObjectNode m = sm.json.deepCopy();
        if (body.has("content")) {
            m.put("content", textOr(body, "content", ""));
        }
        ArrayNode attachments = (ArrayNode) m.path("attachments");
        if (body.has("attachments") || !uploads.isEmpty()) {
            ArrayNode kept = json.createArrayNode();
            if (body.path("attachments").isArray()) {
                Set<String> keep = new HashSet<>();
                body.path("attachments").forEach(a -> keep.add(a.path("id").asText()));
                attachments.forEach(a -> {
                    if (keep.contains(a.path("id").asText())) {
                        kept.add(a);
                    }
                });
            } else {
                kept.addAll(attachments);
            }
            attachments = buildAttachments(sm.channelId, body.path("attachments"), uploads, kept);
            m.set("attachments", attachments);
        }
        if (body.has("embeds")) {
            m.set("embeds", normaliseEmbeds(body.path("embeds"), attachments));
        }
        if (body.has("components")) {
            m.set("components", normaliseComponents(body.path("components")));
        }
        if (body.path("flags").isInt()) {
            int suppress = 1 << 2;
            m.put("flags", (m.path("flags").asInt() & ~suppress) | (body.get("flags").asInt() & suppress));
        }
        if (body.has("content") || body.has("allowed_mentions")) {
            Member replied = null;
            JsonNode refId = m.path("message_reference").path("message_id");
            if (refId.isTextual() && messages.containsKey(refId.asText())) {
                replied = messages.get(refId.asText()).author;
            }
            applyMentions(m, body.path("allowed_mentions"), sm.author, sm.channelId, replied);
        }
        Validation.message(json, m, 0, 0, true);
        if (markEdited) {
            m.put("edited_timestamp", Timestamps.format(clock.instant()));
        }
        sm.json = m;
    }

    // ---- bot-side (REST) message operations ----

    private void requireBot(String channelId, long permission) {
        long p = guild.permissions(guild.bot, channelId);
        if (!Permissions.has(p, Permissions.VIEW_CHANNEL)) {
            throw ApiException.missingAccess();
        }
        if (!Permissions.has(p, permission)) {
            throw ApiException.missingPermissions();
        }
    }

    synchronized ObjectNode botCreateMessage(String channelId, JsonNode body, List<Upload> uploads) {
        GuildModel.ChannelData c = channelData(channelId);
        requireBot(channelId, guild.sendPermission(channelId));
        if (c.archived && c.locked && !Permissions.has(guild.permissions(guild.bot, channelId), Permissions.MANAGE_THREADS)) {
            throw new ApiException(400, 50083, "Thread is archived");
        }
        if (!uploads.isEmpty()) {
            requireBot(channelId, Permissions.ATTACH_FILES);
        }
        if (body.path("message_reference").hasNonNull("message_id")) {
            requireBot(channelId, Permissions.READ_MESSAGE_HISTORY);
        }
        Validation.message(json, body, uploads.size(), 0, true);
        int flags = body.path("flags").asInt() & (1 << 2 | 1 << 12 | 1 << 15);
        ObjectNode checkedBody = body.deepCopy();
        if (!Permissions.has(guild.permissions(guild.bot, channelId), Permissions.EMBED_LINKS)) {
            checkedBody.putArray("embeds"); // Discord silently drops embeds without Embed Links
        }
        unarchiveOnActivity(c);
        if (c.channel.isThread() && !c.threadMembers.contains(botId())) {
            joinThread(guild.bot, channelId); // Discord adds whoever posts in a thread as a member
        }
        StoredMessage sm = insertMessage(channelId, guild.bot, 0, checkedBody, uploads, flags, false);
        dispatchMessage("MESSAGE_CREATE", sm);
        notifyAll();
        return sm.json.deepCopy();
    }

    synchronized ObjectNode botGetMessage(String channelId, String messageId) {
        requireBot(channelId, Permissions.READ_MESSAGE_HISTORY);
        StoredMessage sm = stored(channelId, messageId);
        if (sm.ephemeral()) {
            throw ApiException.unknownMessage();
        }
        return sm.json.deepCopy();
    }

    synchronized ObjectNode botEditMessage(String channelId, String messageId, JsonNode body, List<Upload> uploads) {
        StoredMessage sm = stored(channelId, messageId);
        if (sm.ephemeral()) {
            throw ApiException.unknownMessage(); // ephemeral responses exist only behind the interaction webhook
        }
        if (!sm.author.id().equals(botId())) {
            throw ApiException.cannotEditOthers();
        }
        applyEdit(sm, body, uploads, true);
        dispatchMessage("MESSAGE_UPDATE", sm);
        notifyAll();
        return sm.json.deepCopy();
    }

    synchronized void botDeleteMessage(String channelId, String messageId) {
        StoredMessage sm = stored(channelId, messageId);
        if (!sm.author.id().equals(botId())) {
            requireBot(channelId, Permissions.MANAGE_MESSAGES);
        }
        deleteStored(sm);
        notifyAll();
    }

    private void deleteStored(StoredMessage sm) {
        sm.deleted = true;
        GuildModel.ChannelData c = guild.channels.get(sm.channelId);
        if (c != null && c.channel.isThread() && c.messageCount > 0) {
            c.messageCount--;
        }
        dispatchDelete(sm);
    }

    synchronized ArrayNode history(String channelId, String before, String after, String around, Integer limit) {
        channelData(channelId);
        long p = guild.permissions(guild.bot, channelId);
        if (!Permissions.has(p, Permissions.VIEW_CHANNEL)) {
            throw ApiException.missingAccess();
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 100) {
            ObjectNode errors = json.createObjectNode();
            ObjectNode e = errors.putObject("limit").putArray("_errors").addObject();
            e.put("code", "NUMBER_TYPE_MAX");
            e.put("message", "int value should be less than or equal to 100.");
            throw ApiException.invalidForm(errors);
        }
        ArrayNode out = json.createArrayNode();
        if (!Permissions.has(p, Permissions.READ_MESSAGE_HISTORY)) {
            return out;
        }
        List<StoredMessage> visible = byChannel.getOrDefault(channelId, new TreeMap<>()).values().stream()
                .filter(m -> !m.deleted && !m.ephemeral()).toList();
        List<StoredMessage> picked = new ArrayList<>();
        if (around != null) {
            long pivot = Long.parseUnsignedLong(around);
            List<StoredMessage> older = visible.stream().filter(m -> Long.compareUnsigned(m.id.isEmpty() ? 0 : key(m), pivot) < 0).toList();
            List<StoredMessage> newer = visible.stream().filter(m -> Long.compareUnsigned(key(m), pivot) >= 0).toList();
            int half = n / 2;
            picked.addAll(older.subList(Math.max(0, older.size() - half), older.size()));
            picked.addAll(newer.subList(0, Math.min(newer.size(), n - Math.min(half, older.size()))));
        } else if (after != null) {
            long pivot = Long.parseUnsignedLong(after);
            List<StoredMessage> newer = visible.stream().filter(m -> Long.compareUnsigned(key(m), pivot) > 0).toList();
            picked.addAll(newer.subList(0, Math.min(n, newer.size())));
        } else {
            long pivot = before == null ? -1L : Long.parseUnsignedLong(before);
            List<StoredMessage> older = visible.stream()
                    .filter(m -> before == null || Long.compareUnsigned(key(m), pivot) < 0).toList();
            picked.addAll(older.subList(Math.max(0, older.size() - n), older.size()));
        }
        picked.sort((a, b) -> Long.compareUnsigned(key(b), key(a)));
        picked.forEach(m -> out.add(m.json.deepCopy()));
        return out;
    }

    private static long key(StoredMessage m) {
        return Long.parseUnsignedLong(m.id);
    }

    synchronized void botBulkDelete(String channelId, JsonNode body) {
        channelData(channelId);
        requireBot(channelId, Permissions.MANAGE_MESSAGES);
        JsonNode idsNode = body.path("messages");
        if (!idsNode.isArray() || idsNode.size() < 2 || idsNode.size() > 100) {
            throw new ApiException(400, 50016,
                    "You must provide at least 2 and fewer than 100 messages to delete.");
        }
        List<StoredMessage> targets = new ArrayList<>();
        Instant cutoff = clock.instant().minus(Duration.ofDays(14));
        for (JsonNode n : idsNode) {
            StoredMessage m = messages.get(n.asText());
            if (m != null && Snowflakes.timeOf(m.id).isBefore(cutoff)) {
                throw new ApiException(400, 50034, "You can only bulk delete messages that are under 14 days old.");
            }
            if (m != null && !m.deleted && m.channelId.equals(channelId)) {
                targets.add(m);
            }
        }
        bulkDeleteStored(channelId, targets);
        notifyAll();
    }

    private void bulkDeleteStored(String channelId, List<StoredMessage> targets) {
        ObjectNode d = json.createObjectNode();
        ArrayNode idArray = d.putArray("ids");
        for (StoredMessage m : targets) {
            m.deleted = true;
            idArray.add(m.id);
            GuildModel.ChannelData c = guild.channels.get(channelId);
            if (c.channel.isThread() && c.messageCount > 0) {
                c.messageCount--;
            }
        }
        d.put("channel_id", channelId);
        d.put("guild_id", guild.id);
        if (!targets.isEmpty()) {
            gateway.dispatch("MESSAGE_DELETE_BULK", d, Gateway.GUILD_MESSAGES);
        }
    }

    // ---- reactions ----

    synchronized void react(Member member, String channelId, String messageId, String emoji, boolean add) {
        StoredMessage sm = stored(channelId, messageId);
        if (member.id().equals(botId())) {
            requireBot(channelId, Permissions.READ_MESSAGE_HISTORY);
            if (add) {
                requireBot(channelId, Permissions.ADD_REACTIONS);
            }
        }
        String name = emoji;
        String emojiId = null;
        int colon = emoji.lastIndexOf(':');
        if (colon > 0) {
            name = emoji.substring(0, colon);
            emojiId = emoji.substring(colon + 1);
        }
        ArrayNode reactions = sm.json.has("reactions") ? (ArrayNode) sm.json.get("reactions") : sm.json.putArray("reactions");
        ObjectNode entry = null;
        for (JsonNode r : reactions) {
            if (r.path("emoji").path("name").asText().equals(name)) {
                entry = (ObjectNode) r;
            }
        }
        Set<String> users = reactionUsers(sm, emoji);
        boolean changed = add ? users.add(member.id()) : users.remove(member.id());
        if (!changed) {
            return;
        }
        if (entry == null) {
            entry = reactions.addObject();
            ObjectNode e = entry.putObject("emoji");
            if (emojiId == null) {
                e.putNull("id");
            } else {
                e.put("id", emojiId);
            }
            e.put("name", name);
            entry.put("burst_colors", json.createArrayNode().toString());
            entry.remove("burst_colors");
        }
        entry.put("count", users.size());
        ObjectNode details = entry.putObject("count_details");
        details.put("burst", 0);
        details.put("normal", users.size());
        entry.put("me", users.contains(botId()));
        entry.put("me_burst", false);
        entry.put("burst_me", false);
        if (users.isEmpty()) {
            for (int i = 0; i < reactions.size(); i++) {
                if (reactions.get(i) == entry) {
                    reactions.remove(i);
                    break;
                }
            }
        }
        ObjectNode d = json.createObjectNode();
        d.put("user_id", member.id());
        d.put("channel_id", channelId);
        d.put("message_id", messageId);
        d.put("guild_id", guild.id);
        if (add) {
            d.set("member", guild.memberJson(json, member, true));
            d.put("message_author_id", sm.author.id());
        }
        ObjectNode e = d.putObject("emoji");
        if (emojiId == null) {
            e.putNull("id");
        } else {
            e.put("id", emojiId);
        }
        e.put("name", name);
        d.put("burst", false);
        d.put("type", 0);
        gateway.dispatch(add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE", d, Gateway.GUILD_MESSAGE_REACTIONS);
        notifyAll();
    }

    private final Map<String, Set<String>> reactionUsers = new LinkedHashMap<>();

    private Set<String> reactionUsers(StoredMessage sm, String emoji) {
        return reactionUsers.computeIfAbsent(sm.id + "/" + emoji, k -> new java.util.LinkedHashSet<>());
    }

    // ---- threads ----

    synchronized ObjectNode createThreadFromMessage(Member creator, String channelId, String messageId, JsonNode body) {
        GuildModel.ChannelData parent = channelData(channelId);
        if (parent.channel.isThread()) {
            throw new ApiException(400, 50024, "Cannot execute action on this channel type");
        }
        StoredMessage sm = stored(channelId, messageId);
        long p = guild.permissions(creator, channelId);
        if (!Permissions.has(p, Permissions.VIEW_CHANNEL)) {
            throw ApiException.missingAccess();
        }
        if (!Permissions.has(p, Permissions.CREATE_PUBLIC_THREADS)) {
            throw ApiException.missingPermissions();
        }
        Validation.threadName(json, body);
        if (guild.channels.containsKey(messageId)) {
            throw new ApiException(400, 160004, "A thread has already been created for this message");
        }
        Instant now = clock.instant();
        Channel thread = new Channel(messageId, body.get("name").asText(), Channel.PUBLIC_THREAD, channelId, creator.id());
        guild.putChannel(thread, 0, null, now);
        GuildModel.ChannelData data = guild.channels.get(thread.id());
        data.autoArchiveDuration = body.path("auto_archive_duration").asInt(1440);
        data.threadMembers.add(creator.id());
        data.threadJoinedAt.put(creator.id(), now);
        threadOrder.add(thread.id());
        ObjectNode threadJson = guild.channelJson(json, data, true);
        ObjectNode created = threadJson.deepCopy();
        // "member" on a thread is the receiving bot's own membership: present only when the bot created it.
        created.put("newly_created", true);
        gateway.dispatch("THREAD_CREATE", created, Gateway.GUILDS);
        sm.json.put("flags", sm.flags() | 1 << 5);
        sm.json.set("thread", threadJson.deepCopy());
        dispatchMessage("MESSAGE_UPDATE", sm);
        notifyAll();
        return threadJson;
    }

    synchronized void joinThread(Member member, String threadId) {
        GuildModel.ChannelData t = channelData(threadId);
        if (!t.channel.isThread()) {
            throw new ApiException(400, 50024, "Cannot execute action on this channel type");
        }
        if (!Permissions.has(guild.permissions(member, threadId), Permissions.VIEW_CHANNEL)) {
            throw ApiException.missingAccess();
        }
        if (t.threadMembers.add(member.id())) {
            Instant now = clock.instant();
            t.threadJoinedAt.put(member.id(), now);
            if (member.id().equals(botId())) {
                ObjectNode d = json.createObjectNode();
                d.put("id", threadId);
                d.put("user_id", member.id());
                d.put("join_timestamp", Timestamps.format(now));
                d.put("flags", 1);
                d.put("guild_id", guild.id);
                gateway.dispatch("THREAD_MEMBER_UPDATE", d, Gateway.GUILDS);
            }
        }
        notifyAll();
    }

    synchronized ObjectNode channelJson(String channelId) {
        GuildModel.ChannelData c = channelData(channelId);
        if (!Permissions.has(guild.permissions(guild.bot, channelId), Permissions.VIEW_CHANNEL)) {
            throw ApiException.missingAccess();
        }
        return guild.channelJson(json, c, true);
    }

    /** Archives (and optionally locks) a thread as Discord's auto-archive or a moderator would (THREAD_UPDATE). */
    synchronized void archiveThread(String threadId, boolean lock) {
        GuildModel.ChannelData c = guild.channels.get(threadId);
        if (c == null || !c.channel.isThread()) {
            throw new IllegalArgumentException("not a thread: " + threadId);
        }
        c.archived = true;
        c.locked = lock;
        c.archiveTimestamp = clock.instant();
        gateway.dispatch("THREAD_UPDATE", guild.channelJson(json, c, true), Gateway.GUILDS);
        notifyAll();
    }

    /** Whether Discord would show the command to the member: {@code default_member_permissions} against theirs. */
    synchronized boolean commandVisibleTo(Member member, String channelId, String name, int type) {
        ObjectNode c = registeredCommand(name, type);
        if (c == null) {
            return false;
        }
        JsonNode required = c.path("default_member_permissions");
        if (required.isNull() || required.isMissingNode()) {
            return true;
        }
        long bits = Long.parseLong(required.asText());
        long has = guild.permissions(guild.members.getOrDefault(member.id(), member), channelId);
        return bits != 0 ? Permissions.has(has, bits) : Permissions.has(has, Permissions.ALL);
    }

    private void unarchiveOnActivity(GuildModel.ChannelData c) {
        if (c.channel.isThread() && c.archived && !c.locked) {
            c.archived = false;
            c.archiveTimestamp = clock.instant();
            gateway.dispatch("THREAD_UPDATE", guild.channelJson(json, c, true), Gateway.GUILDS);
        }
    }

    // ---- members (scenario) ----

    private void requireMember(Member author, String channelId, long permission, String action) {
        long p = guild.permissions(author, channelId);
        if (!Permissions.has(p, Permissions.VIEW_CHANNEL | permission)) {
            throw new IllegalStateException(author.name() + " may not " + action + " in #"
                    + guild.channels.get(channelId).channel.name() + " (missing permission)");
        }
    }

    synchronized SandboxMessage memberPost(Member author, String channelId, String content, String replyToId,
                                           List<FileUpload> attachments) {
        GuildModel.ChannelData c = channelData(channelId);
        requireMember(author, channelId, guild.sendPermission(channelId), "post");
        if (!attachments.isEmpty()) {
            requireMember(author, channelId, Permissions.ATTACH_FILES, "attach files");
        }
        ObjectNode body = json.createObjectNode();
        body.put("content", content);
        if (replyToId != null) {
            body.putObject("message_reference").put("message_id", replyToId);
        }
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            uploads.add(new Upload(i, attachments.get(i).filename(), attachments.get(i).bytes()));
        }
        Validation.message(json, body, uploads.size(), 0, true);
        unarchiveOnActivity(c);
        if (c.channel.isThread() && c.threadMembers.add(author.id())) {
            c.threadJoinedAt.put(author.id(), clock.instant());
        }
        StoredMessage sm = insertMessage(channelId, author, 0, body, uploads, 0, false);
        dispatchMessage("MESSAGE_CREATE", sm);
        notifyAll();
        return snapshot(sm);
    }

    synchronized SandboxMessage memberEdit(String messageId, String newContent) {
        StoredMessage sm = messages.get(messageId);
        if (sm == null || sm.deleted) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        ObjectNode body = json.createObjectNode();
        body.put("content", newContent);
        applyEdit(sm, body, List.of(), true);
        dispatchMessage("MESSAGE_UPDATE", sm);
        notifyAll();
        return snapshot(sm);
    }

    synchronized void memberDelete(String messageId) {
        StoredMessage sm = messages.get(messageId);
        if (sm == null || sm.deleted) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        deleteStored(sm);
        notifyAll();
    }

    synchronized void memberBulkDelete(String channelId, Collection<String> messageIds) {
        List<StoredMessage> targets = new ArrayList<>();
        for (String id : messageIds) {
            StoredMessage m = messages.get(id);
            if (m == null || m.deleted || !m.channelId.equals(channelId)) {
                throw new IllegalArgumentException("no message " + id + " in channel " + channelId);
            }
            targets.add(m);
        }
        bulkDeleteStored(channelId, targets);
        notifyAll();
    }

    synchronized Channel memberCreateThread(Member creator, String messageId, String name) {
        StoredMessage sm = messages.get(messageId);
        if (sm == null || sm.deleted) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        ObjectNode body = json.createObjectNode();
        body.put("name", name);
        try {
            createThreadFromMessage(creator, sm.channelId, messageId, body);
        } catch (ApiException e) {
            throw new IllegalStateException(creator.name() + " cannot create thread: " + e.getMessage());
        }
        return guild.channels.get(messageId).channel;
    }

    // ------------------------------------------------------------------ application commands

    synchronized ArrayNode listCommands(String guildId) {
        Map<String, ObjectNode> target = commandMap(guildId);
        ArrayNode out = json.createArrayNode();
        target.values().forEach(c -> out.add(c.deepCopy()));
        return out;
    }

    synchronized ArrayNode overwriteCommands(String guildId, JsonNode body) {
        Map<String, ObjectNode> target = commandMap(guildId);
        if (!body.isArray()) {
            throw ApiException.invalidForm(json.createObjectNode());
        }
        for (int i = 0; i < body.size(); i++) {
            Validation.command(json, body.get(i), Integer.toString(i));
        }
        Map<String, ObjectNode> old = new LinkedHashMap<>(target);
        target.clear();
        ArrayNode out = json.createArrayNode();
        for (JsonNode c : body) {
            ObjectNode stored = commandJson(guildId, c, findByName(old, c));
            target.put(stored.get("id").asText(), stored);
            out.add(stored.deepCopy());
        }
        notifyAll();
        return out;
    }

    /** Creates or replaces one command; returns {@code [created?, json]}. */
    synchronized Object[] upsertCommand(String guildId, JsonNode body) {
        Map<String, ObjectNode> target = commandMap(guildId);
        Validation.command(json, body, "");
        ObjectNode existing = findByName(target, body);
        ObjectNode stored = commandJson(guildId, body, existing);
        target.put(stored.get("id").asText(), stored);
        notifyAll();
        return new Object[] {existing == null, stored.deepCopy()};
    }

    synchronized ObjectNode getCommand(String guildId, String commandId) {
        ObjectNode c = commandMap(guildId).get(commandId);
        if (c == null) {
            throw ApiException.unknownCommand();
        }
        return c.deepCopy();
    }

    synchronized ObjectNode editCommand(String guildId, String commandId, JsonNode patch) {
        Map<String, ObjectNode> target = commandMap(guildId);
        ObjectNode c = target.get(commandId);
        if (c == null) {
            throw ApiException.unknownCommand();
        }
        ObjectNode merged = c.deepCopy();
        patch.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        Validation.command(json, merged, "");
        merged.put("version", ids.next());
        target.put(commandId, merged);
        notifyAll();
        return merged.deepCopy();
    }

    synchronized void deleteCommand(String guildId, String commandId) {
        if (commandMap(guildId).remove(commandId) == null) {
            throw ApiException.unknownCommand();
        }
        notifyAll();
    }

    private Map<String, ObjectNode> commandMap(String guildId) {
        if (guildId == null) {
            return globalCommands;
        }
        if (!guildId.equals(guild.id)) {
            throw new ApiException(403, 50001, "Missing Access");
        }
        return guildCommands;
    }

    private static ObjectNode findByName(Map<String, ObjectNode> commands, JsonNode c) {
        for (ObjectNode existing : commands.values()) {
            if (existing.path("name").asText().equals(c.path("name").asText())
                    && existing.path("type").asInt(1) == c.path("type").asInt(1)) {
                return existing;
            }
        }
        return null;
    }

    private ObjectNode commandJson(String guildId, JsonNode c, ObjectNode existing) {
        ObjectNode n = c.deepCopy();
        n.put("id", existing != null ? existing.get("id").asText() : ids.next());
        n.put("application_id", botId());
        n.put("version", ids.next());
        if (!n.has("type")) {
            n.put("type", 1);
        }
        if (!n.has("description") || n.get("description").isNull()) {
            n.put("description", "");
        }
        if (!n.has("default_member_permissions")) {
            n.putNull("default_member_permissions");
        }
        if (!n.has("nsfw")) {
            n.put("nsfw", false);
        }
        if (!n.has("integration_types") || n.get("integration_types").isNull()) {
            n.putArray("integration_types").add(0);
        }
        if (!n.has("contexts") || n.get("contexts").isNull()) {
            n.putArray("contexts").add(0).add(1).add(2);
        }
        if (guildId != null) {
            n.put("guild_id", guildId);
        }
        return n;
    }

    /** The registered command with that name and type, guild commands first. */
    synchronized ObjectNode registeredCommand(String name, int type) {
        for (Map<String, ObjectNode> map : List.of(guildCommands, globalCommands)) {
            for (ObjectNode c : map.values()) {
                if (c.path("name").asText().equals(name) && c.path("type").asInt(1) == type) {
                    return c.deepCopy();
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ interactions (member side)

    synchronized InteractionState createInteraction(int type, Member member, String channelId, ObjectNode data,
                                                    String sourceMessageId, int responseType) {
        GuildModel.ChannelData channel = channelData(channelId);
        Member m = guild.members.get(member.id());
        if (m == null) {
            throw new IllegalArgumentException("not a member: " + member.name());
        }
        long perms = guild.permissions(m, channelId);
        if (!Permissions.has(perms, Permissions.VIEW_CHANNEL)) {
            throw new IllegalStateException(m.name() + " cannot see #" + channel.channel.name());
        }
        String id = ids.next();
        byte[] random = new byte[48];
        ThreadLocalRandom.current().nextBytes(random);
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String interactionToken = "aW50ZXJhY3Rpb246" + b64.encodeToString((id + ":").getBytes(StandardCharsets.UTF_8))
                + b64.encodeToString(random);
        ObjectNode p = json.createObjectNode();
        p.put("id", id);
        p.put("application_id", botId());
        p.put("type", type);
        p.set("data", data);
        p.put("guild_id", guild.id);
        ObjectNode g = p.putObject("guild");
        g.put("id", guild.id);
        g.put("locale", "en-US");
        g.putArray("features");
        p.put("channel_id", channelId);
        ObjectNode ch = guild.channelJson(json, channel, true);
        ch.put("permissions", Long.toString(perms));
        p.set("channel", ch);
        ObjectNode mem = guild.memberJson(json, m, true);
        mem.put("permissions", Long.toString(perms));
        p.set("member", mem);
        p.put("token", interactionToken);
        p.put("version", 1);
        p.put("app_permissions", Long.toString(guild.permissions(guild.bot, channelId)));
        p.put("locale", "en-US");
        p.put("guild_locale", "en-US");
        p.putArray("entitlements");
        p.putObject("authorizing_integration_owners").put("0", guild.id);
        p.put("context", 0);
        p.put("attachment_size_limit", 26_214_400);
        if (sourceMessageId != null) {
            StoredMessage source = messages.get(sourceMessageId);
            if (source != null) {
                p.set("message", source.json.deepCopy());
            }
        }
        InteractionState s = new InteractionState(id, interactionToken, type, Snowflakes.timeOf(id), m, channelId, p,
                sourceMessageId, responseType);
        interactions.put(id, s);
        interactionsByToken.put(interactionToken, s);
        gateway.dispatch("INTERACTION_CREATE", p.deepCopy(), 0);
        notifyAll();
        return s;
    }

    /** Stores a file a member attached to a command and returns its resolved attachment object. */
    synchronized ObjectNode storeCommandAttachment(String channelId, FileUpload upload) {
        ArrayNode arr = buildAttachments(channelId, json.createArrayNode(),
                List.of(new Upload(0, upload.filename(), upload.bytes())), json.createArrayNode());
        ObjectNode a = (ObjectNode) arr.get(0);
        a.put("ephemeral", true);
        return a;
    }

    synchronized ObjectNode resolvedMessage(String messageId) {
        StoredMessage sm = messages.get(messageId);
        if (sm == null || sm.deleted) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        return sm.json.deepCopy();
    }

    synchronized ObjectNode userJson(Member m) {
        return guild.userJson(json, m);
    }

    synchronized ObjectNode memberJson(Member m) {
        ObjectNode n = guild.memberJson(json, m, false);
        return n;
    }

    synchronized ObjectNode channelJsonForResolved(Channel c, Member viewer) {
        ObjectNode n = json.createObjectNode();
        n.put("id", c.id());
        n.put("name", c.name());
        n.put("type", c.type());
        n.put("permissions", Long.toString(guild.permissions(viewer, c.id())));
        if (c.parentId() != null) {
            n.put("parent_id", c.parentId());
        }
        return n;
    }

    synchronized ObjectNode roleJson(Role r) {
        return guild.roleJson(json, r);
    }

    // ------------------------------------------------------------------ interactions (bot side)

    /** Handles {@code POST interactions/{id}/{token}/callback}; returns the 200 body. */
    synchronized ObjectNode interactionCallback(String id, String interactionToken, JsonNode body, List<Upload> uploads) {
        InteractionState s = interactions.get(id);
        if (s == null || !s.token.equals(interactionToken)) {
            throw ApiException.unknownInteraction();
        }
        if (s.callbackType != null) {
            throw ApiException.alreadyAcknowledged();
        }
        if (Duration.between(s.createdAt, clock.instant()).compareTo(ACK_WINDOW) > 0) {
            throw ApiException.unknownInteraction();
        }
        int type = body.path("type").asInt(-1);
        JsonNode data = body.path("data");
        boolean componentLike = s.type == InteractionState.MESSAGE_COMPONENT
                || (s.type == InteractionState.MODAL_SUBMIT && s.sourceMessageId != null);
        boolean valid = switch (type) {
            case 4, 5 -> s.type != InteractionState.AUTOCOMPLETE;
            case 6, 7 -> componentLike;
            case 8 -> s.type == InteractionState.AUTOCOMPLETE;
            case 9 -> s.type == InteractionState.APPLICATION_COMMAND || s.type == InteractionState.MESSAGE_COMPONENT;
            default -> false;
        };
        if (!valid) {
            ObjectNode errors = json.createObjectNode();
            ObjectNode e = errors.putObject("type").putArray("_errors").addObject();
            e.put("code", "INTERACTION_RESPONSE_TYPE_INVALID");
            e.put("message", "Interaction response type " + type + " is not valid for this interaction");
            throw ApiException.invalidForm(errors);
        }
        ObjectNode resource = json.createObjectNode();
        resource.put("type", type);
        StoredMessage message = null;
        switch (type) {
            case 4 -> {
                Validation.message(json, data, uploads.size(), 0, true);
                int flags = data.path("flags").asInt() & (SandboxMessage.EPHEMERAL | 1 << 2 | 1 << 12 | 1 << 15);
                message = insertMessage(s.channelId, guild.bot, s.responseMessageType, data, uploads, flags, true);
                decorateResponse(s, message);
                s.originalMessageId = message.id;
                dispatchMessage("MESSAGE_CREATE", message);
            }
            case 5 -> {
                int flags = SandboxMessage.LOADING | (data.path("flags").asInt() & SandboxMessage.EPHEMERAL);
                message = insertMessage(s.channelId, guild.bot, s.responseMessageType, json.createObjectNode(),
                        List.of(), flags, true);
                decorateResponse(s, message);
                s.originalMessageId = message.id;
                s.originalLoading = true;
                dispatchMessage("MESSAGE_CREATE", message);
            }
            case 6 -> s.originalMessageId = s.sourceMessageId;
            case 7 -> {
                s.originalMessageId = s.sourceMessageId;
                message = messages.get(s.sourceMessageId);
                if (message == null || message.deleted) {
                    throw ApiException.unknownMessage();
                }
                applyEdit(message, data, uploads, true);
                dispatchMessage("MESSAGE_UPDATE", message);
            }
            case 8 -> s.autocompleteChoices = data.deepCopy();
            case 9 -> {
                ObjectNode modal = data.deepCopy();
                ObjectNode errors = json.createObjectNode();
                if (Validation.text(modal, "custom_id") == null) {
                    errors.putObject("data").putObject("custom_id").putArray("_errors").addObject()
                            .put("code", "BASE_TYPE_REQUIRED").put("message", "This field is required");
                }
                String title = Validation.text(modal, "title");
                if (title == null || Validation.length(title) > 45) {
                    errors.with("data").putObject("title").putArray("_errors").addObject()
                            .put("code", "BASE_TYPE_BAD_LENGTH").put("message", "Must be between 1 and 45 in length.");
                }
                int count = modal.path("components").size();
                if (count < 1 || count > 5) {
                    errors.with("data").putObject("components").putArray("_errors").addObject()
                            .put("code", "BASE_TYPE_BAD_LENGTH").put("message", "Must be between 1 and 5 in length.");
                }
                if (!errors.isEmpty()) {
                    throw ApiException.invalidForm(errors);
                }
                modal.set("components", normaliseComponents(modal.path("components")));
                s.modal = modal;
            }
            default -> throw new IllegalStateException("unreachable");
        }
        s.callbackType = type;
        s.acknowledgedAt = clock.instant();
        ObjectNode out = json.createObjectNode();
        ObjectNode inter = out.putObject("interaction");
        inter.put("id", s.id);
        inter.put("type", s.type);
        if (message != null) {
            inter.put("response_message_id", message.id);
            inter.put("response_message_loading", (message.flags() & SandboxMessage.LOADING) != 0);
            inter.put("response_message_ephemeral", message.ephemeral());
            resource.set("message", message.json.deepCopy());
        }
        out.set("resource", resource);
        notifyAll();
        return out;
    }

    private void decorateResponse(InteractionState s, StoredMessage message) {
        message.interactionId = s.id;
        ObjectNode meta = message.json.putObject("interaction_metadata");
        meta.put("id", s.id);
        meta.put("type", s.type);
        meta.set("user", guild.userJson(json, s.member));
        meta.putObject("authorizing_integration_owners").put("0", guild.id);
        if (s.type == InteractionState.APPLICATION_COMMAND) {
            String name = s.payload.path("data").path("name").asText();
            meta.put("name", name);
            ObjectNode legacy = message.json.putObject("interaction");
            legacy.put("id", s.id);
            legacy.put("type", s.type);
            legacy.put("name", name);
            legacy.set("user", guild.userJson(json, s.member));
            ObjectNode member = guild.memberJson(json, s.member, false);
            legacy.set("member", member);
        }
        if (s.sourceMessageId != null) {
            meta.put("interacted_message_id", s.sourceMessageId);
        }
    }

    private InteractionState byToken(String applicationId, String interactionToken) {
        InteractionState s = interactionsByToken.get(interactionToken);
        if (s == null || !applicationId.equals(botId()) || s.callbackType == null) {
            throw ApiException.unknownWebhook();
        }
        if (Duration.between(s.createdAt, clock.instant()).compareTo(TOKEN_LIFETIME) > 0) {
            throw ApiException.invalidWebhookToken();
        }
        return s;
    }

    /** {@code POST webhooks/{app}/{token}}: a follow-up, or the first one filling a deferred reply. */
    synchronized ObjectNode followUp(String applicationId, String interactionToken, JsonNode body, List<Upload> uploads) {
        InteractionState s = byToken(applicationId, interactionToken);
        Validation.message(json, body, uploads.size(), 0, true);
        StoredMessage message;
        if (s.originalLoading) {
            message = messages.get(s.originalMessageId);
            int ephemeral = message.flags() & SandboxMessage.EPHEMERAL;
            ObjectNode patch = body.deepCopy();
            patch.remove("flags");
            applyEdit(message, patch, uploads, false);
            message.json.put("flags", ephemeral | (body.path("flags").asInt() & (1 << 2 | 1 << 12)));
            s.originalLoading = false;
            dispatchMessage("MESSAGE_UPDATE", message);
        } else {
            int flags = body.path("flags").asInt() & (SandboxMessage.EPHEMERAL | 1 << 2 | 1 << 12 | 1 << 15);
            message = insertMessage(s.channelId, guild.bot, 0, body, uploads, flags, true);
            message.interactionId = s.id;
            ObjectNode meta = message.json.putObject("interaction_metadata");
            meta.put("id", s.id);
            meta.put("type", s.type);
            meta.set("user", guild.userJson(json, s.member));
            meta.putObject("authorizing_integration_owners").put("0", guild.id);
            s.followUpIds.add(message.id);
            dispatchMessage("MESSAGE_CREATE", message);
        }
        notifyAll();
        return message.json.deepCopy();
    }

    private StoredMessage webhookMessage(InteractionState s, String messageId) {
        String id = "@original".equals(messageId) ? s.originalMessageId : messageId;
        if (id == null || !(id.equals(s.originalMessageId) || s.followUpIds.contains(id))) {
            throw ApiException.unknownMessage();
        }
        StoredMessage m = messages.get(id);
        if (m == null || m.deleted) {
            throw ApiException.unknownMessage();
        }
        return m;
    }

    synchronized ObjectNode webhookEdit(String applicationId, String interactionToken, String messageId, JsonNode body,
                                        List<Upload> uploads) {
        InteractionState s = byToken(applicationId, interactionToken);
        StoredMessage m = webhookMessage(s, messageId);
        boolean filling = s.originalLoading && m.id.equals(s.originalMessageId);
        ObjectNode patch = body.deepCopy();
        patch.remove("flags");
        applyEdit(m, patch, uploads, !filling);
        if (filling) {
            m.json.put("flags", m.flags() & ~SandboxMessage.LOADING);
            s.originalLoading = false;
        }
        dispatchMessage("MESSAGE_UPDATE", m);
        notifyAll();
        return m.json.deepCopy();
    }

    synchronized ObjectNode webhookGet(String applicationId, String interactionToken, String messageId) {
        return webhookMessage(byToken(applicationId, interactionToken), messageId).json.deepCopy();
    }

    synchronized void webhookDelete(String applicationId, String interactionToken, String messageId) {
        InteractionState s = byToken(applicationId, interactionToken);
        deleteStored(webhookMessage(s, messageId));
        notifyAll();
    }

    private static String textOr(JsonNode body, String field, String fallback) {
        JsonNode v = body.path(field);
        return v.isTextual() ? v.asText() : fallback;
    }
}
