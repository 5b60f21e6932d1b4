package dev.takebot.store;

import dev.takebot.sentiment.Label;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import java.io.PrintStream;
import java.time.Instant;

/**
 * The victim of {@link CrashSafetyTest}: floods a SQLite store with takes, one transaction each,
 * and prints each message id only after {@code insertTake} returned (the acknowledgement).
 */
final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) {
    String url = args[0];
    PrintStream out = System.out;
    // Acknowledgements own stdout; library logging goes to stderr.
    System.setOut(System.err);
    JdbcTakeStore store = Stores.open(url, null, null);
    Instant t0 = Instant.parse("2026-11-27T12:00:00Z");
    store.saveDiscussion(new Discussion(1, 1, 1, 1, "crash", "Crash test", t0));
    out.println("ready");
    out.flush();
    for (long id = 1; ; id++) {
      Take take =
          new Take(
              id,
              1,
              1,
              id % 50,
              "member" + (id % 50),
              "take " + id + " ".repeat((int) (id % 200)),
              t0.plusMillis(id),
              null,
              Label.values()[(int) (id % 4)],
              (id % 200) / 100.0 - 1,
              "v1");
      store.insertTake(take);
      out.println(id);
      out.flush();
    }
  }
}
