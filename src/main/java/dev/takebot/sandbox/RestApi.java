package dev.takebot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord REST API v10 routes on Javalin: authentication, the routes the bot uses, Discord's JSON
 * errors, {@code Via} and rate-limit headers on every answer, the 429 switch and the request log.
 */
final class RestApi {
  static final String ROOT = "/api/v10/";
  private static final Pattern FILE_PART = Pattern.compile("files?\\[(\\d+)]|file(\\d*)");
  private static final Pattern ID_SEGMENT = Pattern.compile("/(\\d{15,21})");
  private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

  private final SandboxEngine engine;
  private final ObjectMapper json;
  private final Guilds guilds;

  RestApi(SandboxEngine engine) {
    this.engine = engine;
    this.json = engine.json;
    this.guilds = engine.guilds;
  }

  void register(RoutesConfig app) {
    app.before(ctx -> ctx.header("Via", "1.1 google"));
    app.before(ROOT + "*", this::guard);
    app.after(ROOT + "*", this::afterApi);
    app.exception(ApiException.class, (e, ctx) -> writeError(ctx, e));
    app.exception(RouteRules.RateLimited.class, this::writeRateLimited);
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.warn("sandbox route failed: {} {}", ctx.method(), ctx.path(), e);
          writeError(ctx, new ApiException(500, 0, "500: Internal Server Error"));
        });
    app.error(
        404,
        ctx -> {
          String type = ctx.res().getContentType();
          if (type == null || !type.startsWith("application/json")) {
            writeError(ctx, ApiException.notFound());
          }
        });

    // users, gateway, application
    app.get(
        ROOT + "users/@me",
        ctx ->
            ok(
                ctx,
                engine.call(
                    () -> {
                      ObjectNode u = guilds.first().userJson(json, guilds.bot());
                      u.put("verified", true);
                      u.put("mfa_enabled", false);
                      u.put("flags", 0);
                      return u;
                    })));
    app.get(
        ROOT + "users/{user}",
        ctx -> {
          String userId = ctx.pathParam("user");
          ok(
              ctx,
              engine.call(
                  () -> guilds.first().userJson(json, knownUser(userId, 10013, "Unknown User"))));
        });
    app.get(
        ROOT + "gateway", ctx -> ok(ctx, json.createObjectNode().put("url", engine.gatewayUrl())));
    app.get(
        ROOT + "gateway/bot",
        ctx -> ok(ctx, engine.call(() -> engine.gateway.gatewayBotJson(engine.gatewayUrl()))));
    app.get(ROOT + "oauth2/applications/@me", ctx -> ok(ctx, engine.call(this::applicationJson)));
    app.get(ROOT + "applications/@me", ctx -> ok(ctx, engine.call(this::applicationJson)));

    // application commands, global (no guild) and guild
    for (String scope : List.of("", "/guilds/{guild}")) {
      String commands = ROOT + "applications/{app}" + scope + "/commands";
      app.get(
          commands,
          ctx -> {
            String guildId = app(ctx);
            ok(ctx, engine.call(() -> engine.commands.listCommands(guildId)));
          });
      app.put(
          commands,
          ctx -> {
            String guildId = app(ctx);
            JsonNode body = body(ctx);
            ok(ctx, engine.call(() -> engine.commands.overwriteCommands(guildId, body)));
          });
      app.post(
          commands,
          ctx -> {
            String guildId = app(ctx);
            JsonNode body = body(ctx);
            Object[] result = engine.call(() -> engine.commands.upsertCommand(guildId, body));
            ok(ctx, (JsonNode) result[1], (Boolean) result[0] ? 201 : 200);
          });
      app.get(
          commands + "/{cmd}",
          ctx -> {
            String guildId = app(ctx);
            String id = ctx.pathParam("cmd");
            ok(ctx, engine.call(() -> engine.commands.getCommand(guildId, id)));
          });
      app.patch(
          commands + "/{cmd}",
          ctx -> {
            String guildId = app(ctx);
            String id = ctx.pathParam("cmd");
            JsonNode body = body(ctx);
            ok(ctx, engine.call(() -> engine.commands.editCommand(guildId, id, body)));
          });
      app.delete(
          commands + "/{cmd}",
          ctx -> {
            String guildId = app(ctx);
            String id = ctx.pathParam("cmd");
            engine.run(() -> engine.commands.deleteCommand(guildId, id));
            ctx.status(204);
          });
    }

    // guild
    app.get(
        ROOT + "guilds/{guild}",
        ctx -> {
          String guildId = ctx.pathParam("guild");
          ObjectNode g = engine.call(() -> guilds.known(guildId).guildCreateJson(json));
          for (String f :
              List.of(
                  "members",
                  "channels",
                  "threads",
                  "voice_states",
                  "presences",
                  "member_count",
                  "joined_at",
                  "large",
                  "lazy",
                  "unavailable")) {
            g.remove(f);
          }
          ok(ctx, g);
        });
    app.get(
        ROOT + "guilds/{guild}/members/{user}",
        ctx -> {
          String guildId = ctx.pathParam("guild");
          String userId = ctx.pathParam("user");
          ok(
              ctx,
              engine.call(
                  () -> {
                    GuildModel guild = guilds.known(guildId);
                    Member m = guild.members.get(userId);
                    if (m == null) {
                      throw new ApiException(404, 10007, "Unknown Member");
                    }
                    return guild.memberJson(json, m, true);
                  }));
        });
    app.get(
        ROOT + "guilds/{guild}/roles",
        ctx -> {
          String guildId = ctx.pathParam("guild");
          ok(
              ctx,
              engine.call(
                  () -> {
                    GuildModel guild = guilds.known(guildId);
                    ArrayNode arr = json.createArrayNode();
                    guild.sortedRoles().forEach(r -> arr.add(guild.roleJson(json, r)));
                    return arr;
                  }));
        });

    // channels, messages, threads, reactions
    String channel = ROOT + "channels/{channel}";
    app.get(
        channel,
        ctx -> {
          String channelId = ctx.pathParam("channel");
          ok(ctx, engine.call(() -> engine.guildChanges.channelJson(channelId)));
        });
    app.post(
        channel + "/typing",
        ctx -> {
          String channelId = ctx.pathParam("channel");
          engine.run(() -> guilds.ofChannel(channelId).channelData(channelId));
          ctx.status(204);
        });
    app.get(
        channel + "/messages",
        ctx -> {
          String channelId = ctx.pathParam("channel");
          String before = ctx.queryParam("before");
          String after = ctx.queryParam("after");
          String around = ctx.queryParam("around");
          Integer limit = intParam(ctx, "limit");
          ok(
              ctx,
              engine.call(() -> engine.messages.history(channelId, before, after, around, limit)));
        });
    app.post(
        channel + "/messages",
        ctx -> {
          String channelId = ctx.pathParam("channel");
          JsonNode body = body(ctx);
          List<Upload> uploads = uploads(ctx);
          ok(ctx, engine.call(() -> engine.messages.botCreate(channelId, body, uploads)));
        });
    app.post(
        channel + "/messages/bulk-delete",
        ctx -> {
          String channelId = ctx.pathParam("channel");
          JsonNode body = body(ctx);
          engine.run(() -> engine.messages.botBulkDelete(channelId, body));
          ctx.status(204);
        });
    String message = channel + "/messages/{message}";
    app.get(
        message,
        ctx -> {
          String channelId = ctx.pathParam("channel");
          String messageId = ctx.pathParam("message");
          ok(ctx, engine.call(() -> engine.messages.botGet(channelId, messageId)));
        });
    app.patch(
        message,
        ctx -> {
          String channelId = ctx.pathParam("channel");
          String messageId = ctx.pathParam("message");
          JsonNode body = body(ctx);
          List<Upload> uploads = uploads(ctx);
          ok(ctx, engine.call(() -> engine.messages.botEdit(channelId, messageId, body, uploads)));
        });
    app.delete(
        message,
        ctx -> {
          String channelId = ctx.pathParam("channel");
          String messageId = ctx.pathParam("message");
          engine.run(() -> engine.messages.botDelete(channelId, messageId));
          ctx.status(204);
        });
    app.post(
        message + "/threads",
        ctx -> {
          String channelId = ctx.pathParam("channel");
          String messageId = ctx.pathParam("message");
          JsonNode body = body(ctx);
          ok(
              ctx,
              engine.call(
                  () ->
                      engine.threads.createFromMessage(
                          botIn(channelId), channelId, messageId, body)),
              201);
        });
    app.patch(
        channel,
        ctx -> {
          String channelId = ctx.pathParam("channel");
          JsonNode body = body(ctx);
          ok(ctx, engine.call(() -> engine.threads.botEdit(channelId, body)));
        });
    app.post(
        channel + "/threads",
        ctx -> {
          String channelId = ctx.pathParam("channel");
          JsonNode body = body(ctx);
          ok(ctx, engine.call(() -> engine.threads.create(botIn(channelId), channelId, body)), 201);
        });
    app.put(
        channel + "/thread-members/@me",
        ctx -> {
          String channelId = ctx.pathParam("channel");
          engine.run(() -> engine.threads.join(botIn(channelId), channelId));
          ctx.status(204);
        });
    for (boolean add : new boolean[] {true, false}) {
      Handler react =
          ctx -> {
            String channelId = ctx.pathParam("channel");
            String messageId = ctx.pathParam("message");
            String emoji = ctx.pathParam("emoji");
            engine.run(
                () -> engine.reactions.react(botIn(channelId), channelId, messageId, emoji, add));
            ctx.status(204);
          };
      String path = message + "/reactions/{emoji}/@me";
      if (add) {
        app.put(path, react);
      } else {
        app.delete(path, react);
      }
    }

    // interactions
    app.post(
        ROOT + "interactions/{id}/{token}/callback",
        ctx -> {
          String id = ctx.pathParam("id");
          String token = ctx.pathParam("token");
          JsonNode body = body(ctx);
          List<Upload> uploads = uploads(ctx);
          ObjectNode response =
              engine.call(() -> engine.responses.interactionCallback(id, token, body, uploads));
          okIfAsked(ctx, "with_response", response);
        });
    String webhook = ROOT + "webhooks/{app}/{token}";
    app.post(
        webhook,
        ctx -> {
          String appId = ctx.pathParam("app");
          String token = ctx.pathParam("token");
          JsonNode body = body(ctx);
          List<Upload> uploads = uploads(ctx);
          ObjectNode sent =
              engine.call(() -> engine.responses.followUp(appId, token, body, uploads));
          okIfAsked(ctx, "wait", sent);
        });
    String webhookMessage = webhook + "/messages/{message}";
    app.get(
        webhookMessage,
        ctx -> {
          String appId = ctx.pathParam("app");
          String token = ctx.pathParam("token");
          String messageId = ctx.pathParam("message");
          ok(ctx, engine.call(() -> engine.responses.webhookGet(appId, token, messageId)));
        });
    app.patch(
        webhookMessage,
        ctx -> {
          String appId = ctx.pathParam("app");
          String token = ctx.pathParam("token");
          String messageId = ctx.pathParam("message");
          JsonNode body = body(ctx);
          List<Upload> uploads = uploads(ctx);
          ok(
              ctx,
              engine.call(
                  () -> engine.responses.webhookEdit(appId, token, messageId, body, uploads)));
        });
    app.delete(
        webhookMessage,
        ctx -> {
          String appId = ctx.pathParam("app");
          String token = ctx.pathParam("token");
          String messageId = ctx.pathParam("message");
          engine.run(() -> engine.responses.webhookDelete(appId, token, messageId));
          ctx.status(204);
        });

    // the attachment CDN
    app.get(
        "/attachments/{channel}/{id}/{name}",
        ctx -> {
          String id = ctx.pathParam("id");
          MessageJson.StoredFile f = engine.call(() -> engine.messageJson.file(id));
          if (f == null) {
            throw ApiException.notFound();
          }
          ctx.contentType(f.contentType());
          ctx.result(f.bytes());
        });
  }

  // ---- pipeline ----

  private void guard(Context ctx) {
    String path = apiPath(ctx);
    boolean tokenFree = path.startsWith("interactions/") || path.startsWith("webhooks/");
    if (!tokenFree) {
      String auth = ctx.header("Authorization");
      if (auth == null || !auth.equals("Bot " + engine.token)) {
        throw ApiException.unauthorized();
      }
    }
    String method = ctx.method().name();
    RuntimeException refusal = engine.call(() -> engine.routeRules.refusal(method, path));
    if (refusal != null) {
      throw refusal;
    }
  }

  private void afterApi(Context ctx) {
    String path = apiPath(ctx);
    // The route has run, so the answer shows the state when the request arrived; it is sent after
    // this.
    String method = ctx.method().name();
    HeldResponse held = engine.call(() -> engine.routeRules.takeHold(method, path));
    if (held != null) {
      held.hold(); // on this request's thread: the loop goes on, and the test changes the server
      // meanwhile
    }
    int status = ctx.statusCode();
    if (status != 429) {
      String bucket = bucketKey(method, path);
      long[] b = engine.call(() -> engine.routeRules.bucket(bucket));
      double resetAfter = Math.max(0, b[2] - engine.clock.millis()) / 1000.0;
      rateLimitHeaders(ctx, b[0], b[1], b[2] / 1000.0, resetAfter, path);
    }
    String body = "";
    List<String> names = new ArrayList<>();
    try {
      if (ctx.isMultipartFormData()) {
        String payload = ctx.formParam("payload_json");
        body = payload == null ? "" : payload;
        ctx.uploadedFileMap().values().forEach(l -> l.forEach(f -> names.add(f.filename())));
      } else {
        body = ctx.body();
      }
    } catch (RuntimeException e) {
      LOG.debug("could not read body for the request log", e);
    }
    String query = ctx.queryString();
    RecordedRequest request =
        new RecordedRequest(
            engine.clock.instant(), method, path, query == null ? "" : query, status, body, names);
    engine.run(() -> engine.requestLog.record(request));
  }

  private void writeRateLimited(RouteRules.RateLimited e, Context ctx) {
    double seconds = e.retryAfter.toMillis() / 1000.0;
    long header = (long) Math.ceil(seconds);
    ObjectNode body = json.createObjectNode();
    body.put("message", "You are being rate limited.");
    body.put("retry_after", seconds);
    body.put("global", false);
    String path = apiPath(ctx);
    ctx.header("Retry-After", Long.toString(Math.max(1, header)));
    double resetAt = (engine.clock.millis() + e.retryAfter.toMillis()) / 1000.0;
    rateLimitHeaders(ctx, 5, 0, resetAt, seconds, path);
    ctx.header("X-RateLimit-Scope", "user");
    ok(ctx, body, 429);
  }

  /** Discord's bucket headers; reset times in seconds to the millisecond, as Discord sends them. */
  private static void rateLimitHeaders(
      Context ctx, long limit, long remaining, double resetAt, double resetAfter, String path) {
    ctx.header("X-RateLimit-Limit", Long.toString(limit));
    ctx.header("X-RateLimit-Remaining", Long.toString(remaining));
    ctx.header("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", resetAt));
    ctx.header("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfter));
    ctx.header("X-RateLimit-Bucket", bucketHash(ctx.method().name(), path));
  }

  private void writeError(Context ctx, ApiException e) {
    ObjectNode body = json.createObjectNode();
    body.put("message", e.getMessage());
    body.put("code", e.code);
    if (e.errors != null) {
      body.set("errors", e.errors);
    }
    ok(ctx, body, e.status);
  }

  /** The body when the query flag {@code flag} is true, else an empty 204, as Discord answers. */
  private void okIfAsked(Context ctx, String flag, JsonNode body) {
    if ("true".equalsIgnoreCase(ctx.queryParam(flag))) {
      ok(ctx, body);
    } else {
      ctx.status(204);
    }
  }

  private void ok(Context ctx, JsonNode body) {
    ok(ctx, body, 200);
  }

  private void ok(Context ctx, JsonNode body, int status) {
    try {
      ctx.status(status);
      ctx.contentType("application/json");
      ctx.result(json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The guild id of a command route ({@code null} for global commands), once the application id is
   * checked.
   */
  private String app(Context ctx) {
    if (!ctx.pathParam("app").equals(engine.botId())) {
      throw new ApiException(404, 10002, "Unknown Application");
    }
    return ctx.pathParamMap().get("guild");
  }

  /** A user known in any guild; on the loop. */
  private Member knownUser(String userId, int code, String message) {
    for (GuildModel g : guilds.all()) {
      Member m = g.members.get(userId);
      if (m != null) {
        return m;
      }
    }
    throw new ApiException(404, code, message);
  }

  /** The bot's member in the channel's guild (its roles differ per guild); on the loop. */
  private Member botIn(String channelId) {
    return guilds.ofChannel(channelId).bot;
  }

  private ObjectNode applicationJson() {
    ObjectNode a = json.createObjectNode();
    GuildModel guild = guilds.first();
    a.put("id", guild.bot.id());
    a.put("name", guild.bot.name());
    a.putNull("icon");
    a.put("description", "TakeBot (sandbox)");
    a.put("bot_public", true);
    a.put("bot_require_code_grant", false);
    a.put("verify_key", "0".repeat(64));
    a.put("flags", 1 << 19 | 1 << 23);
    a.set("bot", guild.userJson(json, guild.bot));
    a.set("owner", guild.userJson(json, guild.owner));
    a.putNull("team");
    a.putArray("tags");
    return a;
  }

  private JsonNode body(Context ctx) {
    String text;
    if (ctx.isMultipartFormData()) {
      text = ctx.formParam("payload_json");
    } else {
      text = ctx.body();
    }
    if (text == null || text.isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ApiException(400, 50109, "The request body contains invalid JSON.");
    }
  }

  private List<Upload> uploads(Context ctx) {
    if (!ctx.isMultipartFormData()) {
      return List.of();
    }
    List<Upload> out = new ArrayList<>();
    for (Map.Entry<String, List<UploadedFile>> e : ctx.uploadedFileMap().entrySet()) {
      Matcher m = FILE_PART.matcher(e.getKey());
      if (!m.matches()) {
        continue;
      }
      String digits = m.group(1) != null ? m.group(1) : m.group(2);
      int index = digits == null || digits.isEmpty() ? 0 : Integer.parseInt(digits);
      for (UploadedFile f : e.getValue()) {
        try (InputStream in = f.content()) {
          out.add(new Upload(index, f.filename(), in.readAllBytes()));
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      }
    }
    out.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return out;
  }

  private static Integer intParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new ApiException(400, 50035, "Invalid Form Body");
    }
  }

  private static String apiPath(Context ctx) {
    String p = ctx.path();
    int i = p.indexOf(ROOT);
    return i < 0 ? p : p.substring(i + ROOT.length());
  }

  /** Discord keys buckets by route with the major parameter (channel, guild, webhook) kept. */
  static String bucketKey(String method, String path) {
    String[] parts = path.split("/");
    StringBuilder key = new StringBuilder(method).append(' ');
    for (int i = 0; i < parts.length; i++) {
      boolean major =
          i > 0
              && (parts[i - 1].equals("channels")
                  || parts[i - 1].equals("guilds")
                  || parts[i - 1].equals("webhooks"));
      boolean token =
          i > 1 && (parts[i - 2].equals("webhooks") || parts[i - 2].equals("interactions"));
      boolean id = ID_SEGMENT.matcher("/" + parts[i]).matches();
      key.append(major ? parts[i] : (id || token) ? "{id}" : parts[i]).append('/');
    }
    return key.toString();
  }

  private static String bucketHash(String method, String path) {
    String route = method + " " + ID_SEGMENT.matcher("/" + path).replaceAll("/{id}");
    return String.format("%08x", route.hashCode());
  }
}
