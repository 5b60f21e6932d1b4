package dev.takebot.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A benchmark's progress on the terminal: one line on stderr rewritten in place ({@code \r}), at
 * most four times a second, and erased when the phase ends, so stdout keeps only the figures. Off
 * when stderr is not a terminal (redirected to a file or a pipe, as in CI).
 */
final class TerminalProgress {
  private static final long EVERY_NANOS = 250_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier nanos;
  private String phase = "";
  private long total;
  private long lastShown;
  private int width;

  TerminalProgress(PrintWriter err, boolean enabled, LongSupplier nanos) {
    this.err = err;
    this.enabled = enabled;
    this.nanos = nanos;
  }

  /** On stderr when the process runs in a terminal. */
  static TerminalProgress on(PrintWriter err) {
    return new TerminalProgress(err, System.console() != null, System::nanoTime);
  }

  /** A new phase of {@code total} items; shown at once. */
  void start(String name, long items) {
    phase = name;
    total = items;
    lastShown = nanos.getAsLong() - EVERY_NANOS;
    update(0);
  }

  /** {@code done} of the phase's items are done. Call between measured sections, not inside. */
  void update(long done) {
    long now = nanos.getAsLong();
    if (!enabled || now - lastShown < EVERY_NANOS) {
      return;
    }
    lastShown = now;
    String line =
        String.format(
            Locale.ROOT,
            "  %s: %d/%d (%d%%)",
            phase,
            done,
            total,
            total == 0 ? 100 : done * 100 / total);
    err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
    err.flush();
    width = line.length();
  }

  /** Erases the line. */
  void end() {
    if (enabled && width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      width = 0;
    }
  }
}
