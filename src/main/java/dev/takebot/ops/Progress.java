package dev.takebot.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Progress of a long job (a backfill, a re-tag) reported at a steady cadence: at most one line per
 * {@code every}, with the items done, the rate, and what remains when the total is known. Not
 * thread-safe: one job, one instance.
 */
public final class Progress {
  /** How often a long job says how far it got. */
  public static final Duration DEFAULT_EVERY = Duration.ofSeconds(10);

  private final String job;
  private final String unit;
  private final Clock clock;
  private final Duration every;
  private final Consumer<String> out;
  private final Instant started;
  private Instant lastReport;
  private long done;
  private long total = -1;

  /**
   * @param job what is under way, e.g. "Backfill"
   * @param unit what is counted, e.g. "discussions"
   * @param out where each line goes (a logger's info)
   */
  public Progress(String job, String unit, Clock clock, Duration every, Consumer<String> out) {
    this.job = job;
    this.unit = unit;
    this.clock = clock;
    this.every = every;
    this.out = out;
    this.started = clock.instant();
    this.lastReport = started;
  }

  /** {@code items} more to do than known so far (the total grows as a job discovers its work). */
  public void expect(long items) {
    total = (total < 0 ? 0 : total) + items;
  }

  /** {@code items} more are done; reports when {@code every} has passed since the last report. */
  public void advance(long items) {
    done += items;
    Instant now = clock.instant();
    if (Duration.between(lastReport, now).compareTo(every) >= 0) {
      lastReport = now;
      out.accept(line(now));
    }
  }

  public long done() {
    return done;
  }

  /** E.g. "Backfill: 1200 of 5000 messages (24%), 310.5/s, about 12 s left". */
  String line(Instant now) {
    double seconds = Math.max(1e-3, Duration.between(started, now).toMillis() / 1000.0);
    double rate = done / seconds;
    StringBuilder s = new StringBuilder(job).append(": ").append(done);
    if (total >= 0) {
      s.append(" of ").append(total).append(' ').append(unit);
      s.append(" (").append(total == 0 ? 100 : done * 100 / total).append("%)");
    } else {
      s.append(' ').append(unit);
    }
    s.append(String.format(java.util.Locale.ROOT, ", %.1f/s", rate));
    if (total >= 0 && rate > 0) {
      long left = Math.max(0, Math.round((total - done) / rate));
      s.append(", about ").append(left).append(" s left");
    }
    return s.toString();
  }
}
