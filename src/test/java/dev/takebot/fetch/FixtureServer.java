package dev.takebot.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback for tests: serves fixtures (files under {@code
 * src/test/resources/fixtures/web}) and crafted answers (redirects, huge or slow bodies), and
 * records what it was asked.
 */
public final class FixtureServer implements AutoCloseable {
  /** One recorded request. */
  public record Request(String path, Map<String, List<String>> headers) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FixtureServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders())));
          Handler h = routes.get(path);
          try (exchange) {
            if (h == null) {
              exchange.sendResponseHeaders(404, -1);
            } else {
              h.handle(exchange);
            }
          } catch (IOException e) {
            // the client hung up (a refused large or slow body): nothing to answer
          }
        });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:port/path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public FixtureServer route(String path, Handler handler) {
    routes.put(path, handler);
    return this;
  }

  /** Serves {@code body} as {@code contentType}. */
  public FixtureServer text(String path, String contentType, String body) {
    return route(path, ex -> send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8)));
  }

  /** Serves a fixture file, with an ETag; answers 304 to a request that names that ETag. */
  public FixtureServer fixture(String path, String contentType, String file) {
    byte[] body = read(file);
    String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
    return route(
        path,
        ex -> {
          ex.getResponseHeaders().add("ETag", etag);
          if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return;
          }
          send(ex, 200, contentType, body);
        });
  }

  /** Redirects {@code path} to {@code location} with {@code status}. */
  public FixtureServer redirect(String path, int status, String location) {
    return route(
        path,
        ex -> {
          ex.getResponseHeaders().add("Location", location);
          ex.sendResponseHeaders(status, -1);
        });
  }

  /** Streams {@code bytes} of HTML in chunks, without a Content-Length. */
  public FixtureServer huge(String path, long bytes) {
    return route(
        path,
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, 0);
          byte[] chunk = "<p>filler filler filler filler.</p>\n".repeat(1000).getBytes();
          try (OutputStream out = ex.getResponseBody()) {
            for (long sent = 0; sent < bytes; sent += chunk.length) {
              out.write(chunk);
            }
          }
        });
  }

  /** Sends headers, then one byte every {@code everyMillis}, for ever. */
  public FixtureServer slow(String path, long everyMillis) {
    return slow(path, "text/html; charset=utf-8", everyMillis);
  }

  /**
   * A site that drips its {@code contentType} answer for ever: headers, then one byte every {@code
   * everyMillis} (the pause is the site's pace, not a test waiting for something).
   */
  public FixtureServer slow(String path, String contentType, long everyMillis) {
    return route(
        path,
        ex -> {
          ex.getResponseHeaders().add("Content-Type", contentType);
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            while (true) {
              out.write(' ');
              out.flush();
              Thread.sleep(everyMillis);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  public static void send(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    ex.getResponseHeaders().add("Content-Type", contentType);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** A fixture's bytes. */
  public static byte[] read(String file) {
    try (InputStream in = FixtureServer.class.getResourceAsStream("/fixtures/web/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Requests for {@code path} so far. */
  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** Every request so far. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public int count(String path) {
    AtomicInteger n = new AtomicInteger();
    requests.forEach(r -> n.addAndGet(r.path().equals(path) ? 1 : 0));
    return n.get();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
