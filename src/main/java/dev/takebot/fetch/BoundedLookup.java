package dev.takebot.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link SafeFetcher.Resolver} under the fetch's deadline. The system's resolver cannot be
 * interrupted and may wait far longer than a fetch's budget (several DNS servers, retries each), so
 * lookups run on a few threads of their own and the fetch stops waiting at its deadline. A lookup
 * that never ends holds one of those threads; with all of them held, further lookups wait in a
 * small queue until their own deadline, or are refused when it is full: the fetch fails in time
 * either way, and no threads pile up.
 */
final class BoundedLookup {
  static final int THREADS = 4;
  static final int QUEUE = 64;

  private final SafeFetcher.Resolver resolver;
  private final ThreadPoolExecutor pool;

  BoundedLookup(SafeFetcher.Resolver resolver) {
    this.resolver = resolver;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "takebot-dns-" + n.incrementAndGet());
              t.setDaemon(true); // idle ones end after 30 s; none holds the JVM open
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * The host's addresses, or a {@link TimeoutException} once {@code deadline} ({@link
   * System#nanoTime()}) passes or when too many lookups are already waiting.
   */
  List<InetAddress> resolve(String host, long deadline)
      throws UnknownHostException, TimeoutException {
    Future<List<InetAddress>> lookup;
    try {
      lookup = pool.submit(() -> resolver.resolve(host));
    } catch (RejectedExecutionException e) {
      throw new TimeoutException("too many name lookups waiting");
    }
    try {
      return lookup.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      lookup.cancel(true);
      throw e;
    } catch (InterruptedException e) {
      lookup.cancel(true);
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownHostException unknown) {
        throw unknown;
      }
      UnknownHostException unknown = new UnknownHostException(host);
      unknown.initCause(e.getCause());
      throw unknown;
    }
  }
}
