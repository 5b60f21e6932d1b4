package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.ArticleSettings;
import dev.takebot.config.DiscordSettings;
import dev.takebot.config.ShardSettings;
import dev.takebot.config.StorageSettings;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.store.Stores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A bot on PostgreSQL whose shards wait for their identify turn (another process holds it) is
 * stopped: the start ends at once, closing what it opened, and no shard identifies afterwards.
 */
@DisplayName("Stopping a bot whose shards wait for an identify turn")
class IdentifyWaitStopTest {

  @Test
  @DisplayName("ends its start promptly and never identifies")
  void interruptedWhileWaitingForATurn() throws Exception {
    try (EmbeddedPostgres postgres =
            EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        DiscordSandbox sandbox =
            DiscordSandbox.builder().guilds(2).recommendedShards(2).maxConcurrency(1).start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Stores.open(url, "postgres", null).close(); // migrated
      // given another process holds bucket 0's turn for ten minutes
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO leases (name, holder, expires_at) VALUES ('identify-0', 'elsewhere',"
                + " CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT) + 600000)");
      }
      TakeBotConfig config =
          new TakeBotConfig(
              new DiscordSettings(
                      sandbox.restUrl(), sandbox.gatewayUrl(), null, List.of("Moderator"), "news")
                  .withShards(new ShardSettings(2, List.of(0, 1))),
              new ArticleSettings(Path.of("config", "articles"), 6),
              new StorageSettings(url, "postgres", null, null, null),
              new TakesSettings(0, 0));
      CompletableFuture<Throwable> ended = new CompletableFuture<>();
      Thread starter =
          new Thread(
              () -> {
                try {
                  TakeBotAssembly.start(config, sandbox.token(), Map.of()).close();
                  ended.complete(null);
                } catch (Throwable t) {
                  ended.complete(t);
                }
              });
      starter.start();
      // and the bot has asked for its shards' gateway, so they queue for their turn
      Awaitility.await("the bot to ask for the gateway")
          .atMost(Duration.ofSeconds(60))
          .until(() -> sandbox.requests().stream().anyMatch(r -> r.path().contains("gateway")));

      // when it is stopped
      long stopAt = System.nanoTime();
      starter.interrupt();

      // then its start ends promptly
      Throwable t = ended.get(60, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - stopAt);
      assertThat(t).isInstanceOf(InterruptedException.class);
      assertThat(took).isLessThan(Duration.ofSeconds(10));
      assertThat(sandbox.gatewayEvents()).noneMatch(e -> e.kind().equals("IDENTIFY"));
    }
  }
}
