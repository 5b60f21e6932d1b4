package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A local Discord-compatible server (REST API v10 under {@link #restUrl()}, Gateway v10 at {@link
 * #gatewayUrl()}) bound to 127.0.0.1 on an ephemeral port, serving one realistic guild (or several,
 * see {@link Builder#guilds(int)} and {@link SandboxGuild}), plus the scenario API tests use to act
 * as members and read back what the bot did.
 *
 * <pre>{@code
 * try (DiscordSandbox sandbox = DiscordSandbox.start()) {
 *     JDA jda = JDABuilder.createLight(sandbox.token(), GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
 *             .setRestConfig(new RestConfig().setBaseUrl(sandbox.restUrl()))
 *             .setSessionController(new SessionControllerAdapter() {
 *                 public String getGateway() { return sandbox.gatewayUrl(); }
 *             })
 *             .build().awaitReady();
 *     SandboxMessage take = sandbox.post(sandbox.member(), sandbox.general(), "my take");
 *     InteractionHandle summary = sandbox.slash(sandbox.member(), sandbox.general(), "takes summary", Map.of());
 *     SandboxMessage answer = summary.awaitResponse(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>The guild has {@code @everyone} (id = guild id), a Moderator role (Manage Messages, Manage
 * Threads), the bot's managed role with {@link Permissions#BOT_DEFAULT}, the channels {@code
 * #news}, {@code #general} and {@code #read-only} (only moderators may write), the owner, the bot's
 * member, a default {@link #moderator()} and a default plain {@link #member()}. Like Discord
 * without the presence intent, GUILD_CREATE lists only the bot's own member; the others reach the
 * bot through message and interaction payloads.
 *
 * <p>Behaviour a bot can observe follows Discord: every created message comes back as
 * MESSAGE_CREATE (ephemeral ones excepted), edits and deletes as MESSAGE_UPDATE/DELETE/DELETE_BULK,
 * Discord's error bodies and codes, permissions computed from roles and overwrites, {@code Via} and
 * rate-limit headers, the Message Content intent rule, RESUME with replay, the 3-second interaction
 * window. Not modelled: DMs, voice, presences, guild member chunking beyond one chunk, stickers,
 * polls, forum channels, scheduled events, webhooks other than interaction webhooks, audit logs,
 * and real (as opposed to scripted) rate-limit exhaustion beyond 50 requests per second and route.
 *
 * <p>Sharding follows Discord: an IDENTIFY with {@code shard: [id, n]} gets READY and GUILD_CREATE
 * only for the guilds with {@code (guild_id >> 22) % n == id}, and only their dispatches; {@code
 * GET /gateway/bot} answers {@code shards} and {@code session_start_limit}; each accepted IDENTIFY
 * uses one session start, and one sooner than {@link Builder#identifyInterval} after the last in
 * its bucket ({@code shard_id % max_concurrency}) gets op 9 (not resumable). The single-guild
 * methods ({@link #guildId()}, {@link #news()}, {@link #member()}…) name the first guild; the
 * member-acting ones work in any guild, by channel.
 *
 * <p>All methods are thread-safe. {@link #close()} stops the HTTP server, every socket and every
 * thread.
 */
public final class DiscordSandbox implements AutoCloseable {

  /** Configures a sandbox before it starts. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private String token = "sandbox-bot-token";
    private String botName = "TakeBot";
    private int heartbeatInterval = 41_250;
    private long privilegedIntents = Gateway.PRIVILEGED;
    private int guilds = 1;
    private int recommendedShards = 1;
    private int sessionStartLimit = 1000;
    private int maxConcurrency = 1;
    private Duration identifyInterval = Duration.ofSeconds(5);

    private Builder() {}

    /**
     * How many guilds the sandbox serves (default 1). The first is the one {@link #guildId()},
     * {@link #news()} and the other single-guild methods name; {@link #guilds()} lists all. Their
     * ids are minted a millisecond apart, so consecutive guilds fall on consecutive shards.
     */
    public Builder guilds(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("a sandbox serves at least one guild");
      }
      this.guilds = count;
      return this;
    }

    /** The {@code shards} count {@code GET /gateway/bot} recommends (default 1). */
    public Builder recommendedShards(int shards) {
      if (shards < 1) {
        throw new IllegalArgumentException("recommended shards must be at least 1");
      }
      this.recommendedShards = shards;
      return this;
    }

    /**
     * The daily {@code session_start_limit.total} (default 1000); each accepted IDENTIFY uses one,
     * and once none remain an IDENTIFY gets op 9 like on Discord. RESUMEs are free.
     */
    public Builder sessionStartLimit(int total) {
      if (total < 0) {
        throw new IllegalArgumentException("session start limit must not be negative");
      }
      this.sessionStartLimit = total;
      return this;
    }

    /**
     * {@code session_start_limit.max_concurrency} (default 1): shards are paced in buckets {@code
     * shard_id % max_concurrency}, each allowed one IDENTIFY per {@link #identifyInterval}.
     */
    public Builder maxConcurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("max concurrency must be at least 1");
      }
      this.maxConcurrency = concurrency;
      return this;
    }

    /**
     * How soon a bucket may IDENTIFY again (Discord: 5 s); one sooner gets op 9 invalid session
     * (not resumable). {@link Duration#ZERO} turns pacing off.
     */
    public Builder identifyInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("identify interval must not be negative");
      }
      this.identifyInterval = interval;
      return this;
    }

    /**
     * The clock for ids, timestamps and the 3-second interaction window. JDA judges interaction ids
     * against its own wall clock, so a custom clock must track real time (an offset clock is fine,
     * a fixed one is not).
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The bot token the sandbox accepts (as {@code Authorization: Bot <token>}). */
    public Builder token(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
      this.token = token;
      return this;
    }

    /** The bot user's name. */
    public Builder botName(String name) {
      this.botName = Objects.requireNonNull(name);
      return this;
    }

    /** The heartbeat interval announced in HELLO, in milliseconds (Discord: 41250). */
    public Builder heartbeatInterval(int millis) {
      if (millis < 100) {
        throw new IllegalArgumentException("heartbeat interval must be at least 100 ms");
      }
      this.heartbeatInterval = millis;
      return this;
    }

    /**
     * Whether the application may use the privileged Message Content intent (the developer-portal
     * switch). When off, an IDENTIFY asking for it is closed with 4014 "Disallowed intent(s)", like
     * Discord.
     */
    public Builder messageContentIntentAllowed(boolean allowed) {
      this.privilegedIntents =
          allowed
              ? privilegedIntents | Gateway.MESSAGE_CONTENT
              : privilegedIntents & ~Gateway.MESSAGE_CONTENT;
      return this;
    }

    /** Builds and starts the sandbox. */
    public DiscordSandbox start() {
      return new DiscordSandbox(this).startServer();
    }
  }

  private final SandboxEngine engine;
  private final Member defaultModerator;
  private final Member defaultMember;
  private final List<SandboxGuild> guilds = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private Javalin app;
  private int port;

  private DiscordSandbox(Builder b) {
    this.engine =
        new SandboxEngine(
            new ObjectMapper(),
            b.clock,
            b.token,
            b.botName,
            b.heartbeatInterval,
            b.privilegedIntents,
            new Gateway.Sharding(
                b.recommendedShards, b.sessionStartLimit, b.maxConcurrency, b.identifyInterval),
            b.guilds);
    for (GuildModel g : engine.guilds.all()) {
      guilds.add(new SandboxGuild(engine, g));
    }
    this.defaultModerator = guilds.get(0).moderator();
    this.defaultMember = guilds.get(0).member();
  }

  /** A builder for a customised sandbox. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a sandbox with the defaults (token {@code sandbox-bot-token}, system clock). */
  public static DiscordSandbox start() {
    return builder().start();
  }

  private DiscordSandbox startServer() {
    QueuedThreadPool pool = new QueuedThreadPool(32, 2, 60_000);
    pool.setName("discord-sandbox-http");
    pool.setDaemon(true);
    Javalin javalin =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.startupWatcherEnabled = false;
              cfg.jetty.threadPool = pool;
              cfg.jetty.multipartConfig.maxFileSize(25, SizeUnit.MB);
              cfg.jetty.multipartConfig.maxInMemoryFileSize(25, SizeUnit.MB);
              cfg.jetty.multipartConfig.maxTotalRequestSize(50, SizeUnit.MB);
              cfg.jetty.modifyWebSocketServletFactory(
                  f -> {
                    f.setIdleTimeout(Duration.ofMinutes(10));
                    f.setMaxTextMessageSize(1 << 20);
                  });
              cfg.routes.ws("/gateway", ws -> engine.gateway.configure(ws, "gateway"));
              cfg.routes.ws(
                  "/gateway-resume", ws -> engine.gateway.configure(ws, "gateway-resume"));
              new RestApi(engine).register(cfg.routes);
            });
    try {
      javalin.start("127.0.0.1", 0);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    this.app = javalin;
    this.port = javalin.port();
    engine.httpBase("http://127.0.0.1:" + port + "/");
    return this;
  }

  // ------------------------------------------------------------------ endpoints

  /** The TCP port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /**
   * REST base for JDA's {@code RestConfig#setBaseUrl}, e.g. {@code http://127.0.0.1:PORT/api/v10/}.
   */
  public String restUrl() {
    return "http://127.0.0.1:" + port + RestApi.ROOT;
  }

  /** Gateway URL for the session controller, e.g. {@code ws://127.0.0.1:PORT/gateway}. */
  public String gatewayUrl() {
    return engine.gatewayUrl();
  }

  /**
   * The {@code resume_gateway_url} sent in READY; distinct from {@link #gatewayUrl()} so resumes
   * are visible.
   */
  public String resumeGatewayUrl() {
    return engine.resumeGatewayUrl();
  }

  /** The bot token the sandbox accepts. */
  public String token() {
    return engine.token;
  }

  // ------------------------------------------------------------------ the guilds

  /** Every guild, first (the one the single-guild methods name) first. */
  public List<SandboxGuild> guilds() {
    return List.copyOf(guilds);
  }

  /**
   * Adds a guild with its own roles, channels and members. Sessions already connected do not learn
   * of it (the bot joining a guild is not emulated); connect after adding.
   */
  public SandboxGuild addGuild(String name) {
    Objects.requireNonNull(name);
    SandboxGuild g = new SandboxGuild(engine, engine.call(() -> engine.addGuild(name)));
    guilds.add(g);
    return g;
  }

  // ------------------------------------------------------------------ the first guild

  /** The guild's id (also the id of {@code @everyone}). */
  public String guildId() {
    return engine.guild.id;
  }

  /** The bot's user/member. */
  public Member bot() {
    return engine.guild.bot;
  }

  /** The application id (equal to the bot's user id, as for modern apps). */
  public String applicationId() {
    return engine.botId();
  }

  /** The guild owner (holds the Moderator role; owners have every permission). */
  public Member owner() {
    return engine.guild.owner;
  }

  /** The {@code @everyone} role. */
  public Role everyoneRole() {
    return engine.guild.everyone;
  }

  /** The Moderator role (Manage Messages, Manage Threads). */
  public Role moderatorRole() {
    return engine.guild.moderator;
  }

  /** The bot's managed role, carrying {@link Permissions#BOT_DEFAULT}. */
  public Role botRole() {
    return engine.guild.botRole;
  }

  /** {@code #news}, where articles are posted. */
  public Channel news() {
    return engine.guild.news;
  }

  /** {@code #general}. */
  public Channel general() {
    return engine.guild.general;
  }

  /** {@code #read-only}: {@code @everyone} (and so the bot) may not send; moderators may. */
  public Channel readOnly() {
    return engine.guild.readOnly;
  }

  /** The default moderator, {@code mod}. */
  public Member moderator() {
    return defaultModerator;
  }

  /** The default plain member, {@code member}. */
  public Member member() {
    return defaultMember;
  }

  /**
   * Adds a member holding the given roles (dispatches GUILD_MEMBER_ADD to sessions with that
   * intent).
   */
  public Member addMember(String name, Role... roles) {
    return engine.call(() -> engine.guildChanges.addMember(engine.guild, name, roles));
  }

  /**
   * Sets the language of the member's Discord client (e.g. {@code fr}), sent as {@code locale} on
   * their interactions in every guild.
   */
  public void setUserLocale(Member member, String locale) {
    engine.run(() -> engine.interactions.setUserLocale(member, locale));
  }

  /**
   * Sets the first guild's {@code preferred_locale} (e.g. {@code fr}), sent in GUILD_CREATE,
   * GUILD_UPDATE and as {@code guild_locale} on interactions.
   */
  public void setPreferredLocale(String locale) {
    guilds.get(0).setPreferredLocale(locale);
  }

  /** Adds a role with the given permission bits (GUILD_ROLE_CREATE). */
  public Role addRole(String name, long permissions) {
    return engine.call(() -> engine.guildChanges.addRole(engine.guild, name, permissions));
  }

  /**
   * Changes a role's permissions (GUILD_ROLE_UPDATE), e.g. to take a permission away from the bot.
   */
  public Role setRolePermissions(Role role, long permissions) {
    return engine.call(() -> engine.guildChanges.setRolePermissions(role, permissions));
  }

  /**
   * Deletes a role (GUILD_ROLE_DELETE): its members lose it and channels its overwrites. The
   * {@code @everyone} and managed roles cannot be deleted, as on Discord.
   */
  public void deleteRole(Role role) {
    engine.run(() -> engine.guildChanges.deleteRole(role));
  }

  /**
   * Adds a text channel only the given roles can see, like a {@code #staff} channel:
   * {@code @everyone} is denied View Channel and each role is allowed it (CHANNEL_CREATE). Pass the
   * bot's role for the bot to see it too.
   */
  public Channel addPrivateChannel(String name, Role... viewers) {
    List<GuildModel.Overwrite> overwrites = new ArrayList<>();
    overwrites.add(new GuildModel.Overwrite(guildId(), 0, 0, Permissions.VIEW_CHANNEL));
    for (Role r : viewers) {
      overwrites.add(new GuildModel.Overwrite(r.id(), 0, Permissions.VIEW_CHANNEL, 0));
    }
    return engine.call(() -> engine.guildChanges.addTextChannel(engine.guild, name, overwrites));
  }

  /**
   * Times a member out for {@code duration} (GUILD_MEMBER_UPDATE with {@code
   * communication_disabled_until}); {@link Duration#ZERO} lifts it. While timed out the member
   * keeps only View Channel and Read Message History.
   */
  public void timeOut(Member member, Duration duration) {
    Instant until = duration.isZero() ? null : engine.clock.instant().plus(duration);
    engine.run(() -> engine.guildChanges.timeOut(member, until));
  }

  /**
   * Sets one member's permission overwrite on a channel (CHANNEL_UPDATE); its threads follow it.
   */
  public void setMemberOverwrite(Channel channel, Member member, long allow, long deny) {
    engine.run(() -> engine.guildChanges.setMemberOverwrite(channel.id(), member, allow, deny));
  }

  /** All current members, including the bot and the owner. */
  public List<Member> members() {
    return engine.call(() -> List.copyOf(engine.guild.members.values()));
  }

  /** All roles, lowest position first. */
  public List<Role> roles() {
    return engine.call(engine.guild::sortedRoles);
  }

  /**
   * A member's effective permissions in a channel (roles and overwrites; threads use their parent).
   */
  public long permissions(Member member, Channel channel) {
    return engine.call(
        () -> {
          GuildModel guild = engine.guilds.ofChannel(channel.id());
          return guild.permissions(guild.members.getOrDefault(member.id(), member), channel.id());
        });
  }

  /** A channel or thread by id. */
  public Optional<Channel> channel(String id) {
    return engine.call(
        () -> {
          for (GuildModel g : engine.guilds.all()) {
            GuildModel.ChannelData c = g.channels.get(id);
            if (c != null) {
              return Optional.of(c.channel);
            }
          }
          return Optional.<Channel>empty();
        });
  }

  // ------------------------------------------------------------------ members act

  /**
   * Posts a message as a member; throws {@link IllegalStateException} when the member may not post
   * there.
   */
  public SandboxMessage post(Member author, Channel channel, String content, FileUpload... files) {
    return engine.call(
        () -> engine.messages.memberPost(author, channel.id(), content, null, List.of(files)));
  }

  /**
   * Replies to a message (a {@code message_reference} plus {@code referenced_message}, type 19).
   */
  public SandboxMessage reply(Member author, SandboxMessage target, String content) {
    return engine.call(
        () ->
            engine.messages.memberPost(
                author, target.channelId(), content, target.id(), List.of()));
  }

  /** Edits a message's content (MESSAGE_UPDATE with {@code edited_timestamp}). */
  public SandboxMessage edit(SandboxMessage message, String newContent) {
    return engine.call(() -> engine.messages.memberEdit(message.id(), newContent));
  }

  /** Deletes a message (MESSAGE_DELETE). */
  public void delete(SandboxMessage message) {
    engine.run(() -> engine.messages.memberDelete(message.id()));
  }

  /**
   * Deletes several messages of one channel at once, as a moderator would (MESSAGE_DELETE_BULK).
   */
  public void bulkDelete(Channel channel, List<SandboxMessage> messages) {
    List<String> ids = messages.stream().map(SandboxMessage::id).toList();
    engine.run(() -> engine.messages.memberBulkDelete(channel.id(), ids));
  }

  /** A member starts a public thread on a message (THREAD_CREATE, MESSAGE_UPDATE of the parent). */
  public Channel createThread(Member creator, SandboxMessage message, String name) {
    return engine.call(() -> engine.threads.memberCreate(creator, message.id(), name));
  }

  /**
   * Archives a thread (THREAD_UPDATE); {@code lock} also locks it, so only moderators may reopen
   * it.
   */
  public void archiveThread(Channel thread, boolean lock) {
    engine.run(() -> engine.threads.archive(thread.id(), lock));
  }

  /** A moderator deletes a thread (THREAD_DELETE); the message it started from stays. */
  public void deleteThread(Channel thread) {
    engine.run(() -> engine.threads.delete(thread.id()));
  }

  /** A member adds a reaction (unicode emoji, or {@code name:id} for a custom one). */
  public void react(Member member, SandboxMessage message, String emoji) {
    engine.run(
        () -> engine.reactions.react(member, message.channelId(), message.id(), emoji, true));
  }

  /** A member removes their reaction. */
  public void unreact(Member member, SandboxMessage message, String emoji) {
    engine.run(
        () -> engine.reactions.react(member, message.channelId(), message.id(), emoji, false));
  }

  // ------------------------------------------------------------------ interactions

  /**
   * A member runs a registered slash command.
   *
   * @param command the command path: {@code "takes summary"} is command {@code takes}, subcommand
   *     {@code summary}; {@code "a b c"} is command, subcommand group, subcommand
   * @param options option values by name: {@code String}, {@code Integer}/{@code Long}, {@code
   *     Double}, {@code Boolean}, {@link Member}, {@link Channel}, {@link Role} or {@link
   *     FileUpload}; types come from the registered definition, which also decides unknown and
   *     missing required options ({@link IllegalArgumentException}, as Discord's client would not
   *     send them)
   */
  public InteractionHandle slash(
      Member member, Channel channel, String command, Map<String, ?> options) {
    return handle(() -> engine.interactions.slash(member, channel, command, options));
  }

  /**
   * Whether Discord's client would offer the command to the member in that channel, judged by the
   * command's {@code default_member_permissions}. {@link #slash} does not enforce this, because a
   * server admin can override it per guild; bots must check permissions themselves.
   */
  public boolean commandVisibleTo(Member member, Channel channel, String command) {
    String name = command.trim().split("\\s+")[0];
    return engine.call(() -> engine.commands.commandVisibleTo(member, channel.id(), name, 1));
  }

  /** A member runs a slash command without options. */
  public InteractionHandle slash(Member member, Channel channel, String command) {
    return slash(member, channel, command, Map.of());
  }

  /** A member runs a registered message context-menu command (type 3) on a message. */
  public InteractionHandle messageCommand(Member member, SandboxMessage target, String name) {
    return handle(() -> engine.interactions.messageCommand(member, target, name));
  }

  /**
   * A member presses a button (by {@code custom_id}) on a message; it must exist and be enabled.
   */
  public InteractionHandle pressButton(Member member, SandboxMessage message, String customId) {
    return handle(() -> engine.interactions.pressButton(member, message, customId));
  }

  /**
   * A member picks roles ({@link Role}) in a role select or channels ({@link Channel}) in a channel
   * select on a message, by the select's {@code custom_id}; the count must fit its min and max.
   */
  public InteractionHandle selectEntities(
      Member member, SandboxMessage message, String customId, List<?> values) {
    return handle(() -> engine.interactions.selectEntities(member, message, customId, values));
  }

  /**
   * A button press carrying any {@code custom_id}, on a message that need not have that button:
   * what a modified client or a replayed request can send, since component ids are input to the bot
   * like everything else.
   */
  public InteractionHandle pressForgedButton(
      Member member, SandboxMessage message, String customId) {
    return handle(() -> engine.interactions.pressForgedButton(member, message, customId));
  }

  /**
   * A member types {@code typed} into an autocompleted option of a slash command (interaction type
   * 4, the option marked {@code focused}); {@link InteractionHandle#awaitChoices} returns the bot's
   * suggestions.
   *
   * @param command the command path, as for {@link #slash}
   */
  public InteractionHandle autocomplete(
      Member member, Channel channel, String command, String option, String typed) {
    return handle(() -> engine.interactions.autocomplete(member, channel, command, option, typed));
  }

  /**
   * A member submits the modal the bot opened in answer to {@code opener}; {@code values} maps each
   * text input's {@code custom_id} to the typed text. Required inputs and length limits are checked
   * like Discord's client.
   */
  public InteractionHandle submitModal(
      Member member, InteractionHandle opener, Map<String, String> values) {
    return handle(() -> engine.interactions.submitModal(member, opener, values));
  }

  /**
   * A modal submit with any {@code custom_id}, as a modified client can send: one labelled text
   * input per entry of {@code values}, from {@code channel}, whether or not the bot ever opened
   * such a modal.
   */
  public InteractionHandle submitModal(
      Member member, Channel channel, String customId, Map<String, String> values) {
    return handle(() -> engine.interactions.submitModal(member, channel, customId, values));
  }

  private InteractionHandle handle(Supplier<InteractionState> start) {
    return new InteractionHandle(engine, engine.call(start).id);
  }

  // ------------------------------------------------------------------ gateway control

  /** True once the bot has identified and received its GUILD_CREATE on a live connection. */
  public boolean isBotConnected() {
    return engine.call(engine.gateway::isReady);
  }

  /** Waits until {@link #isBotConnected()}. */
  public void awaitBotConnected(Duration timeout) {
    engine.await(
        () -> engine.gateway.isReady() ? Boolean.TRUE : null, timeout, () -> "the bot to connect");
  }

  /**
   * Cuts the bot's connection abruptly (no close frame). JDA resumes on {@link
   * #resumeGatewayUrl()}.
   */
  public void dropConnection() {
    engine.run(engine.gateway::dropConnections);
  }

  /**
   * Cuts the bot's connection and runs {@code whileDown} before the bot can resume, so every event
   * it causes is guaranteed to reach the bot only through RESUME's replay. {@code whileDown} runs
   * on the sandbox's own thread, before any reconnect is handled: it may act as members but must
   * not wait for the bot.
   */
  public void dropConnection(Runnable whileDown) {
    engine.run(
        () -> {
          engine.gateway.dropConnections();
          whileDown.run();
        });
  }

  /**
   * Interactions members start from now on reach the bot {@code lateness} after Discord created
   * them, as through a lagging gateway: past 3 s, their acknowledgement window is over on arrival
   * and Discord refuses every answer (10062 Unknown interaction). {@link Duration#ZERO} ends it.
   */
  public void deliverInteractionsLate(Duration lateness) {
    engine.run(() -> engine.interactions.deliverLate(lateness));
  }

  /**
   * Cuts the bot's gateway connection and keeps the gateway unreachable until {@link
   * #endGatewayOutage()}: the bot's reconnects are accepted but left without HELLO, so it stays
   * disconnected. End it within 10 s (JDA's wait for HELLO), or JDA reconnects once more.
   */
  public void beginGatewayOutage() {
    engine.run(engine.gateway::beginOutage);
  }

  /** Ends {@link #beginGatewayOutage()}: the waiting reconnect gets its HELLO and resumes. */
  public void endGatewayOutage() {
    engine.run(engine.gateway::endOutage);
  }

  /** Closes the bot's connection with a close frame, e.g. 4000 "Unknown error" (resumable). */
  public void closeConnection(int code, String reason) {
    engine.run(() -> engine.gateway.closeConnections(code, reason));
  }

  /** Sends op 7 RECONNECT; JDA reconnects and resumes. */
  public void requestReconnect() {
    engine.run(engine.gateway::requestReconnect);
  }

  /**
   * Sends op 9 INVALID_SESSION. With {@code resumable=false} the session is gone and the bot must
   * identify again (JDA waits up to ~5 s, then gets READY and GUILD_CREATE anew).
   */
  public void invalidateSession(boolean resumable) {
    engine.run(() -> engine.gateway.invalidateSessions(resumable));
  }

  /**
   * The bot is removed from the guild (kicked, or the server deleted): GUILD_DELETE without {@code
   * unavailable}, which JDA reports as a GuildLeaveEvent. Only the gateway event is emulated.
   */
  public void removeBotFromGuild() {
    engine.run(() -> engine.guildChanges.removeBot(engine.guild));
  }

  /**
   * The bot is added back after {@link #removeBotFromGuild()}: GUILD_CREATE, a GuildJoinEvent in
   * JDA.
   */
  public void addBotBackToGuild() {
    engine.run(() -> engine.guildChanges.addBotBack(engine.guild));
  }

  /**
   * Everything that happened on the gateway: connects, identifies, resumes (with replay counts),
   * closes.
   */
  public List<GatewayEvent> gatewayEvents() {
    return engine.call(engine.gateway::events);
  }

  /**
   * The gateway events after the first {@code mark} (a size read earlier), from one snapshot: two
   * calls to {@link #gatewayEvents()} can see different lengths while the bot reconnects.
   */
  public List<GatewayEvent> gatewayEventsSince(int mark) {
    List<GatewayEvent> all = gatewayEvents();
    return all.subList(Math.min(mark, all.size()), all.size());
  }

  /**
   * Waits for a gateway event of the given kind after the {@code after}-th event (use the current
   * size).
   */
  public GatewayEvent awaitGatewayEvent(String kind, int after, Duration timeout) {
    return engine.await(
        () -> {
          List<GatewayEvent> events = engine.gateway.events();
          for (int i = after; i < events.size(); i++) {
            if (events.get(i).kind().equals(kind)) {
              return events.get(i);
            }
          }
          return null;
        },
        timeout,
        () -> "gateway event " + kind);
  }

  // ------------------------------------------------------------------ REST behaviour switches

  /** Answers the next {@code n} REST requests (any route) with 429 and the given retry-after. */
  public void rateLimitNext(int n, Duration retryAfter) {
    engine.run(() -> engine.routeRules.addRateLimit(n, retryAfter, null, null));
  }

  /**
   * Answers the next {@code n} requests with this method whose path contains {@code pathContains}
   * with 429.
   */
  public void rateLimitNext(String method, String pathContains, int n, Duration retryAfter) {
    engine.run(() -> engine.routeRules.addRateLimit(n, retryAfter, method, pathContains));
  }

  /**
   * Fails the next request with this method whose path contains {@code pathContains} the way
   * Discord refuses one: HTTP {@code status} with the JSON body {@code {"message": message, "code":
   * code}}, and the route does nothing. For instance {@code failNext("POST", "/threads", 403,
   * 50013, "Missing Permissions")} makes the next thread creation fail as if the permission had
   * just been taken away. Paths are relative to the API root ({@code
   * channels/{id}/messages/{id}/threads}); a null method or fragment matches any. Each call fails
   * one request; calls queue up, and a matching 429 from {@link #rateLimitNext} comes first.
   *
   * @param status an HTTP error status, 400 to 599
   * @param code Discord's JSON error code (e.g. 50013 Missing Permissions, 10008 Unknown Message)
   * @param message Discord's error message, e.g. {@code "Missing Permissions"}
   */
  public void failNext(String method, String pathContains, int status, int code, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP error (400-599), got " + status);
    }
    if (status == 429) {
      throw new IllegalArgumentException("use rateLimitNext for 429: it needs a retry-after");
    }
    Objects.requireNonNull(message, "message");
    ApiException error = new ApiException(status, code, message);
    engine.run(() -> engine.routeRules.addFailure(1, error, method, pathContains));
  }

  /**
   * Holds the answer to the next request with this method whose path contains {@code pathContains}:
   * the route runs when the request arrives, so the answer shows the server as it was then, but it
   * is sent only once the returned handle is {@linkplain HeldResponse#release() released}.
   * Meanwhile the test can change what the answer describes, e.g. delete or edit a message while a
   * page of history holding it is on its way to the bot. Paths are relative to the API root; a null
   * method or fragment matches any.
   */
  public HeldResponse holdNext(String method, String pathContains) {
    return engine.call(() -> engine.routeRules.addHold(method, pathContains));
  }

  // ------------------------------------------------------------------ read back

  /**
   * Current messages of a channel or thread, oldest first, including ephemeral interaction
   * responses.
   */
  public List<SandboxMessage> messages(Channel channel) {
    return engine.call(() -> engine.messages.in(channel.id()));
  }

  /**
   * Every current message the bot sent (channel messages and interaction responses), oldest first.
   */
  public List<SandboxMessage> botMessages() {
    return allMessages().stream().filter(m -> m.authorId().equals(engine.botId())).toList();
  }

  /**
   * Every current message in the guild (members' and the bot's, ephemeral ones included), oldest
   * first.
   */
  public List<SandboxMessage> allMessages() {
    return engine.call(engine.messages::all);
  }

  /** A current message by id. */
  public Optional<SandboxMessage> message(String id) {
    return Optional.ofNullable(engine.call(() -> engine.messages.message(id)));
  }

  /** True once the message with this id has been deleted. */
  public boolean isDeleted(String messageId) {
    return engine.call(() -> engine.messages.isDeleted(messageId));
  }

  /** Threads created so far, in creation order. */
  public List<Channel> threads() {
    return engine.call(engine.threads::all);
  }

  /** Globally registered application commands (Discord's JSON objects). */
  public List<JsonNode> globalCommands() {
    return engine.call(() -> engine.commands.commands(false));
  }

  /** Application commands registered for the sandbox guild. */
  public List<JsonNode> guildCommands() {
    return engine.call(() -> engine.commands.commands(true));
  }

  /**
   * Every message creation, edit and deletion so far, in order — what members would have seen
   * happen, including ephemeral responses shown only to their invoker. Handy for transcripts.
   */
  public List<MessageEvent> messageEvents() {
    return engine.call(engine.messages::events);
  }

  /** Every REST request answered so far, in order. */
  public List<RecordedRequest> requests() {
    return engine.call(engine.requestLog::all);
  }

  /** Waits for a current message matching {@code predicate} (already present or yet to come). */
  public SandboxMessage awaitMessage(Predicate<SandboxMessage> predicate, Duration timeout) {
    return engine.await(
        () -> engine.messages.first(predicate), timeout, () -> "a matching message");
  }

  /** Waits for a message by the bot in {@code channel} matching {@code predicate}. */
  public SandboxMessage awaitBotMessage(
      Channel channel, Predicate<SandboxMessage> predicate, Duration timeout) {
    return engine.await(
        () ->
            engine.messages.first(
                m ->
                    m.channelId().equals(channel.id())
                        && m.authorId().equals(engine.botId())
                        && predicate.test(m)),
        timeout,
        () -> "a matching bot message in #" + channel.name());
  }

  /** Waits for a thread matching {@code predicate}. */
  public Channel awaitThread(Predicate<Channel> predicate, Duration timeout) {
    return engine.await(
        () -> engine.threads.all().stream().filter(predicate).findFirst().orElse(null),
        timeout,
        () -> "a matching thread");
  }

  /** Waits for a REST request matching {@code predicate} (already answered or yet to come). */
  public RecordedRequest awaitRequest(Predicate<RecordedRequest> predicate, Duration timeout) {
    return engine.await(
        () -> engine.requestLog.first(predicate), timeout, () -> "a matching request");
  }

  /** Waits until the message with this id is deleted. */
  public void awaitDeleted(String messageId, Duration timeout) {
    engine.await(
        () -> engine.messages.isDeleted(messageId) ? Boolean.TRUE : null,
        timeout,
        () -> "message " + messageId + " to be deleted");
  }

  // ------------------------------------------------------------------ lifecycle

  /** Closes all sockets, stops the HTTP server and every sandbox thread. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    engine.run(
        () -> {
          engine.routeRules.releaseHolds();
          engine.gateway.shutdown();
        });
    if (app != null) {
      app.stop(); // outside the loop: stopping waits for requests, which wait for the loop
    }
    engine.close();
  }
}
