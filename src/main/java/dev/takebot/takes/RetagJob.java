package dev.takebot.takes;

import dev.takebot.schedule.Leases;
import dev.takebot.sentiment.Context;
import dev.takebot.sentiment.Sentiment;
import dev.takebot.sentiment.SentimentAnalyzer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-tags stored takes whose analyser version differs from the running analyser's, in the
 * background.
 *
 * <p>Resumable without any bookkeeping of its own: the {@code analyzer_version} column is the
 * progress marker. Within one run a message-id cursor walks the outdated takes in batches; a run
 * that stops (shutdown, crash) leaves the re-tagged takes on the new version, so the next run skips
 * them. Takes a moderator corrected are never visited (the store keeps their label). After every
 * batch the touched discussions are reported through {@link TakeService}'s listeners, which
 * invalidates cached summaries.
 *
 * <p>A take is scored from the text read in its batch and written only if that is still its text:
 * an edit landing in between tags the new text on its own path (with the running analyser), and the
 * old text's tag is dropped rather than written over it. Such takes are counted as skipped.
 *
 * <p>Several processes on one database re-tag one at a time: given {@link Leases}, a run first
 * takes the lease {@value #LEASE} (or returns {@link Result#deferred()} at once when another
 * process holds it), renews it after every batch and saves its message-id cursor there, so that a
 * process taking over after a stop or a crash resumes where this one was, and releases it at the
 * end. A run that finds it lost the lease (paused past its time to live) stops; the new holder
 * carries on.
 *
 * <p>Runs on its own single daemon thread so commands never wait for it; {@link #close()} stops it
 * between two takes.
 */
public final class RetagJob implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RetagJob.class);

  /** Takes read per batch: big enough to amortise the query, small enough to stop promptly. */
  public static final int DEFAULT_BATCH = 500;

  /** The lease one process at a time re-tags under. */
  public static final String LEASE = "retag";

  /**
   * How long a lease outlives its last renewal: far longer than a batch takes, short enough that a
   * crashed process's work is taken over within minutes.
   */
  public static final Duration DEFAULT_LEASE_TTL = Duration.ofMinutes(2);

  private final TakeService service;
  private final int batchSize;
  private final Lease lease;
  private final IntConsumer onBatch;
  private final ExecutorService executor;
  private Future<?> running;
  private volatile Thread worker;

  /** A job for a store no other process uses: no lease, every run starts from the first take. */
  public RetagJob(TakeService service, int batchSize) {
    this(service, batchSize, null, n -> {});
  }

  /**
   * A job that runs only while {@code holder} (this process, see {@link Leases#processHolder()})
   * holds the lease {@value #LEASE} in {@code leases}, renewed for {@code ttl} as it goes.
   */
  public RetagJob(TakeService service, int batchSize, Leases leases, String holder, Duration ttl) {
    this(service, batchSize, leases, holder, ttl, n -> {});
  }

  /**
   * As above, telling {@code onBatch} after every batch how many takes it re-tagged (for progress
   * logs and metrics); called on the job's thread.
   */
  public RetagJob(
      TakeService service,
      int batchSize,
      Leases leases,
      String holder,
      Duration ttl,
      IntConsumer onBatch) {
    this(service, batchSize, new Lease(leases, holder, ttl), onBatch);
  }

  private RetagJob(TakeService service, int batchSize, Lease lease, IntConsumer onBatch) {
    this.lease = lease;
    this.onBatch = Objects.requireNonNull(onBatch, "onBatch");
    this.service = Objects.requireNonNull(service, "service");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.batchSize = batchSize;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "takebot-retag");
              worker = t;
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY); // commands and ingest come first
              return t;
            });
  }

  /** Starts a run in the background unless one is already under way; a closed job ignores this. */
  public synchronized void start() {
    if (executor.isShutdown() || (running != null && !running.isDone())) {
      return;
    }
    running = executor.submit(this::runLogged);
  }

  /**
   * One run on the calling thread (e.g. a scheduler's routine), with its outcome logged; never
   * throws.
   */
  public Result runLogged() {
    try {
      Result r = run();
      if (r.retagged() > 0 || r.skipped() > 0) {
        log.info(
            "Re-tagged {} takes with analyser {}; skipped {} edited or deleted while being scored",
            r.retagged(),
            service.analyzer().version(),
            r.skipped());
      }
      return r;
    } catch (RuntimeException e) {
      // The store may be closing under us at shutdown; the next start resumes where this one
      // stopped.
      log.warn("Re-tagging stopped early; it resumes at the next start", e);
      return new Result(0, 0);
    }
  }

  /**
   * Waits for the current background run, for tests and orderly shutdown. @return false on timeout
   */
  public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    Future<?> f;
    synchronized (this) {
      f = running;
    }
    if (f == null) {
      return true;
    }
    try {
      f.get(timeout, unit);
      return true;
    } catch (java.util.concurrent.ExecutionException
        | java.util.concurrent.CancellationException e) {
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  /**
   * What one run did.
   *
   * @param retagged takes written with the running analyser's tag
   * @param skipped takes left alone because they were edited or deleted between being read and
   *     written
   * @param deferred another process holds the lease: this run did nothing, ask again later
   */
  public record Result(int retagged, int skipped, boolean deferred) {
    public Result(int retagged, int skipped) {
      this(retagged, skipped, false);
    }
  }

  /**
   * Re-tags every outdated take on the calling thread.
   *
   * @return how many takes were re-tagged
   */
  public int runNow() {
    return run().retagged();
  }

  /**
   * Re-tags every outdated take on the calling thread, and says how many were skipped; with a
   * lease, only while holding it.
   */
  public Result run() {
    if (lease == null) {
      return walk(new Progress(null, 0));
    }
    if (!lease.leases().tryAcquire(LEASE, lease.holder(), lease.ttl())) {
      log.debug("Another process is re-tagging (it holds the lease '{}'); trying later", LEASE);
      return new Result(0, 0, true);
    }
    Progress progress = new Progress(lease, resumeAt(service.analyzer().version()));
    try {
      return walk(progress);
    } finally {
      progress.finish();
    }
  }

  private long resumeAt(String version) {
    long from = lease.leases().cursor(LEASE).map(c -> Cursor.parse(c, version)).orElse(0L);
    if (from > 0) {
      log.info("Re-tagging with analyser {} resumes after message {}", version, from);
    }
    return from;
  }

  private Result walk(Progress progress) {
    SentimentAnalyzer analyzer = service.analyzer();
    String version = analyzer.version();
    long cursor = progress.cursor;
    int total = 0;
    int skipped = 0;
    boolean finished = false;
    while (!Thread.currentThread().isInterrupted()) {
      // Collect first, write after: the read holds a connection (and on SQLite a read transaction).
      List<Take> batch = new ArrayList<>(Math.min(batchSize, 1024));
      int visited = service.forEachOutdated(version, cursor, batchSize, batch::add);
      Set<Long> touched = new LinkedHashSet<>();
      boolean lost = false;
      int before = total;
      for (Take t : batch) {
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
        if (progress.due() && !progress.done(cursor, version)) {
          lost = true; // a slow analyser's batch outlasting the lease
          break;
        }
        Sentiment s = analyzer.analyze(t.text(), Context.NEWS); // as TakeService#read
        if (service.retag(t.messageId(), t.text(), s)) {
          total++;
          if (s.label() != t.label() || s.score() != t.score()) {
            touched.add(t.postMessageId());
          }
        } else {
          skipped++;
        }
        cursor = t.messageId();
      }
      touched.forEach(service::notifyChanged);
      onBatch.accept(total - before);
      if (lost || !progress.done(cursor, version)) {
        break;
      }
      if (visited < batchSize && !Thread.currentThread().isInterrupted()) {
        finished = true;
        break;
      }
    }
    progress.finished = finished;
    return new Result(total, skipped);
  }

  /** Who re-tags: the shared store's leases and this process's name in them. */
  private record Lease(Leases leases, String holder, Duration ttl) {
    Lease {
      Objects.requireNonNull(leases, "leases");
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("lease ttl must be positive, got " + ttl);
      }
    }
  }

  /**
   * The saved cursor: the last message id done and the analyser it was done for, so that a cursor
   * left by an interrupted run for an older analyser is not taken as progress for a newer one.
   */
  static final class Cursor {
    private Cursor() {}

    static String format(long messageId, String version) {
      return messageId + " " + version;
    }

    /**
     * The message id to resume after, or 0 when the cursor is for another analyser or unreadable.
     */
    static long parse(String cursor, String version) {
      int space = cursor.indexOf(' ');
      if (space < 0 || !cursor.substring(space + 1).equals(version)) {
        return 0;
      }
      try {
        return Long.parseLong(cursor.substring(0, space));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  /** One run's bookkeeping in the lease (none without one). */
  private static final class Progress {
    private final Lease lease;
    private final long cursor;
    private boolean finished;
    private long renewedAt = System.nanoTime();

    Progress(Lease lease, long cursor) {
      this.lease = lease;
      this.cursor = cursor;
    }

    /** A third of the lease has passed since it was last renewed: renew within the batch. */
    boolean due() {
      return lease != null && System.nanoTime() - renewedAt > lease.ttl().toNanos() / 3;
    }

    /**
     * After a batch: keeps the lease and saves how far this run got. @return false when the lease
     * was lost, so the run must stop
     */
    boolean done(long messageId, String version) {
      if (lease == null) {
        return true;
      }
      return whileNotInterrupted(
          () -> {
            if (!lease.leases().renew(LEASE, lease.holder(), lease.ttl())
                || !lease
                    .leases()
                    .saveCursor(LEASE, lease.holder(), Cursor.format(messageId, version))) {
              log.warn("Lost the re-tagging lease '{}' to another process; stopping", LEASE);
              return false;
            }
            renewedAt = System.nanoTime();
            return true;
          });
    }

    /** Clears the cursor of a run that went through (the next one starts over), then releases. */
    void finish() {
      whileNotInterrupted(
          () -> {
            try {
              if (finished) {
                lease.leases().saveCursor(LEASE, lease.holder(), null);
              }
              lease.leases().release(LEASE, lease.holder());
            } catch (RuntimeException e) {
              // The lease expires on its own; the saved cursor still says where to resume.
              log.debug("Could not release the re-tagging lease; it expires by itself", e);
            }
            return true;
          });
    }

    /**
     * Runs one bookkeeping write even while stopping (a pool refuses an interrupted thread a
     * connection), then restores the interrupt: a stopped run still saves where it stopped.
     */
    private static boolean whileNotInterrupted(java.util.function.BooleanSupplier write) {
      boolean interrupted = Thread.interrupted();
      try {
        return write.getAsBoolean();
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Stops the background run between two takes and waits briefly for its thread to end. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("Re-tagging did not stop within 5 s");
      } else if (worker != null) {
        // The pool counts as terminated a moment before its thread has ended.
        worker.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
