package dev.takebot.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link SafeFetcher.Resolver} under the fetch's deadline. The system's resolver cannot be
 * interrupted and may wait far longer than a fetch's budget (several DNS servers, retries each), so
 * lookups run on threads of their own and the fetch stops waiting at its deadline.
 *
 * <p>A lookup the fetch gave up on goes on holding its thread until the resolver gives up too, and
 * which names hang is anyone's choice: whoever runs a name server that never answers can post links
 * to it in a server of their own. So a lookup never waits behind hanging ones: each gets a thread
 * of its own, up to {@link #MAX_THREADS} at once (a few stay idle for the next; a normal lookup
 * takes milliseconds); beyond that a lookup is refused at once, so the fetch still fails in time
 * and no threads pile up.
 */
final class BoundedLookup {
  /** Threads started before any other is made; every thread ends once idle for 30 s. */
  static final int THREADS = 4;

  /** Lookups at once at most, hanging ones included. */
  static final int MAX_THREADS = 32;

  private final SafeFetcher.Resolver resolver;
  private final ThreadPoolExecutor pool;

  BoundedLookup(SafeFetcher.Resolver resolver) {
    this.resolver = resolver;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            THREADS,
            MAX_THREADS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(), // never waits behind a lookup that hangs
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
   * System#nanoTime()}) passes or when {@link #MAX_THREADS} lookups are already running.
   */
  List<InetAddress> resolve(String host, long deadline)
      throws UnknownHostException, TimeoutException {
    Future<List<InetAddress>> lookup;
    try {
      lookup = pool.submit(() -> resolver.resolve(host));
    } catch (RejectedExecutionException e) {
      throw new TimeoutException("too many name lookups at once");
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
