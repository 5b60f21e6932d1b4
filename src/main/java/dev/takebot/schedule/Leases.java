package dev.takebot.schedule;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The store's role for jobs that must run in one process at a time although several processes share
 * the database (re-tagging after an analyser upgrade): a named lease that one holder owns until it
 * releases it or lets it expire, and a durable cursor per job so that the next holder resumes where
 * the last one stopped.
 *
 * <p>Expiry is judged by the database's clock, so processes whose clocks disagree still agree on
 * who holds a lease. A holder keeps its lease by renewing it well within the time to live; one that
 * stops renewing (crash, SIGKILL, a long pause) loses it to the next process that asks. Every
 * method is thread-safe and atomic across processes.
 */
public interface Leases {

  /**
   * Takes the lease {@code name} for {@code ttl} if it is free, expired or already {@code holder}'s
   * (then it is renewed).
   *
   * @return true when {@code holder} now holds it
   */
  boolean tryAcquire(String name, String holder, Duration ttl);

  /**
   * Extends {@code holder}'s lease to {@code ttl} from now.
   *
   * @return false when {@code holder} no longer holds it (released, or taken over after expiry)
   */
  boolean renew(String name, String holder, Duration ttl);

  /**
   * Frees the lease at once for the next process, keeping its cursor. @return false when {@code
   * holder} did not hold it
   */
  boolean release(String name, String holder);

  /**
   * Stores the job's progress; {@code null} clears it (the next run starts from the beginning).
   * Only the current holder may write it, so a process that lost its lease cannot move the cursor
   * of the one that took over.
   *
   * @return false when {@code holder} does not hold the lease
   */
  boolean saveCursor(String name, String holder, String cursor);

  /** The progress last saved for the job, if any. */
  Optional<String> cursor(String name);

  /**
   * A holder name unique to this process, readable in the database by an operator: host, process id
   * and a random part (a restarted process with a reused pid is still someone else).
   */
  static String processHolder() {
    String host = System.getenv().getOrDefault("HOSTNAME", "");
    if (host.isBlank()) {
      // RuntimeMXBean's name is "pid@host" on HotSpot and needs no DNS lookup
      String runtime = ManagementFactory.getRuntimeMXBean().getName();
      int at = runtime.indexOf('@');
      host = at >= 0 ? runtime.substring(at + 1) : "host";
    }
    return host
        + "/"
        + ProcessHandle.current().pid()
        + "/"
        + UUID.randomUUID().toString().substring(0, 8);
  }
}
