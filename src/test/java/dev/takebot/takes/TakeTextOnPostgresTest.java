package dev.takebot.takes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.store.JdbcTakeStore;
import dev.takebot.store.Stores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Discord has delivered message content with NUL characters, which PostgreSQL refuses in text
 * (SQLite keeps them): such a take was never stored there, and every backfill tried again.
 */
@DisplayName("Take text on PostgreSQL")
class TakeTextOnPostgresTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  @DisplayName("a take whose text holds NUL characters is stored without them, as is its edit")
  void nulCharactersAreDropped() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        JdbcTakeStore store =
            Stores.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", null)) {
      store.saveDiscussion(new Discussion(100, 1, 2, 100, "key", "Title", NOW));
      TakeService takes =
          new TakeService(store, new KeywordAnalyzer(), Clock.fixed(NOW, ZoneOffset.UTC));

      assertThat(takes.ingest(5, 100, 2, 7, "Ada\u0000", "A good\u0000 take", NOW, null))
          .hasValueSatisfying(t -> assertThat(t.text()).isEqualTo("A good take"));
      assertThat(store.findTake(5))
          .hasValueSatisfying(
              t -> {
                assertThat(t.text()).isEqualTo("A good take");
                assertThat(t.authorName()).isEqualTo("Ada");
              });

      takes.ingest(5, 100, 2, 7, "Ada", "A better\u0000 take", NOW, NOW.plusSeconds(5));
      assertThat(store.findTake(5).map(Take::text)).contains("A better take");

      assertThat(takes.edit(5, "The best\u0000 take", NOW.plusSeconds(9))).isTrue();
      assertThat(store.findTake(5).map(Take::text)).contains("The best take");
    }
  }
}
