package dev.takebot.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The news site {@code takebot demo} follows: one RSS feed (the bundled {@code
 * demo/sahel-wire.xml}) served over HTTP on loopback, so the demo's {@code /feed add} goes through
 * the real fetcher and feed reader without leaving the machine.
 */
final class DemoFeedServer implements AutoCloseable {
  static final String PATH = "/sahel-wire.xml";
  private static final String FIXTURE = "/demo" + PATH;

  private final HttpServer server;

  private DemoFeedServer(HttpServer server) {
    this.server = server;
  }

  /** Listens on a free loopback port; the caller closes it. */
  static DemoFeedServer start() throws IOException {
    byte[] feed;
    try (InputStream in = DemoFeedServer.class.getResourceAsStream(FIXTURE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled demo feed is missing from the jar");
      }
      feed = in.readAllBytes();
    }
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
              exchange.sendResponseHeaders(404, -1);
              return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, feed.length);
            try (OutputStream body = exchange.getResponseBody()) {
              body.write(feed);
            }
          }
        });
    server.start(); // the default executor: one thread, which stop() ends
    return new DemoFeedServer(server);
  }

  /** The feed's link, as a moderator would paste it. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
