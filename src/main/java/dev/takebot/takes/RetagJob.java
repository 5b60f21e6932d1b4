package dev.takebot.takes;

import dev.takebot.sentiment.Sentiment;
import dev.takebot.sentiment.SentimentAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * <p>Runs on its own single daemon thread so commands never wait for it; {@link #close()} stops it
 * between two takes.
 */
public final class RetagJob implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RetagJob.class);

  /** Takes read per batch: big enough to amortise the query, small enough to stop promptly. */
  public static final int DEFAULT_BATCH = 500;

  private final TakeService service;
  private final int batchSize;
  private final ExecutorService executor;
  private Future<?> running;

  public RetagJob(TakeService service, int batchSize) {
    this.service = Objects.requireNonNull(service, "service");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.batchSize = batchSize;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "takebot-retag");
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
  public void runLogged() {
    try {
      Result r = run();
      if (r.retagged() > 0 || r.skipped() > 0) {
        log.info(
            "Re-tagged {} takes with analyser {}; skipped {} edited or deleted while being scored",
            r.retagged(),
            service.analyzer().version(),
            r.skipped());
      }
    } catch (RuntimeException e) {
      // The store may be closing under us at shutdown; the next start resumes where this one
      // stopped.
      log.warn("Re-tagging stopped early; it resumes at the next start", e);
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
   */
  public record Result(int retagged, int skipped) {}

  /**
   * Re-tags every outdated take on the calling thread.
   *
   * @return how many takes were re-tagged
   */
  public int runNow() {
    return run().retagged();
  }

  /** Re-tags every outdated take on the calling thread, and says how many were skipped. */
  public Result run() {
    SentimentAnalyzer analyzer = service.analyzer();
    String version = analyzer.version();
    long cursor = 0;
    int total = 0;
    int skipped = 0;
    while (!Thread.currentThread().isInterrupted()) {
      // Collect first, write after: the read holds a connection (and on SQLite a read transaction).
      List<Take> batch = new ArrayList<>(Math.min(batchSize, 1024));
      int visited = service.forEachOutdated(version, cursor, batchSize, batch::add);
      Set<Long> touched = new LinkedHashSet<>();
      for (Take t : batch) {
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
        Sentiment s = analyzer.analyze(t.text());
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
      if (visited < batchSize) {
        break;
      }
    }
    return new Result(total, skipped);
  }

  /** Stops the background run between two takes and waits briefly for its thread to end. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("Re-tagging did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
