package dev.takebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sentiment.Label;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Take store on SQLite")
class SqliteTakeStoreTest extends TakeStoreContract {
  @TempDir Path dir;

  @Override
  JdbcTakeStore openEmpty() {
    return reopen();
  }

  @Override
  JdbcTakeStore reopen() {
    return Stores.open("jdbc:sqlite:" + dir.resolve("nested/takebot.db"), null, null);
  }

  private static final ChannelScope VISIBLE =
      ChannelScope.only(List.of(CHANNEL, CHANNEL + 1, CHANNEL + 2));

  static List<TakeQuery> pageFilters() {
    List<TakeQuery> scoped =
        List.of(
            new TakeQuery(GUILD, null, null, null, VISIBLE),
            new TakeQuery(GUILD, null, null, 42L, VISIBLE),
            new TakeQuery(GUILD, null, Label.NEGATIVE, null, VISIBLE),
            new TakeQuery(GUILD, null, Label.NEGATIVE, 42L, VISIBLE),
            new TakeQuery(GUILD, POST, null, null, VISIBLE),
            new TakeQuery(GUILD, POST, Label.POSITIVE, null, VISIBLE),
            new TakeQuery(GUILD, POST, null, 42L, VISIBLE));
    return java.util.stream.Stream.concat(
            scoped.stream(), scoped.stream().map(q -> q.within(ChannelScope.unrestricted())))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pageFilters")
  @DisplayName(
      "a page of takes walks an index in message order, whatever the filter, and sorts nothing")
  void pagesNeverSort(TakeQuery query) throws Exception {
    for (boolean forward : new boolean[] {true, false}) {
      List<String> plan = plan(PageQuery.of(query, forward ? 0 : Long.MAX_VALUE, forward, 10));

      assertThat(plan)
          .as("plan of %s", query)
          .anyMatch(
              step ->
                  step.contains("USING INDEX takes_by")
                      || step.contains("USING COVERING INDEX takes_by"));
      assertThat(plan).as("plan of %s", query).noneMatch(step -> step.contains("TEMP B-TREE"));
    }
  }

  private List<String> plan(PageQuery page) throws Exception {
    PageQuery explain = new PageQuery("EXPLAIN QUERY PLAN " + page.sql(), page.args());
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("nested/takebot.db"));
        PreparedStatement ps = explain.prepare(c)) {
      List<String> steps = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          steps.add(rs.getString("detail"));
        }
      }
      return steps;
    }
  }

  @Test
  @DisplayName(
      "forget leaves no copy of the forgotten text in the database file or its write-ahead log,"
          + " while the store stays open")
  void forgetScrubsTheFiles() throws Exception {
    // Regression (#11): PASSIVE checkpoints copy pages but never shrink the log, so the running
    // bot's -wal
    // file kept 1,274 copies of text that /takes forget had deleted.
    String marker = "forget-me-" + UUID.randomUUID();
    for (long id = 1; id <= 300; id++) {
      store.insertTake(
          new Take(
              id, POST, POST, 5, "m", marker + " take " + id, T0, null, Label.NEUTRAL, 0, "v1"));
      store.insertTake(
          new Take(
              10_000 + id,
              POST,
              POST,
              6,
              "n",
              "kept take " + id,
              T0,
              null,
              Label.NEUTRAL,
              0,
              "v1"));
    }
    assertThat(occurrences(marker)).as("the marker is on disk before forget").isPositive();

    assertThat(store.forgetAuthor(GUILD, 5, 100_000)).isEqualTo(300);

    assertThat(occurrences(marker))
        .as("copies of the forgotten text in takebot.db and takebot.db-wal")
        .isZero();
    assertThat(store.stats(POST).takes()).isEqualTo(300);
  }

  /** How many times {@code marker} occurs in the raw bytes of the database file and its log. */
  private long occurrences(String marker) throws Exception {
    byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
    long n = 0;
    for (String name : List.of("takebot.db", "takebot.db-wal")) {
      Path file = dir.resolve("nested").resolve(name);
      if (Files.exists(file)) {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
          if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
            n++;
          }
        }
      }
    }
    return n;
  }
}
