package dev.takebot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Several guilds and shards the way Discord does them, with the real JDA client. */
@DisplayName("Sandbox sharding")
class DiscordSandboxShardingTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName(
      "two JDA shards of four guilds each get exactly the guilds with (id >> 22) % 2 == shard, and"
          + " only their guilds' messages")
  void shardsReceiveOnlyTheirGuilds() throws Exception {
    try (DiscordSandbox sandbox = DiscordSandbox.builder().guilds(4).maxConcurrency(2).start()) {
      List<SandboxGuild> guilds = sandbox.guilds();
      assertThat(guilds).hasSize(4);
      assertThat(guilds.get(0).id()).isEqualTo(sandbox.guildId());
      assertThat(guilds.stream().map(g -> g.shard(2)).collect(Collectors.toSet()))
          .containsExactlyInAnyOrder(0, 1);
      List<GenericEvent> events0 = new CopyOnWriteArrayList<>();
      List<GenericEvent> events1 = new CopyOnWriteArrayList<>();
      JDA shard0 = shard(sandbox, 0, events0);
      JDA shard1 = shard(sandbox, 1, events1);
      try {
        shard0.awaitReady();
        shard1.awaitReady();
        assertThat(idsOf(shard0)).isEqualTo(idsOn(guilds, 0)).isNotEmpty();
        assertThat(idsOf(shard1)).isEqualTo(idsOn(guilds, 1)).isNotEmpty();
        assertThat(shard0.getShardInfo().getShardId()).isZero();

        SandboxGuild onShard1 = guilds.stream().filter(g -> g.shard(2) == 1).findFirst().get();
        SandboxGuild onShard0 = guilds.stream().filter(g -> g.shard(2) == 0).findFirst().get();
        SandboxMessage take = sandbox.post(onShard1.member(), onShard1.general(), "shard one take");
        MessageReceivedEvent received = awaitMessage(events1, take.id());
        assertThat(received.getGuild().getId()).isEqualTo(onShard1.id());
        assertThat(received.getMember().getId()).isEqualTo(onShard1.member().id());
        SandboxMessage marker = sandbox.post(onShard0.member(), onShard0.general(), "marker");
        awaitMessage(events0, marker.id());
        assertThat(messageIds(events0)).containsExactly(marker.id());
        assertThat(messageIds(events1)).containsExactly(take.id());

        // The bot answers in a guild that is not the first: REST routes find each guild's channel.
        shard1.getTextChannelById(onShard1.general().id()).sendMessage("hello shard 1").complete();
        assertThat(sandbox.messages(onShard1.general()))
            .extracting(SandboxMessage::content)
            .contains("hello shard 1");
      } finally {
        shard0.shutdownNow();
        shard1.shutdownNow();
      }
    }
  }

  @Test
  @DisplayName(
      "GET /gateway/bot reports the recommended shards and a session_start_limit that counts"
          + " starts")
  void gatewayBot() throws Exception {
    try (DiscordSandbox sandbox =
        DiscordSandbox.builder()
            .recommendedShards(2)
            .maxConcurrency(2)
            .sessionStartLimit(10)
            .start()) {
      JsonNode before = gatewayBot(sandbox);
      assertThat(before.path("url").asText()).isEqualTo(sandbox.gatewayUrl());
      assertThat(before.path("shards").asInt()).isEqualTo(2);
      JsonNode limit = before.path("session_start_limit");
      assertThat(limit.path("total").asInt()).isEqualTo(10);
      assertThat(limit.path("remaining").asInt()).isEqualTo(10);
      assertThat(limit.path("reset_after").asLong()).isPositive();
      assertThat(limit.path("max_concurrency").asInt()).isEqualTo(2);

      try (RawGateway ws = RawGateway.connect(sandbox)) {
        ws.identify(sandbox, 0, 1);
        ws.await(p -> "READY".equals(p.path("t").asText()));
      }
      assertThat(gatewayBot(sandbox).path("session_start_limit").path("remaining").asInt())
          .isEqualTo(9);
    }
  }

  @Test
  @DisplayName(
      "an IDENTIFY within 5 s of the previous one in its bucket (shard_id % max_concurrency) gets"
          + " op 9, not resumable; another bucket may identify at once")
  void identifyTooSoon() throws Exception {
    try (DiscordSandbox sandbox = DiscordSandbox.builder().guilds(2).maxConcurrency(2).start();
        RawGateway first = RawGateway.connect(sandbox);
        RawGateway otherBucket = RawGateway.connect(sandbox);
        RawGateway tooSoon = RawGateway.connect(sandbox)) {
      first.identify(sandbox, 0, 2);
      JsonNode ready = first.await(p -> "READY".equals(p.path("t").asText()));
      assertThat(ready.path("d").path("shard").toString()).isEqualTo("[0,2]");
      assertThat(ready.path("d").path("guilds")).hasSize(1);
      otherBucket.identify(sandbox, 1, 2);
      otherBucket.await(p -> "READY".equals(p.path("t").asText()));
      tooSoon.identify(sandbox, 0, 2);
      JsonNode refused = tooSoon.await(p -> p.path("op").asInt() == 9);
      assertThat(refused.path("d").asBoolean(true)).isFalse();
      assertThat(sandbox.gatewayEvents())
          .filteredOn(e -> e.kind().equals("IDENTIFY_REFUSED"))
          .hasSize(1);
    }
  }

  @Test
  @DisplayName("once session_start_limit.remaining is 0 an IDENTIFY gets op 9")
  void sessionStartLimitExhausted() throws Exception {
    try (DiscordSandbox sandbox =
            DiscordSandbox.builder().sessionStartLimit(1).identifyInterval(Duration.ZERO).start();
        RawGateway first = RawGateway.connect(sandbox);
        RawGateway second = RawGateway.connect(sandbox)) {
      first.identify(sandbox, 0, 1);
      first.await(p -> "READY".equals(p.path("t").asText()));
      second.identify(sandbox, 0, 1);
      assertThat(second.await(p -> p.path("op").asInt() == 9).path("d").asBoolean(true)).isFalse();
    }
  }

  private static JDA shard(DiscordSandbox sandbox, int shardId, List<GenericEvent> events) {
    return JDABuilder.createLight(
            sandbox.token(), GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
        .useSharding(shardId, 2)
        .setRestConfig(new RestConfig().setBaseUrl(sandbox.restUrl()))
        .setSessionController(
            new SessionControllerAdapter() {
              @Override
              public String getGateway() {
                return sandbox.gatewayUrl();
              }
            })
        .setEnableShutdownHook(false)
        .addEventListeners((net.dv8tion.jda.api.hooks.EventListener) events::add)
        .build();
  }

  private static Set<String> idsOf(JDA jda) {
    return jda.getGuilds().stream().map(Guild::getId).collect(Collectors.toSet());
  }

  private static Set<String> idsOn(List<SandboxGuild> guilds, int shard) {
    return guilds.stream()
        .filter(g -> g.shard(2) == shard)
        .map(SandboxGuild::id)
        .collect(Collectors.toSet());
  }

  private static MessageReceivedEvent awaitMessage(List<GenericEvent> events, String id) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                events.stream()
                    .filter(MessageReceivedEvent.class::isInstance)
                    .map(MessageReceivedEvent.class::cast)
                    .filter(e -> e.getMessageId().equals(id))
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }

  private static List<String> messageIds(List<GenericEvent> events) {
    return events.stream()
        .filter(MessageReceivedEvent.class::isInstance)
        .map(e -> ((MessageReceivedEvent) e).getMessageId())
        .toList();
  }

  private static JsonNode gatewayBot(DiscordSandbox sandbox) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sandbox.restUrl() + "gateway/bot"))
                    .header("Authorization", "Bot " + sandbox.token())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** A bare gateway client, so a test decides exactly when each IDENTIFY is sent. */
  private static final class RawGateway implements AutoCloseable, WebSocket.Listener {
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static RawGateway connect(DiscordSandbox sandbox) {
      RawGateway g = new RawGateway();
      g.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create(sandbox.gatewayUrl() + "?v=10&encoding=json"), g)
              .join();
      return g;
    }

    void identify(DiscordSandbox sandbox, int shardId, int numShards) {
      String payload =
          "{\"op\":2,\"d\":{\"token\":\""
              + sandbox.token()
              + "\",\"intents\":513,\"properties\":{\"os\":\"linux\",\"browser\":\"raw\","
              + "\"device\":\"raw\"},\"shard\":["
              + shardId
              + ","
              + numShards
              + "]}}";
      socket.sendText(payload, true).join();
    }

    JsonNode await(Predicate<JsonNode> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        JsonNode p = received.poll(100, TimeUnit.MILLISECONDS);
        if (p != null && wanted.test(p)) {
          return p;
        }
      }
      throw new AssertionError("no matching gateway payload within " + WAIT);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          received.add(JSON.readTree(partial.toString()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public void close() {
      socket.abort();
    }
  }
}
