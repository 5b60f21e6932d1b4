package dev.takebot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord REST API v10 routes on Javalin: authentication, the routes the bot uses, Discord's JSON errors,
 * {@code Via} and rate-limit headers on every answer, the 429 switch and the request log.
 */
final class RestApi {
  static final String ROOT = "/api/v10/";
  private static final Pattern FILE_PART = Pattern.compile("files?\\[(\\d+)]|file(\\d*)");
  private static final Pattern ID_SEGMENT = Pattern.compile("/(\\d{15,21})");
  private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

  /** Raised by the 429 switch. */
  static final class RateLimited extends RuntimeException {
    final Duration retryAfter;

    RateLimited(Duration retryAfter) {
      super("rate limited", null, false, false);
      this.retryAfter = retryAfter;
    }
  }

  private final SandboxEngine engine;
  private final ObjectMapper json;

  RestApi(SandboxEngine engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  void register(Javalin app) {
    app.before(ctx -> ctx.header("Via", "1.1 google"));
    app.before(ROOT + "*", this::guard);
    app.after(ROOT + "*", this::afterApi);
    app.exception(ApiException.class, (e, ctx) -> writeError(ctx, e));
    app.exception(RateLimited.class, this::writeRateLimited);
    app.exception(Exception.class, (e, ctx) -> {
      LOG.warn("sandbox route failed: {} {}", ctx.method(), ctx.path(), e);
      writeError(ctx, new ApiException(500, 0, "500: Internal Server Error"));
    });
    app.error(404, ctx -> {
      String type = ctx.res().getContentType();
      if (type == null || !type.startsWith("application/json")) {
        writeError(ctx, ApiException.notFound());
      }
    });

    // users, gateway, application
    app.get(ROOT + "users/@me", ctx -> {
      ObjectNode u = engine.userJson(engine.guild.bot);
      u.put("verified", true);
      u.put("mfa_enabled", false);
      u.put("flags", 0);
      ok(ctx, u);
    });
    app.get(ROOT + "users/{user}", ctx -> {
      Member m = engine.member(ctx.pathParam("user"));
      if (m == null) {
        throw new ApiException(404, 10013, "Unknown User");
      }
      ok(ctx, engine.userJson(m));
    });
    app.get(ROOT + "gateway", ctx -> ok(ctx, json.createObjectNode().put("url", engine.gatewayUrl())));
    app.get(ROOT + "gateway/bot", ctx -> {
      ObjectNode n = json.createObjectNode();
      n.put("url", engine.gatewayUrl());
      n.put("shards", 1);
      ObjectNode limit = n.putObject("session_start_limit");
      limit.put("total", 1000);
      limit.put("remaining", 999);
      limit.put("reset_after", 86_400_000);
      limit.put("max_concurrency", 1);
      ok(ctx, n);
    });
    app.get(ROOT + "oauth2/applications/@me", ctx -> ok(ctx, applicationJson()));
    app.get(ROOT + "applications/@me", ctx -> ok(ctx, applicationJson()));

    // application commands, global and guild
    app.get(ROOT + "applications/{app}/commands", ctx -> ok(ctx, engine.listCommands(app(ctx, null))));
    app.put(ROOT + "applications/{app}/commands", ctx -> ok(ctx, engine.overwriteCommands(app(ctx, null), body(ctx))));
    app.post(ROOT + "applications/{app}/commands", ctx -> upsert(ctx, app(ctx, null)));
    app.get(ROOT + "applications/{app}/commands/{cmd}", ctx -> ok(ctx, engine.getCommand(app(ctx, null), ctx.pathParam("cmd"))));
    app.patch(ROOT + "applications/{app}/commands/{cmd}", ctx -> ok(ctx, engine.editCommand(app(ctx, null), ctx.pathParam("cmd"), body(ctx))));
    app.delete(ROOT + "applications/{app}/commands/{cmd}", ctx -> {
      engine.deleteCommand(app(ctx, null), ctx.pathParam("cmd"));
      ctx.status(204);
    });
    String guildCommands = ROOT + "applications/{app}/guilds/{guild}/commands";
    app.get(guildCommands, ctx -> ok(ctx, engine.listCommands(app(ctx, ctx.pathParam("guild")))));
    app.put(guildCommands, ctx -> ok(ctx, engine.overwriteCommands(app(ctx, ctx.pathParam("guild")), body(ctx))));
    app.post(guildCommands, ctx -> upsert(ctx, app(ctx, ctx.pathParam("guild"))));
    app.get(guildCommands + "/{cmd}", ctx -> ok(ctx, engine.getCommand(app(ctx, ctx.pathParam("guild")), ctx.pathParam("cmd"))));
    app.patch(guildCommands + "/{cmd}", ctx -> ok(ctx, engine.editCommand(app(ctx, ctx.pathParam("guild")), ctx.pathParam("cmd"), body(ctx))));
    app.delete(guildCommands + "/{cmd}", ctx -> {
      engine.deleteCommand(app(ctx, ctx.pathParam("guild")), ctx.pathParam("cmd"));
      ctx.status(204);
    });

    // guild
    app.get(ROOT + "guilds/{guild}", ctx -> {
      guild(ctx);
      ObjectNode g = engine.guildCreateJson();
      for (String f : List.of("members", "channels", "threads", "voice_states", "presences", "member_count",
          "joined_at", "large", "lazy", "unavailable")) {
        g.remove(f);
      }
      ok(ctx, g);
    });
    app.get(ROOT + "guilds/{guild}/members/{user}", ctx -> {
      guild(ctx);
      Member m = engine.member(ctx.pathParam("user"));
      if (m == null) {
        throw new ApiException(404, 10007, "Unknown Member");
      }
      ObjectNode n = engine.memberJson(m);
      n.set("user", engine.userJson(m));
      ok(ctx, n);
    });
    app.get(ROOT + "guilds/{guild}/roles", ctx -> {
      guild(ctx);
      var arr = json.createArrayNode();
      engine.roles().forEach(r -> arr.add(engine.roleJson(r)));
      ok(ctx, arr);
    });

    // channels and messages
    String channel = ROOT + "channels/{channel}";
    app.get(channel, ctx -> ok(ctx, engine.channelJson(ctx.pathParam("channel"))));
    app.post(channel + "/typing", ctx -> {
      engine.channelData(ctx.pathParam("channel"));
      ctx.status(204);
    });
    app.get(channel + "/messages", ctx -> ok(ctx, engine.history(ctx.pathParam("channel"),
        ctx.queryParam("before"), ctx.queryParam("after"), ctx.queryParam("around"), intParam(ctx, "limit"))));
    app.post(channel + "/messages", ctx -> ok(ctx, engine.botCreateMessage(ctx.pathParam("channel"), body(ctx), uploads(ctx))));
    app.post(channel + "/messages/bulk-delete", ctx -> {
      engine.botBulkDelete(ctx.pathParam("channel"), body(ctx));
      ctx.status(204);
    });
    app.get(channel + "/messages/{message}", ctx -> ok(ctx, engine.botGetMessage(ctx.pathParam("channel"), ctx.pathParam("message"))));
    app.patch(channel + "/messages/{message}", ctx -> ok(ctx, engine.botEditMessage(ctx.pathParam("channel"),
        ctx.pathParam("message"), body(ctx), uploads(ctx))));
    app.delete(channel + "/messages/{message}", ctx -> {
      engine.botDeleteMessage(ctx.pathParam("channel"), ctx.pathParam("message"));
      ctx.status(204);
    });
    app.post(channel + "/messages/{message}/threads", ctx -> {
      ObjectNode thread = engine.createThreadFromMessage(engine.guild.bot, ctx.pathParam("channel"),
          ctx.pathParam("message"), body(ctx));
      ok(ctx, thread, 201);
    });
    app.patch(channel, ctx -> ok(ctx, engine.botEditThread(ctx.pathParam("channel"), body(ctx))));
    app.post(channel + "/threads", ctx -> ok(ctx, engine.createThread(engine.guild.bot, ctx.pathParam("channel"),
        body(ctx)), 201));
    app.put(channel + "/thread-members/@me", ctx -> {
      engine.joinThread(engine.guild.bot, ctx.pathParam("channel"));
      ctx.status(204);
    });
    app.put(channel + "/messages/{message}/reactions/{emoji}/@me", ctx -> {
      engine.react(engine.guild.bot, ctx.pathParam("channel"), ctx.pathParam("message"), ctx.pathParam("emoji"), true);
      ctx.status(204);
    });
    app.delete(channel + "/messages/{message}/reactions/{emoji}/@me", ctx -> {
      engine.react(engine.guild.bot, ctx.pathParam("channel"), ctx.pathParam("message"), ctx.pathParam("emoji"), false);
      ctx.status(204);
    });

    // interactions
    app.post(ROOT + "interactions/{id}/{token}/callback", ctx -> {
      ObjectNode response = engine.interactionCallback(ctx.pathParam("id"), ctx.pathParam("token"), body(ctx), uploads(ctx));
      if ("true".equalsIgnoreCase(ctx.queryParam("with_response"))) {
        ok(ctx, response);
      } else {
        ctx.status(204);
      }
    });
    String webhook = ROOT + "webhooks/{app}/{token}";
    app.post(webhook, ctx -> {
      ObjectNode message = engine.followUp(ctx.pathParam("app"), ctx.pathParam("token"), body(ctx), uploads(ctx));
      if ("true".equalsIgnoreCase(ctx.queryParam("wait"))) {
        ok(ctx, message);
      } else {
        ctx.status(204);
      }
    });
    app.get(webhook + "/messages/{message}", ctx -> ok(ctx, engine.webhookGet(ctx.pathParam("app"), ctx.pathParam("token"),
        ctx.pathParam("message"))));
    app.patch(webhook + "/messages/{message}", ctx -> ok(ctx, engine.webhookEdit(ctx.pathParam("app"), ctx.pathParam("token"),
        ctx.pathParam("message"), body(ctx), uploads(ctx))));
    app.delete(webhook + "/messages/{message}", ctx -> {
      engine.webhookDelete(ctx.pathParam("app"), ctx.pathParam("token"), ctx.pathParam("message"));
      ctx.status(204);
    });

    // the attachment CDN
    app.get("/attachments/{channel}/{id}/{name}", ctx -> {
      SandboxEngine.StoredFile f = engine.file(ctx.pathParam("id"));
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
    Duration wait = engine.takeRateLimit(ctx.method().name(), path);
    if (wait != null) {
      throw new RateLimited(wait);
    }
    // After the 429 check, as on Discord: a rate-limited request never reached the route that fails.
    ApiException failure = engine.takeFailure(ctx.method().name(), path);
    if (failure != null) {
      throw failure;
    }
  }

  private void afterApi(Context ctx) {
    String path = apiPath(ctx);
    // The route has run, so the answer shows the state when the request arrived; it is sent after this.
    HeldResponse held = engine.takeHold(ctx.method().name(), path);
    if (held != null) {
      held.hold(); // outside the engine's lock: the test changes the server meanwhile
    }
    int status = ctx.statusCode();
    if (status != 429) {
      long[] b = engine.bucket(bucketKey(ctx.method().name(), path));
      double resetAfter = Math.max(0, b[2] - engine.clock.millis()) / 1000.0;
      ctx.header("X-RateLimit-Limit", Long.toString(b[0]));
      ctx.header("X-RateLimit-Remaining", Long.toString(b[1]));
      ctx.header("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", b[2] / 1000.0));
      ctx.header("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfter));
      ctx.header("X-RateLimit-Bucket", bucketHash(ctx.method().name(), path));
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
    engine.record(new RecordedRequest(engine.clock.instant(), ctx.method().name(), path, query == null ? "" : query,
        status, body, names));
  }

  private void writeRateLimited(RateLimited e, Context ctx) {
    double seconds = e.retryAfter.toMillis() / 1000.0;
    long header = (long) Math.ceil(seconds);
    ObjectNode body = json.createObjectNode();
    body.put("message", "You are being rate limited.");
    body.put("retry_after", seconds);
    body.put("global", false);
    String path = apiPath(ctx);
    ctx.header("Retry-After", Long.toString(Math.max(1, header)));
    ctx.header("X-RateLimit-Limit", "5");
    ctx.header("X-RateLimit-Remaining", "0");
    ctx.header("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", (engine.clock.millis() + e.retryAfter.toMillis()) / 1000.0));
    ctx.header("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", seconds));
    ctx.header("X-RateLimit-Bucket", bucketHash(ctx.method().name(), path));
    ctx.header("X-RateLimit-Scope", "user");
    ok(ctx, body, 429);
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

  private void upsert(Context ctx, String guildId) {
    Object[] result = engine.upsertCommand(guildId, body(ctx));
    ok(ctx, (JsonNode) result[1], (Boolean) result[0] ? 201 : 200);
  }

  private String app(Context ctx, String guildId) {
    if (!ctx.pathParam("app").equals(engine.botId())) {
      throw new ApiException(404, 10002, "Unknown Application");
    }
    return guildId;
  }

  private void guild(Context ctx) {
    if (!ctx.pathParam("guild").equals(engine.guild.id)) {
      throw new ApiException(404, 10004, "Unknown Guild");
    }
  }

  private ObjectNode applicationJson() {
    ObjectNode a = json.createObjectNode();
    a.put("id", engine.botId());
    a.put("name", engine.guild.bot.name());
    a.putNull("icon");
    a.put("description", "TakeBot (sandbox)");
    a.put("bot_public", true);
    a.put("bot_require_code_grant", false);
    a.put("verify_key", "0".repeat(64));
    a.put("flags", 1 << 19 | 1 << 23);
    a.set("bot", engine.userJson(engine.guild.bot));
    ObjectNode owner = engine.userJson(engine.guild.owner);
    a.set("owner", owner);
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

  private List<SandboxEngine.Upload> uploads(Context ctx) {
    if (!ctx.isMultipartFormData()) {
      return List.of();
    }
    List<SandboxEngine.Upload> out = new ArrayList<>();
    for (Map.Entry<String, List<UploadedFile>> e : ctx.uploadedFileMap().entrySet()) {
      Matcher m = FILE_PART.matcher(e.getKey());
      if (!m.matches()) {
        continue;
      }
      String digits = m.group(1) != null ? m.group(1) : m.group(2);
      int index = digits == null || digits.isEmpty() ? 0 : Integer.parseInt(digits);
      for (UploadedFile f : e.getValue()) {
        try (InputStream in = f.content()) {
          out.add(new SandboxEngine.Upload(index, f.filename(), in.readAllBytes()));
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
      boolean major = i > 0 && (parts[i - 1].equals("channels") || parts[i - 1].equals("guilds")
          || parts[i - 1].equals("webhooks"));
      boolean token = i > 1 && (parts[i - 2].equals("webhooks") || parts[i - 2].equals("interactions"));
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
