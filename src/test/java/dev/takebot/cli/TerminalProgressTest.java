package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Benchmark progress on a terminal")
class TerminalProgressTest {
  private final StringWriter text = new StringWriter();
  private final AtomicLong nanos = new AtomicLong();

  @Test
  @DisplayName("rewrites one line at most four times a second and erases it at the end")
  void oneLineInPlace() {
    TerminalProgress p = new TerminalProgress(new PrintWriter(text), true, nanos::get);
    p.start("ingest, batches", 1000);
    p.update(100); // too soon after the first
    nanos.addAndGet(300_000_000L);
    p.update(250);
    p.end();
    assertThat(text.toString())
        .isEqualTo(
            "\r  ingest, batches: 0/1000 (0%)"
                + "\r  ingest, batches: 250/1000 (25%)"
                + "\r"
                + " ".repeat("  ingest, batches: 250/1000 (25%)".length())
                + "\r");
  }

  @Test
  @DisplayName("prints nothing when stderr is not a terminal")
  void silentWhenRedirected() {
    TerminalProgress p = new TerminalProgress(new PrintWriter(text), false, nanos::get);
    p.start("ingest", 10);
    nanos.addAndGet(1_000_000_000L);
    p.update(5);
    p.end();
    assertThat(text.toString()).isEmpty();
  }
}
