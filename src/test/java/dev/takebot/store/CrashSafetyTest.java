package dev.takebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A SIGKILL during a flood of takes")
class CrashSafetyTest {
  private static final int KILL_AFTER_ACKS = 1_500;

  @TempDir Path dir;

  @Test
  @DisplayName(
      "leaves a consistent SQLite file holding exactly the takes acknowledged before the kill")
  void sigkillLosesNothingAcknowledged() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("crash.db");
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                javaBin.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashChild.class.getName(),
                url)
            .redirectError(dir.resolve("child.log").toFile())
            .start();

    // given a child that acknowledges every committed take on stdout
    List<Long> acked = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(in.readLine()).as("child started (see child.log)").isEqualTo("ready");
      String line;
      while ((line = in.readLine()) != null) {
        acked.add(Long.parseLong(line));
        if (acked.size() == KILL_AFTER_ACKS) {
          // when it is killed mid-flood: SIGKILL on Linux, no shutdown hooks, no finally blocks.
          // Through
          // the ProcessHandle, because Process.destroyForcibly() also closes our end of its stdout
          // and
          // the acknowledgements still in the pipe must be read.
          child.toHandle().destroyForcibly();
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acked).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);
    long lastAcked = acked.get(acked.size() - 1);
    assertThat(acked)
        .as("acknowledged in order")
        .isEqualTo(LongStream.rangeClosed(1, lastAcked).boxed().toList());

    // then the file passes SQLite's integrity check
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
    // and holds every acknowledged take; at most the one take committed between its commit and its
    // acknowledgement may be there unacknowledged, never anything else
    try (JdbcTakeStore store = Stores.open(url, null, null)) {
      List<Long> stored = new ArrayList<>();
      store.forEachTake(1, t -> stored.add(t.messageId()));
      assertThat(stored).startsWith(acked.toArray(Long[]::new));
      assertThat(stored.size()).isBetween(acked.size(), acked.size() + 1);
      if (stored.size() > acked.size()) {
        assertThat(stored.get(stored.size() - 1)).isEqualTo(lastAcked + 1);
      }
      // and the aggregates, committed in the same transactions, agree with the rows
      assertThat(store.stats(1).takes()).isEqualTo(stored.size());
      assertThat(store.stats(1).members()).isEqualTo(Math.min(50, stored.size()));
    }
  }
}
