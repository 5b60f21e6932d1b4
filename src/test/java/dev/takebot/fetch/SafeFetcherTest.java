package dev.takebot.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takebot.config.FetchSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("SafeFetcher: http(s) only, public addresses only, bounded in time and size")
class SafeFetcherTest {
  /** Short timeouts so the slow-server test is quick; the cap is the documented 2 MB. */
  static final FetchSettings SETTINGS = new FetchSettings(false, 2, 1, 2, null, null);

  private final FixtureServer server = new FixtureServer();

  /**
   * Production's policy (public addresses only) plus this test server's port on loopback: the
   * server stands for a public site, and everything else on loopback stays refused.
   */
  private final AddressPolicy publicAndTestServer =
      AddressPolicy.publicOnly()
          .or((address, port) -> address.isLoopbackAddress() && port == server.port());

  private final SafeFetcher fetcher =
      new SafeFetcher(SETTINGS, publicAndTestServer, SafeFetcher.Resolver.SYSTEM);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("a page is fetched with a real User-Agent and an Accept header")
  void fetchesAPage() {
    server.fixture("/news", "text/html; charset=utf-8", "news-page.html");

    Fetched page = fetcher.fetch(server.url("/news"), Accept.PAGE);

    assertThat(page.isHtml()).isTrue();
    assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("og:title");
    FixtureServer.Request asked = server.requests("/news").get(0);
    assertThat(asked.header("User-Agent")).startsWith("TakeBot/").contains("+https://");
    assertThat(asked.header("Accept")).contains("text/html");
  }

  @Test
  @DisplayName("a redirect chain is followed hop by hop to the page, which knows its final address")
  void followsRedirects() {
    server.fixture("/news", "text/html", "news-page.html");
    server.redirect("/a", 301, "/b");
    server.redirect("/b", 302, server.url("/c"));
    server.redirect("/c", 307, "news");

    Fetched page = fetcher.fetch(server.url("/a"), Accept.PAGE);

    assertThat(page.url().toString()).isEqualTo(server.url("/news"));
    assertThat(server.requests().stream().map(FixtureServer.Request::path))
        .containsExactly("/a", "/b", "/c", "/news");
  }

  @Test
  @DisplayName("more than 5 redirects are refused")
  void tooManyRedirects() {
    for (int i = 0; i < 6; i++) {
      server.redirect("/r" + i, 302, "/r" + (i + 1));
    }
    server.fixture("/r6", "text/html", "news-page.html");

    assertThatThrownBy(() -> fetcher.fetch(server.url("/r0"), Accept.PAGE))
        .isInstanceOf(FetchException.class)
        .hasMessage("too many redirects (more than 5)");
    assertThat(server.count("/r6")).isZero();
  }

  @Test
  @DisplayName(
      "a redirect to a private, link-local or loopback address is refused before connecting there")
  void redirectToPrivateAddressRefused() {
    FixtureServer internal = new FixtureServer(); // a service on the bot's own machine
    try {
      internal.text("/admin", "text/html", "<p>secret</p>");
      server.redirect("/to-internal", 302, internal.url("/admin"));
      server.redirect("/to-ten", 302, "http://10.0.0.1/");
      server.redirect("/to-metadata", 302, "http://169.254.169.254/latest/meta-data/");
      server.redirect("/to-v6-loopback", 302, "http://[::1]:" + internal.port() + "/admin");

      for (String path : List.of("/to-internal", "/to-ten", "/to-metadata", "/to-v6-loopback")) {
        assertThatThrownBy(() -> fetcher.fetch(server.url(path), Accept.PAGE))
            .as(path)
            .isInstanceOf(FetchException.class)
            .hasMessage("that address is on a private network");
      }
      assertThat(internal.requests()).as("the internal service was never reached").isEmpty();
    } finally {
      internal.close();
    }
  }

  @Test
  @DisplayName("without allowPrivateAddresses, loopback itself is refused; with it, it is fetched")
  void privateAddressesNeedTheSetting() {
    server.fixture("/news", "text/html", "news-page.html");

    assertThatThrownBy(() -> new SafeFetcher(SETTINGS).fetch(server.url("/news"), Accept.PAGE))
        .hasMessage("that address is on a private network");
    assertThat(server.requests()).isEmpty();

    Fetched page =
        new SafeFetcher(SETTINGS.withAllowPrivateAddresses(true))
            .fetch(server.url("/news"), Accept.PAGE);
    assertThat(page.body()).isNotEmpty();
  }

  @Test
  @DisplayName(
      "a host name is resolved once and the connection goes to the checked address (no rebinding)")
  void connectsToTheCheckedAddress() {
    server.fixture("/news", "text/html", "news-page.html");
    SafeFetcher.Resolver resolver =
        host ->
            switch (host) {
              // resolves to the test server: connecting proves the checked answer is the one used,
              // since no real DNS knows these names
              case "news.example" -> List.of(InetAddress.getLoopbackAddress());
              case "intranet.example" ->
                  List.of(InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3}));
              case "mixed.example" ->
                  List.of(
                      InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}),
                      InetAddress.getByAddress(host, new byte[] {(byte) 192, (byte) 168, 0, 1}));
              default -> throw new UnknownHostException(host);
            };
    SafeFetcher pinned = new SafeFetcher(SETTINGS, publicAndTestServer, resolver);

    Fetched page = pinned.fetch("http://news.example:" + server.port() + "/news", Accept.PAGE);
    assertThat(page.body()).isNotEmpty();
    assertThat(server.requests("/news").get(0).header("Host"))
        .isEqualTo("news.example:" + server.port());

    assertThatThrownBy(() -> pinned.fetch("http://intranet.example/", Accept.PAGE))
        .hasMessage("that address is on a private network");
    assertThatThrownBy(() -> pinned.fetch("http://mixed.example/", Accept.PAGE))
        .hasMessage("that address is on a private network");
    assertThatThrownBy(() -> pinned.fetch("http://nowhere.example/", Accept.PAGE))
        .hasMessage("could not find the site nowhere.example");
  }

  @Test
  @DisplayName(
      "a name that answered a public address and then a private one is refused at the redirect"
          + " back to itself: each hop is looked up and checked again, through the bounded lookup")
  void rebindingBetweenHopsRefused() {
    server.fixture("/news", "text/html", "news-page.html");
    server.redirect("/hop", 302, "/news"); // same host, so only a fresh lookup can catch the change
    java.util.concurrent.atomic.AtomicInteger lookups =
        new java.util.concurrent.atomic.AtomicInteger();
    SafeFetcher.Resolver rebinding =
        host ->
            lookups.incrementAndGet() == 1
                ? List.of(InetAddress.getLoopbackAddress()) // stands for a public site
                : List.of(
                    InetAddress.getByAddress(host, new byte[] {(byte) 169, (byte) 254, 1, 1}));
    SafeFetcher pinned = new SafeFetcher(SETTINGS, publicAndTestServer, rebinding);

    assertThatThrownBy(
            () -> pinned.fetch("http://news.example:" + server.port() + "/hop", Accept.PAGE))
        .isInstanceOf(FetchException.class)
        .hasMessage("that address is on a private network");
    assertThat(lookups).hasValue(2);
    assertThat(server.requests().stream().map(FixtureServer.Request::path)).containsExactly("/hop");
  }

  @Test
  @DisplayName("a 10 MB page is cut off at 2 MB while reading: \"the page is larger than 2 MB\"")
  void tenMegabytePageRefused() {
    server.huge("/huge", 10L * 1024 * 1024);
    server.huge("/endless", Long.MAX_VALUE); // only a cap counted while reading ends this
    server.route(
        "/declared",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 10L * 1024 * 1024); // says so up front, sends nothing
        });

    assertThatThrownBy(() -> fetcher.fetch(server.url("/huge"), Accept.PAGE))
        .isInstanceOf(FetchException.class)
        .hasMessage("the page is larger than 2 MB");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/endless"), Accept.PAGE))
        .hasMessage("the page is larger than 2 MB");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/declared"), Accept.PAGE))
        .hasMessage("the page is larger than 2 MB");
  }

  @Test
  @Timeout(10) // without the budget this never ends: fail, do not hang the build
  @DisplayName("a server that trickles its answer is cut off by the total time budget")
  void slowServerRefused() {
    server.slow("/slow", 100); // each byte within the read timeout, never finished

    long start = System.nanoTime();
    assertThatThrownBy(() -> fetcher.fetch(server.url("/slow"), Accept.PAGE))
        .isInstanceOf(FetchException.class)
        .hasMessage("the site took too long to answer");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("the 2 s budget, not the endless answer")
        .isLessThan(Duration.ofSeconds(5));
  }

  @Test
  @Timeout(10) // before the lookup was bounded this never ended: fail, do not hang the build
  @DisplayName("a name lookup that hangs is cut off by the total time budget too")
  void hangingLookupRefused() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    SafeFetcher.Resolver hanging =
        host -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new UnknownHostException(host);
        };
    SafeFetcher stalled = new SafeFetcher(SETTINGS, publicAndTestServer, hanging);
    try {
      long start = System.nanoTime();
      assertThatThrownBy(() -> stalled.fetch("http://news.example/", Accept.PAGE))
          .isInstanceOf(FetchException.class)
          .hasMessage("the site took too long to answer");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("the 2 s budget, not the resolver's silence")
          .isLessThan(Duration.ofSeconds(5));
    } finally {
      never.countDown();
    }
  }

  @Test
  @Timeout(30)
  @DisplayName(
      "names whose lookups hang (anyone can run a name server that never answers and post its"
          + " links in their own server) do not starve everybody else's lookups")
  void hangingLookupsDoNotStarveOthers() throws Exception {
    server.fixture("/news", "text/html", "news-page.html");
    CountDownLatch never = new CountDownLatch(1);
    SafeFetcher.Resolver resolver =
        host -> {
          if (host.startsWith("hang")) {
            // The system's lookup cannot be interrupted: it waits out the name server regardless.
            while (never.getCount() > 0) {
              try {
                never.await();
              } catch (InterruptedException e) {
                // ignored, as getaddrinfo does
              }
            }
            throw new UnknownHostException(host);
          }
          return List.of(InetAddress.getLoopbackAddress());
        };
    SafeFetcher shared = new SafeFetcher(SETTINGS, publicAndTestServer, resolver);
    java.util.concurrent.ExecutorService hostile =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> gaveUp = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String link = "http://hang" + i + ".attacker.example/";
        gaveUp.add(
            hostile.submit(
                () ->
                    assertThatThrownBy(() -> shared.fetch(link, Accept.PAGE))
                        .hasMessage("the site took too long to answer")));
      }
      for (java.util.concurrent.Future<?> f : gaveUp) {
        f.get(); // each fetch gave up at its budget; its lookup still hangs
      }

      Fetched page = shared.fetch("http://news.example:" + server.port() + "/news", Accept.PAGE);
      assertThat(page.body()).isNotEmpty();
    } finally {
      never.countDown();
      hostile.shutdownNow();
    }
  }

  @Test
  @DisplayName("other schemes, credentials in links and other content types are refused")
  void refusals() {
    server.text("/logo.png", "image/png", "PNG");
    server.text("/page", "text/html", "<p>x</p>");

    assertThatThrownBy(() -> fetcher.fetch("file:///etc/passwd", Accept.PAGE))
        .hasMessage("only http and https links can be fetched");
    assertThatThrownBy(() -> fetcher.fetch("ftp://example.com/a", Accept.PAGE))
        .hasMessage("only http and https links can be fetched");
    assertThatThrownBy(() -> fetcher.fetch("http://user:pw@example.com/", Accept.PAGE))
        .hasMessage("links with a user name or password are not fetched");
    assertThatThrownBy(() -> fetcher.fetch("example.com/news", Accept.PAGE))
        .hasMessage("that is not a link: give the whole address, with https://");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/logo.png"), Accept.PAGE))
        .hasMessage("that link is not a web page (it is image/png)");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/page"), Accept.FEED))
        .hasMessage("that link is not a feed (it is text/html)");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/missing"), Accept.PAGE))
        .hasMessage("the site answered HTTP 404");
  }

  @Test
  @DisplayName("a conditional GET sends the ETag back and a 304 means not modified")
  void conditionalGet() {
    server.fixture("/feed", "application/rss+xml", "rss.xml");

    Fetched first = fetcher.fetch(server.url("/feed"), Accept.FEED);
    Fetched second =
        fetcher.fetch(SafeFetcher.parse(server.url("/feed")), Accept.FEED, first.validators());

    assertThat(first.notModified()).isFalse();
    assertThat(first.validators().etag()).isNotNull();
    assertThat(second.notModified()).isTrue();
    assertThat(second.validators()).isEqualTo(first.validators());
    assertThat(server.requests("/feed").get(1).header("If-None-Match"))
        .isEqualTo(first.validators().etag());
  }

  /** A loopback server that answers each connection with {@code reply}, then {@code close}s. */
  private static java.net.ServerSocket rawServer(
      byte[] reply, java.util.function.Consumer<java.net.Socket> close) throws Exception {
    java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (java.net.Socket s = socket.accept()) {
                  s.getInputStream().read(new byte[4096]);
                  s.getOutputStream().write(reply);
                  s.getOutputStream().flush();
                  close.accept(s);
                } catch (java.io.IOException e) {
                  // closed by the test, or the client went away
                }
              }
            },
            "raw-fixture");
    t.setDaemon(true);
    t.start();
    return socket;
  }

  @Test
  @DisplayName(
      "a refused connection, a connection broken off, an answer that is no HTTP and a failed"
          + " https handshake are each told in our words, in French for a French reader")
  void networkFailuresInOurWords() throws Exception {
    SafeFetcher loopback =
        new SafeFetcher(SETTINGS, AddressPolicy.any(), SafeFetcher.Resolver.SYSTEM);
    dev.takebot.i18n.Texts french = dev.takebot.i18n.Texts.forTag("fr");
    int closedPort;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    try (java.net.ServerSocket reset =
            rawServer(
                new byte[0],
                s -> {
                  try {
                    s.setSoLinger(true, 0); // a RST, as a crashed server sends
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
        java.net.ServerSocket garbage =
            rawServer("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII), s -> {});
        java.net.ServerSocket cut =
            rawServer(
                ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<p>")
                    .getBytes(StandardCharsets.US_ASCII),
                s -> {})) {
      java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
      links.put("refused", "http://127.0.0.1:" + closedPort + "/");
      links.put("reset", "http://127.0.0.1:" + reset.getLocalPort() + "/");
      links.put("not http", "http://127.0.0.1:" + garbage.getLocalPort() + "/");
      links.put("cut off", "http://127.0.0.1:" + cut.getLocalPort() + "/");
      links.put("no tls", "https://127.0.0.1:" + cut.getLocalPort() + "/");
      java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
      links.forEach(
          (name, url) -> {
            try {
              loopback.fetch(url, Accept.PAGE);
              shown.put(name, "fetched");
            } catch (FetchException e) {
              shown.put(name, e.phrase().in(french));
            }
          });

      assertThat(shown)
          .containsEntry(
              "refused",
              "127.0.0.1 a refusé la connexion\u00a0: le site est peut-être hors service")
          .containsEntry("reset", "127.0.0.1 a coupé la connexion avant la fin de sa réponse")
          .containsEntry("not http", "127.0.0.1 a répondu par autre chose que du HTTP")
          .containsEntry("cut off", "127.0.0.1 a coupé la connexion avant la fin de sa réponse")
          .containsEntry(
              "no tls", "impossible d’ouvrir une connexion sécurisée (https) avec 127.0.0.1");
    }
  }
}
