package dev.takebot.fetch;

import dev.takebot.config.FetchSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads one page or feed from the web, refusing whatever could turn the bot against the network it
 * runs on or tie it up.
 *
 * <ul>
 *   <li>http and https only, no user name or password in the link;
 *   <li>every host is resolved here and each of its addresses checked with the {@link
 *       AddressPolicy} (public ones only in production); redirects are followed here, at most
 *       {@value #MAX_REDIRECTS}, each checked the same way;
 *   <li>the connection goes to exactly the addresses that were checked: the HTTP client's own name
 *       lookup is replaced by the checked answer, so a name that resolves to a public address when
 *       checked and a private one a moment later (DNS rebinding) cannot slip through;
 *   <li>no proxy (the check must be about the real destination), no cookies, no retries;
 *   <li>connect and read timeouts and one budget for the whole fetch, name lookups, redirects and
 *       reading included (a lookup runs on a few threads of its own, so even a resolver that hangs
 *       costs no more than the budget); at most {@code maxBytes}, counted while reading (after
 *       decompression), so a large or endless answer is cut off, not buffered;
 *   <li>only the content types the caller asked for.
 * </ul>
 *
 * <p>Every refusal is a {@link FetchException} with one line for a moderator. Thread-safe.
 */
public final class SafeFetcher {
  public static final int MAX_REDIRECTS = 5;

  /** Finds a host's addresses; the system's resolver in production. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
  }

  private final OkHttpClient client;
  private final AddressPolicy policy;
  private final BoundedLookup lookup;
  private final Duration budget;
  private final int maxBytes;
  private final String userAgent;

  /** The fetcher the configuration describes, with the system resolver. */
  public SafeFetcher(FetchSettings settings) {
    this(
        settings,
        settings.allowPrivateAddresses() ? AddressPolicy.any() : AddressPolicy.publicOnly(),
        Resolver.SYSTEM);
  }

  /**
   * @param policy which addresses may be connected to (whatever {@code allowPrivateAddresses} says)
   * @param resolver how host names are looked up
   */
  public SafeFetcher(FetchSettings settings, AddressPolicy policy, Resolver resolver) {
    this.policy = policy;
    this.lookup = new BoundedLookup(resolver);
    this.budget = Duration.ofSeconds(settings.totalTimeoutSeconds());
    this.maxBytes = settings.maxBytes();
    this.userAgent = settings.userAgent();
    this.client =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(settings.connectTimeoutSeconds()))
            .readTimeout(Duration.ofSeconds(settings.readTimeoutSeconds()))
            .writeTimeout(Duration.ofSeconds(settings.readTimeoutSeconds()))
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .proxy(Proxy.NO_PROXY)
            // Each hop gets its own checked name lookup; a pooled connection would outlive it.
            .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
            .build();
  }

  /** The size cap in words: "2 MB". */
  public String sizeLimit() {
    return maxBytes % (1024 * 1024) == 0
        ? maxBytes / (1024 * 1024) + " MB"
        : (maxBytes + 1023) / 1024 + " KB";
  }

  /** Fetches {@code url} unconditionally. */
  public Fetched fetch(String url, Accept accept) {
    return fetch(parse(url), accept, Validators.NONE);
  }

  /**
   * Fetches {@code url}, asking "has it changed since?" with {@code since}.
   *
   * @throws FetchException with a one-line reason when the link is refused or the fetch fails
   */
  public Fetched fetch(URI url, Accept accept, Validators since) {
    long deadline = System.nanoTime() + budget.toNanos();
    URI current = url;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      Target target = check(current, deadline);
      OkHttpClient pinned =
          client
              .newBuilder()
              .dns(
                  host -> {
                    if (host.equalsIgnoreCase(target.host())) {
                      return target.addresses();
                    }
                    throw new UnknownHostException(host + " was not checked");
                  })
              .build();
      Request.Builder request =
          new Request.Builder()
              .url(current.toString())
              .header("User-Agent", userAgent)
              .header("Accept", accept.header());
      if (since.etag() != null) {
        request.header("If-None-Match", since.etag());
      }
      if (since.lastModified() != null) {
        request.header("If-Modified-Since", since.lastModified());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw tooSlow();
      }
      Call call = pinned.newCall(request.build());
      call.timeout().timeout(left, TimeUnit.NANOSECONDS);
      try (Response response = call.execute()) {
        int code = response.code();
        if (response.isRedirect()) {
          String location = response.header("Location");
          if (location == null || location.isBlank()) {
            throw FetchException.of("fetch.redirectNowhere");
          }
          current = next(current, location);
          continue;
        }
        if (code == 304) {
          return new Fetched(current, true, "", null, new byte[0], validators(response, since));
        }
        if (code < 200 || code > 299) {
          throw FetchException.of("fetch.httpStatus", "code", Integer.toString(code));
        }
        return read(current, response, accept, since);
      } catch (InterruptedIOException e) {
        throw tooSlow();
      } catch (IOException e) {
        if (call.isCanceled() || System.nanoTime() - deadline >= 0) {
          throw tooSlow();
        }
        throw new FetchException(NetworkFailures.of(oneLine(target.host()), e), e);
      }
    }
    throw FetchException.of("fetch.tooManyRedirects", "max", MAX_REDIRECTS);
  }

  private Fetched read(URI url, Response response, Accept accept, Validators since)
      throws IOException {
    ResponseBody body = response.body();
    MediaType type = body.contentType();
    String mediaType =
        type == null ? "" : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
    if (!accept.takes(mediaType)) {
      throw FetchException.of(
          mediaType.isEmpty() ? "fetch.wrongType.none" : "fetch.wrongType",
          "wanted",
          accept.name().toLowerCase(Locale.ROOT),
          "type",
          oneLine(mediaType));
    }
    if (body.contentLength() > maxBytes) {
      throw tooLarge();
    }
    byte[] bytes;
    try (InputStream in = body.byteStream()) {
      bytes = in.readNBytes(maxBytes + 1);
    }
    if (bytes.length > maxBytes) {
      throw tooLarge();
    }
    Charset charset = type == null ? null : safeCharset(type);
    return new Fetched(url, false, mediaType, charset, bytes, validators(response, since));
  }

  private static Charset safeCharset(MediaType type) {
    try {
      return type.charset(null);
    } catch (RuntimeException e) {
      return null; // an unknown charset name: the reader sniffs it from the document
    }
  }

  private static Validators validators(Response response, Validators since) {
    Validators sent = new Validators(response.header("ETag"), response.header("Last-Modified"));
    // A 304 may leave them out: the ones asked with still stand.
    return sent.etag() == null && sent.lastModified() == null ? since : sent;
  }

  private FetchException tooLarge() {
    return FetchException.of(
        "fetch.tooLarge",
        "size",
        maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) : (maxBytes + 1023) / 1024,
        // Each language writes its own unit: MB in English, Mo in French.
        "unit",
        maxBytes % (1024 * 1024) == 0 ? "MB" : "KB");
  }

  private static FetchException tooSlow() {
    return FetchException.of("fetch.tooSlow");
  }

  /** The host and the checked addresses one hop connects to. */
  private record Target(String host, List<InetAddress> addresses) {}

  private Target check(URI url, long deadline) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw FetchException.of("fetch.scheme");
    }
    if (url.getRawUserInfo() != null) {
      throw FetchException.of("fetch.userInfo");
    }
    String host = url.getHost();
    if (host == null || host.isBlank()) {
      throw FetchException.of("fetch.noHost");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    List<InetAddress> addresses;
    try {
      // Within the budget: a resolver that hangs must not hold a poll past it.
      addresses = lookup.resolve(host, deadline);
    } catch (TimeoutException e) {
      throw tooSlow();
    } catch (UnknownHostException e) {
      throw FetchException.of("fetch.unknownHost", "host", oneLine(host));
    }
    if (addresses.isEmpty()) {
      throw FetchException.of("fetch.unknownHost", "host", oneLine(host));
    }
    for (InetAddress address : addresses) {
      // All of them: the client may try any, and a name that mixes private into public answers is
      // probing.
      if (!policy.allows(address, port)) {
        throw FetchException.of("fetch.privateNetwork");
      }
    }
    return new Target(host, List.copyOf(addresses));
  }

  private static URI next(URI from, String location) {
    try {
      URI to = from.resolve(new URI(location.strip()));
      return to.getFragment() == null
          ? to
          : new URI(to.getScheme(), to.getRawSchemeSpecificPart(), null);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw FetchException.of("fetch.badRedirect");
    }
  }

  /** Parses a link given by a person: surrounding spaces and angle brackets go. */
  public static URI parse(String url) {
    String s = url == null ? "" : url.strip();
    if (s.startsWith("<") && s.endsWith(">")) {
      s = s.substring(1, s.length() - 1).strip();
    }
    try {
      URI uri = new URI(s);
      if (uri.getScheme() == null) {
        throw FetchException.of("fetch.notALink");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw FetchException.of("fetch.invalidLink");
    }
  }

  private static String oneLine(String s) {
    String line = s == null ? "no details" : s.replaceAll("\\s+", " ").strip();
    return line.length() > 120 ? line.substring(0, 117) + "…" : line;
  }
}
