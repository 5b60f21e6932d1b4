package dev.takebot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The operators' HTTP endpoints")
class OpsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final Metrics metrics = Metrics.prometheus();
  private final ShardStates shards = new ShardStates(metrics.registry());
  private final AtomicBoolean database = new AtomicBoolean(true);
  private final CountDownLatch hang = new CountDownLatch(1);
  private final AtomicBoolean hanging = new AtomicBoolean();
  private final Health health =
      new Health(
          shards,
          () -> {
            if (hanging.get()) {
              try {
                hang.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return database.get();
          },
          Duration.ofMillis(300));
  private final OpsServer server = OpsServer.start("127.0.0.1", 0, metrics, health);

  @AfterEach
  void close() {
    hang.countDown();
    server.close();
    health.close();
    metrics.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("live answers 200 even while the bot is not ready")
  void live() throws Exception {
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    assertThat(get("/health/ready").statusCode()).isEqualTo(503);
  }

  @Test
  @DisplayName("ready needs every expected shard connected and the database up")
  void ready() throws Exception {
    shards.expect(List.of(0, 1));
    shards.update(0, ShardStates.CONNECTED);
    assertThat(get("/metrics").body())
        .as("a shard expected but not seen yet reports 0")
        .contains("takebot_gateway_connected{shard=\"1\"} 0.0");
    HttpResponse<String> oneDown = get("/health/ready");
    assertThat(oneDown.statusCode()).isEqualTo(503);
    assertThat(oneDown.body())
        .isEqualTo(
            "{\"status\":\"DOWN\",\"database\":\"UP\",\"shards\":{\"0\":\"CONNECTED\",\"1\":\"UNKNOWN\"}}");

    shards.update(1, ShardStates.CONNECTED);
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);

    database.set(false);
    HttpResponse<String> dbDown = get("/health/ready");
    assertThat(dbDown.statusCode()).isEqualTo(503);
    assertThat(dbDown.body()).contains("\"database\":\"DOWN\"");

    database.set(true);
    shards.update(1, "ATTEMPTING_TO_RECONNECT");
    assertThat(get("/health/ready").body()).contains("\"1\":\"ATTEMPTING_TO_RECONNECT\"");
  }

  @Test
  @DisplayName("a database that hangs makes ready answer 503 within the probe's timeout")
  void hungDatabase() throws Exception {
    shards.expect(List.of(0));
    shards.update(0, ShardStates.CONNECTED);
    hanging.set(true);
    long start = System.nanoTime();
    assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("metrics are Prometheus text with the bot's meters and the JVM's")
  void metrics() throws Exception {
    metrics.takeStored();
    metrics.restResponse("POST channels/{id}/messages", 429);
    shards.update(0, ShardStates.CONNECTED);
    HttpResponse<String> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("text/plain"));
    assertThat(r.body())
        .contains("takebot_takes_total{change=\"stored\"} 1.0")
        .contains("takebot_rest_ratelimited_total{route=\"POST channels/{id}/messages\"} 1.0")
        .contains("takebot_gateway_connected{shard=\"0\"} 1.0")
        .contains("takebot_ingest_latency_seconds_bucket")
        .contains("jvm_memory_used_bytes")
        .contains("process_uptime_seconds");
  }

  @Test
  @DisplayName("only the three paths exist, for GET")
  void otherPaths() throws Exception {
    assertThat(get("/metricsx").statusCode()).isEqualTo(404);
    assertThat(get("/").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  @DisplayName(
      "a client that stalls half-way through its request does not hold up the probes or a scrape")
  void stalledClient() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      // Three clients send a request line and no end of headers, so the server waits for the rest.
      // They connect before the probe, and the server takes connections up in the order it
      // accepts them, so no head start is needed: each holds a worker before the probe arrives.
      for (int i = 0; i < 3; i++) {
        Socket client = new Socket("127.0.0.1", server.port());
        stalled.add(client);
        OutputStream out = client.getOutputStream();
        out.write("GET /health/live HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }

      HttpResponse<String> live =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + server.port() + "/health/live"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(live.statusCode()).isEqualTo(200);
    } finally {
      for (Socket client : stalled) {
        client.close();
      }
    }
  }
}
