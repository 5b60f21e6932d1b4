package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@DisplayName("bench-summary")
class SummaryBenchCommandTest {

  @Test
  @DisplayName("prints timings, sample, themes and cached percentiles for a small synthetic thread")
  void smallRun() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new SummaryBenchCommand());
    cli.setOut(new PrintWriter(out));
    int code =
        cli.execute("--sizes", "3000", "--runs", "1", "--warmups", "0", "--cached-requests", "200");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains(
            "takes read from: a SQLite store",
            "3,000",
            "takes sampled",
            "themes: ",
            "cached summary (3,000 takes): p50 ")
        .containsPattern("p99 \\d+\\.\\d+ ms");
  }

  @Test
  @DisplayName("refuses a nonsensical size with a clear message")
  void badSize() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new SummaryBenchCommand());
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler(
        (e, c, p) -> {
          c.getErr().println("error: " + e.getMessage());
          return 2;
        });
    assertThat(cli.execute("--sizes", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--sizes must list take counts between 1 and 20,000,000");
  }
}
