package dev.takebot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Raw HTTP against the REST API: Discord's error bodies, headers and interaction rules, byte for
 * byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The sandbox's REST API answers like Discord")
class DiscordSandboxRestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DiscordSandbox sandbox;
  private HttpClient http;

  @BeforeAll
  void start() {
    sandbox = DiscordSandbox.start();
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  private HttpResponse<String> call(String method, String path, String body, boolean auth)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sandbox.restUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (auth) {
      b.header("Authorization", "Bot " + sandbox.token());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    return call(method, path, body, true);
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  private String messages(Channel c) {
    return "channels/" + c.id() + "/messages";
  }

  @Test
  @DisplayName("every answer has Via: 1.1 google; successes carry rate-limit headers with a bucket")
  void headers() throws Exception {
    HttpResponse<String> me = call("GET", "users/@me", null);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json(me).path("id").asText()).isEqualTo(sandbox.bot().id());
    assertThat(me.headers().firstValue("Via")).contains("1.1 google");
    assertThat(me.headers().firstValue("X-RateLimit-Bucket")).isPresent();
    assertThat(me.headers().firstValue("X-RateLimit-Limit")).isPresent();
    assertThat(me.headers().firstValue("X-RateLimit-Remaining")).isPresent();
    assertThat(me.headers().firstValue("X-RateLimit-Reset-After")).isPresent();
    HttpResponse<String> missing = call("GET", "no/such/route", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Via")).contains("1.1 google");
    assertThat(json(call("GET", "gateway/bot", null)).path("url").asText())
        .isEqualTo(sandbox.gatewayUrl());
  }

  @Test
  @DisplayName("no or wrong token is 401")
  void unauthorized() throws Exception {
    HttpResponse<String> r = call("GET", "users/@me", null, false);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(json(r).path("message").asText()).isEqualTo("401: Unauthorized");
  }

  @Test
  @DisplayName(
      "content over 2000, 11 embeds, long titles, 26 fields and 6001-character embeds are 50035 with errors")
  void validation() throws Exception {
    HttpResponse<String> content =
        call(
            "POST",
            messages(sandbox.general()),
            JSON.writeValueAsString(Map.of("content", "x".repeat(2001))));
    assertThat(content.statusCode()).isEqualTo(400);
    assertThat(json(content).path("code").asInt()).isEqualTo(50035);
    assertThat(json(content).path("message").asText()).isEqualTo("Invalid Form Body");
    assertThat(json(content).at("/errors/content/_errors/0/code").asText())
        .isEqualTo("BASE_TYPE_MAX_LENGTH");

    String elevenEmbeds = "{\"embeds\":[" + "{\"title\":\"t\"},".repeat(10) + "{\"title\":\"t\"}]}";
    assertThat(
            json(call("POST", messages(sandbox.general()), elevenEmbeds))
                .at("/errors/embeds/_errors/0/message")
                .asText())
        .isEqualTo("Must be 10 or fewer in length.");

    String longTitle =
        "{\"embeds\":[{\"title\":\""
            + "t".repeat(257)
            + "\",\"description\":\""
            + "d".repeat(4097)
            + "\"}]}";
    JsonNode titled = json(call("POST", messages(sandbox.general()), longTitle));
    assertThat(titled.at("/errors/embeds/0/title/_errors/0/code").asText())
        .isEqualTo("BASE_TYPE_MAX_LENGTH");
    assertThat(titled.at("/errors/embeds/0/description/_errors/0/code").asText())
        .isEqualTo("BASE_TYPE_MAX_LENGTH");

    StringBuilder fields = new StringBuilder("{\"embeds\":[{\"fields\":[");
    for (int i = 0; i < 26; i++) {
      fields.append(i == 0 ? "" : ",").append("{\"name\":\"n\",\"value\":\"v\"}");
    }
    fields.append("]}]}");
    assertThat(
            json(call("POST", messages(sandbox.general()), fields.toString()))
                .at("/errors/embeds/0/fields/_errors/0/message")
                .asText())
        .isEqualTo("Must be 25 or fewer in length.");

    String big =
        "{\"embeds\":[{\"title\":\""
            + "t".repeat(200)
            + "\",\"description\":\""
            + "d".repeat(4000)
            + "\",\"fields\":[{\"name\":\"n\",\"value\":\""
            + "v".repeat(1000)
            + "\"},{\"name\":\"n\",\"value\":\""
            + "v".repeat(1000)
            + "\"}]}]}";
    assertThat(
            json(call("POST", messages(sandbox.general()), big))
                .at("/errors/embeds/0/_errors/0/code")
                .asText())
        .isEqualTo("MAX_EMBED_SIZE_EXCEEDED");
  }

  @Test
  @DisplayName("JDA-shaped empty messages are 50006; unknown channel 10003; unknown message 10008")
  void emptyAndUnknown() throws Exception {
    String jdaEmpty =
        "{\"content\":\"\",\"embeds\":[],\"components\":[],\"tts\":false,\"flags\":0,\"poll\":null}";
    HttpResponse<String> empty = call("POST", messages(sandbox.general()), jdaEmpty);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json(empty).path("code").asInt()).isEqualTo(50006);

    HttpResponse<String> channel =
        call("POST", "channels/1234567890123456789/messages", "{\"content\":\"hi\"}");
    assertThat(channel.statusCode()).isEqualTo(404);
    assertThat(json(channel).path("code").asInt()).isEqualTo(10003);

    HttpResponse<String> message =
        call("GET", messages(sandbox.general()) + "/1234567890123456789", null);
    assertThat(json(message).path("code").asInt()).isEqualTo(10008);
  }

  @Test
  @DisplayName(
      "permissions come from roles and overwrites: the bot may not write in #read-only (50013)")
  void missingPermissions() throws Exception {
    HttpResponse<String> r = call("POST", messages(sandbox.readOnly()), "{\"content\":\"hi\"}");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(json(r).path("code").asInt()).isEqualTo(50013);
    SandboxMessage someone = sandbox.post(sandbox.member(), sandbox.general(), "someone's message");
    HttpResponse<String> delete =
        call("DELETE", messages(sandbox.general()) + "/" + someone.id(), null);
    assertThat(json(delete).path("code").asInt()).isEqualTo(50013);
    HttpResponse<String> bulk =
        call(
            "POST",
            messages(sandbox.general()) + "/bulk-delete",
            "{\"messages\":[\"" + someone.id() + "\",\"1\"]}");
    assertThat(json(bulk).path("code").asInt()).isEqualTo(50013);
  }

  @Test
  @DisplayName("a 429 carries an integer Retry-After header and retry_after in the body, once")
  void rateLimit() throws Exception {
    sandbox.rateLimitNext(1, Duration.ofMillis(1200));
    HttpResponse<String> limited = call("GET", "users/@me", null);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("2");
    assertThat(limited.headers().firstValue("Via")).contains("1.1 google");
    assertThat(json(limited).path("retry_after").asDouble()).isEqualTo(1.2);
    assertThat(json(limited).path("global").asBoolean()).isFalse();
    assertThat(call("GET", "users/@me", null).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "failNext answers the next matching request with Discord's error body, once, and the route does nothing")
  void failNext() throws Exception {
    // given a failure queued for sending messages in #general
    String general = messages(sandbox.general());
    int before = sandbox.messages(sandbox.general()).size();
    sandbox.failNext("POST", general, 403, 50013, "Missing Permissions");

    // when other routes and methods are called first, they are untouched
    assertThat(call("GET", "users/@me", null).statusCode()).isEqualTo(200);
    assertThat(call("GET", general, null).statusCode()).isEqualTo(200);
    assertThat(call("POST", messages(sandbox.news()), "{\"content\":\"elsewhere\"}").statusCode())
        .isEqualTo(200);

    // then the matching request fails like Discord, with nothing sent
    HttpResponse<String> failed = call("POST", general, "{\"content\":\"refused\"}");
    assertThat(failed.statusCode()).isEqualTo(403);
    assertThat(failed.headers().firstValue("Via")).contains("1.1 google");
    assertThat(json(failed).path("code").asInt()).isEqualTo(50013);
    assertThat(json(failed).path("message").asText()).isEqualTo("Missing Permissions");
    assertThat(sandbox.messages(sandbox.general())).hasSize(before);
    assertThat(
            sandbox
                .awaitRequest(
                    r -> r.path().equals(general) && r.status() == 403, Duration.ofSeconds(5))
                .body())
        .contains("refused");

    // and only once: the same request now succeeds
    HttpResponse<String> retried = call("POST", general, "{\"content\":\"accepted\"}");
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(sandbox.messages(sandbox.general())).hasSize(before + 1);
  }

  @Test
  @DisplayName(
      "holdNext answers with the state when the request arrived, sent only once the test releases it")
  void holdNext() throws Exception {
    SandboxMessage kept = sandbox.post(sandbox.member(), sandbox.general(), "kept");
    SandboxMessage gone = sandbox.post(sandbox.member(), sandbox.general(), "deleted while held");
    HeldResponse held = sandbox.holdNext("GET", messages(sandbox.general()));

    String after = messages(sandbox.general()) + "?after=" + (Long.parseLong(kept.id()) - 1);
    java.util.concurrent.CompletableFuture<HttpResponse<String>> page =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create(sandbox.restUrl() + after))
                .header("Authorization", "Bot " + sandbox.token())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    held.awaitHeld(Duration.ofSeconds(10));
    sandbox.delete(gone);
    assertThat(page).as("held until released").isNotDone();
    held.release();

    JsonNode body = json(page.get(10, java.util.concurrent.TimeUnit.SECONDS));
    assertThat(body).extracting(n -> n.path("id").asText()).containsExactly(gone.id(), kept.id());
    assertThat(call("GET", after, null).body())
        .as("released: later answers are current")
        .doesNotContain(gone.id());
  }

  @Test
  @DisplayName(
      "failNext refuses a status that is not an error, and a 429 (which needs rateLimitNext)")
  void failNextValidates() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> sandbox.failNext("POST", "x", 200, 0, "OK"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> sandbox.failNext("POST", "x", 429, 0, "slow down"))
        .withMessageContaining("rateLimitNext");
  }

  @Test
  @DisplayName(
      "multipart payload_json + files[0] creates an attachment with a derived content type")
  void multipart() throws Exception {
    String boundary = "sandboxboundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String payload =
        "{\"content\":\"file\",\"attachments\":[{\"id\":0,\"description\":\"\",\"filename\":\"chart.png\"}]}";
    byte[] png = {
      (byte) 0x89,
      'P',
      'N',
      'G',
      13,
      10,
      26,
      10,
      0,
      0,
      0,
      13,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      2,
      0,
      0,
      0,
      1,
      0
    };
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + payload
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"chart.png\"\r\n"
                + "Content-Type: application/octet-stream; charset=utf-8\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(png);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.restUrl() + messages(sandbox.general())))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .header("Authorization", "Bot " + sandbox.token())
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode attachment = json(r).at("/attachments/0");
    assertThat(attachment.path("filename").asText()).isEqualTo("chart.png");
    assertThat(attachment.path("content_type").asText()).isEqualTo("image/png");
    assertThat(attachment.path("width").asInt()).isEqualTo(512);
    assertThat(attachment.path("height").asInt()).isEqualTo(256);
    assertThat(attachment.path("size").asInt()).isEqualTo(png.length);
  }

  @Test
  @DisplayName(
      "interactions: 10015 before the ack, 200 with interaction+resource, 40060 on a second ack, webhook edits")
  void interactionRules() throws Exception {
    String app = sandbox.applicationId();
    HttpResponse<String> registered =
        call(
            "PUT",
            "applications/" + app + "/guilds/" + sandbox.guildId() + "/commands",
            "[{\"name\":\"ping\",\"description\":\"Answers pong\",\"type\":1}]");
    assertThat(registered.statusCode()).isEqualTo(200);
    assertThat(json(registered).at("/0/id").asText()).isNotEmpty();
    assertThat(
            json(call(
                    "PUT",
                    "applications/" + app + "/commands",
                    "[{\"name\":\"Bad Name\",\"description\":\"x\"}]"))
                .at("/errors/0/name/_errors/0/code")
                .asText())
        .isEqualTo("APPLICATION_COMMAND_INVALID_NAME");

    InteractionHandle ping = sandbox.slash(sandbox.member(), sandbox.general(), "ping");
    assertThat(Snowflakes.timeOf(ping.id()))
        .isBetween(java.time.Instant.now().minusSeconds(5), java.time.Instant.now());
    String webhook = "webhooks/" + app + "/" + ping.token();
    assertThat(
            json(call("POST", webhook + "?wait=true", "{\"content\":\"early\"}", false))
                .path("code")
                .asInt())
        .isEqualTo(10015);

    String callback =
        "interactions/" + ping.id() + "/" + ping.token() + "/callback?with_response=true";
    HttpResponse<String> ack =
        call("POST", callback, "{\"type\":4,\"data\":{\"content\":\"pong\",\"flags\":64}}", false);
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(json(ack).at("/interaction/id").asText()).isEqualTo(ping.id());
    assertThat(json(ack).at("/interaction/response_message_ephemeral").asBoolean()).isTrue();
    assertThat(json(ack).at("/resource/type").asInt()).isEqualTo(4);
    assertThat(json(ack).at("/resource/message/content").asText()).isEqualTo("pong");
    assertThat(ping.isEphemeral()).isTrue();

    HttpResponse<String> again =
        call("POST", callback, "{\"type\":4,\"data\":{\"content\":\"again\"}}", false);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(json(again).path("code").asInt()).isEqualTo(40060);

    HttpResponse<String> edit =
        call("PATCH", webhook + "/messages/@original?wait=true", "{\"content\":\"pong!\"}", false);
    assertThat(json(edit).path("content").asText()).isEqualTo("pong!");
    assertThat(ping.awaitResponse(Duration.ofSeconds(1)).content()).isEqualTo("pong!");
    HttpResponse<String> followUp =
        call("POST", webhook + "?wait=true", "{\"content\":\"more\"}", false);
    assertThat(json(followUp).path("webhook_id").asText()).isEqualTo(app);
    assertThat(ping.followUps()).extracting(SandboxMessage::content).containsExactly("more");
  }

  @Test
  @DisplayName(
      "an interaction delivered late is dated from its creation: any answer is refused with 10062"
          + " and its member sees the failure")
  void lateInteraction() throws Exception {
    String app = sandbox.applicationId();
    call(
        "PUT",
        "applications/" + app + "/guilds/" + sandbox.guildId() + "/commands",
        "[{\"name\":\"ping\",\"description\":\"Answers pong\",\"type\":1}]");
    InteractionHandle onTime = sandbox.slash(sandbox.member(), sandbox.general(), "ping");
    sandbox.deliverInteractionsLate(Duration.ofSeconds(5));
    InteractionHandle late;
    try {
      late = sandbox.slash(sandbox.member(), sandbox.general(), "ping");
    } finally {
      sandbox.deliverInteractionsLate(Duration.ZERO);
    }

    assertThat(Snowflakes.timeOf(late.id()))
        .isBefore(java.time.Instant.now().minusMillis(4_900))
        .isBefore(Snowflakes.timeOf(onTime.id()));
    HttpResponse<String> ack =
        call(
            "POST",
            "interactions/" + late.id() + "/" + late.token() + "/callback",
            "{\"type\":5}",
            false);
    assertThat(ack.statusCode()).isEqualTo(404);
    assertThat(json(ack).path("code").asInt()).isEqualTo(10062);
    assertThat(late.awaitExpiredCallback(Duration.ofSeconds(1))).isEqualTo(1);
    assertThat(late.memberSeesFailure()).isTrue();
    assertThat(onTime.memberSeesFailure()).as("still within its window").isFalse();
  }
}
