package dev.takebot.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTP endpoints: {@code GET /metrics} (Prometheus text format), {@code GET
 * /health/live} and {@code GET /health/ready} (200 when up, 503 when not, a small JSON body).
 *
 * <p>The JDK's own server, not the sandbox's Javalin: three read-only endpoints need no routing,
 * filters or websockets, and a few daemon threads are all a scrape every few seconds asks for.
 */
public final class OpsServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
  private static final String JSON = "application/json";

  /** Requests read and answered at once; a connection beyond them is closed at once. */
  static final int THREADS = 4;

  /** A request not read and answered within this is cut, freeing its thread. */
  static final Duration MAX_REQUEST = Duration.ofSeconds(10);

  private static final String MAX_REQUEST_PROPERTY = "sun.net.httpserver.maxReqTime";

  private final HttpServer server;
  private final ExecutorService executor;

  private OpsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Listens on {@code host:port} ({@code port} 0: a free one, see {@link #port()}).
   *
   * @throws UncheckedIOException when the address cannot be bound (in use, not local)
   */
  public static OpsServer start(String host, int port, Metrics metrics, Health health) {
    // Read once by the JDK's server, for every server in the process: only this one uses it (the
    // sandbox serves with Javalin). An operator's own -D setting wins.
    if (System.getProperty(MAX_REQUEST_PROPERTY) == null) {
      System.setProperty(MAX_REQUEST_PROPERTY, Long.toString(MAX_REQUEST.toSeconds()));
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve metrics on " + host + ":" + port + " (ops.metricsPort): " + e.getMessage(),
          e);
    }
    ThreadFactory daemon =
        r -> {
          Thread t = new Thread(r, "takebot-ops-http");
          t.setDaemon(true);
          return t;
        };
    // The JDK server reads a request on the thread that answers it: with one thread, a client
    // that stalls half-way (a flaky link, a stuck scraper) would hold up every probe after it.
    // A few threads, and stalled requests cut after MAX_REQUEST (see below).
    ExecutorService executor =
        new ThreadPoolExecutor(0, THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon);
    server.setExecutor(executor);
    server.createContext(
        "/metrics",
        x ->
            answer(
                x,
                200,
                "text/plain; version=0.0.4; charset=utf-8",
                metrics::scrape)); // Prometheus's text exposition format
    server.createContext("/health/live", x -> answer(x, 200, JSON, () -> "{\"status\":\"UP\"}"));
    server.createContext(
        "/health/ready",
        x -> {
          Health.Readiness r = health.readiness();
          answer(x, r.ready() ? 200 : 503, JSON, r::json);
        });
    server.start();
    OpsServer ops = new OpsServer(server, executor);
    log.info("Serving /metrics, /health/live and /health/ready on http://{}:{}/", host, ops.port());
    return ops;
  }

  private static void answer(HttpExchange x, int status, String type, Supplier<String> body)
      throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
        x.getResponseHeaders().set("Allow", "GET, HEAD");
        x.sendResponseHeaders(405, -1);
        return;
      }
      if (!path.equals(x.getHttpContext().getPath())) {
        x.sendResponseHeaders(404, -1); // contexts match prefixes: /metricsfoo is not /metrics
        return;
      }
      byte[] bytes;
      int code = status;
      try {
        bytes = body.get().getBytes(StandardCharsets.UTF_8);
      } catch (RuntimeException e) {
        log.warn("Could not answer {}: {}", path, e.toString());
        bytes = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);
        code = 503;
        type = JSON;
      }
      x.getResponseHeaders().set("Content-Type", type);
      x.getResponseHeaders().set("Cache-Control", "no-store");
      boolean head = x.getRequestMethod().equals("HEAD");
      x.sendResponseHeaders(code, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = x.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  /** The port listened on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops at once: a scrape under way is cut short. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
