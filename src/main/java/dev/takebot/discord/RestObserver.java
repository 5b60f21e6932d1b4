package dev.takebot.discord;

import dev.takebot.ops.Metrics;
import dev.takebot.ops.RestRoutes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every REST response JDA gets, by route and status (429s included, which JDA's rate limiter
 * then waits out), and times interaction answers against Discord's 3 s window. Sits in JDA's HTTP
 * client, below the rate limiter, so retries are seen one by one.
 */
final class RestObserver implements Interceptor {
  /** Discord's window to acknowledge an interaction. */
  static final Duration ANSWER_WINDOW = Duration.ofSeconds(3);

  private static final long DISCORD_EPOCH = 1420070400000L;

  private static final Logger log = LoggerFactory.getLogger(RestObserver.class);

  private final Metrics metrics;
  private final String basePath;
  private final Clock clock;

  /**
   * @param restUrl {@code discord.restUrl}, whose path is left out of the routes
   */
  RestObserver(Metrics metrics, String restUrl, Clock clock) {
    this.metrics = metrics;
    String path =
        okhttp3.HttpUrl.get(restUrl.endsWith("/") ? restUrl : restUrl + "/").encodedPath();
    this.basePath = path;
    this.clock = clock;
  }

  /**
   * JDA's HTTP client with this observer: the same limits JDA sets on its own (25 requests per host
   * at once, five idle connections kept 10 s).
   */
  OkHttpClient.Builder httpClient() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(25);
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
        .dispatcher(dispatcher)
        .addInterceptor(this);
  }

  @NotNull
  @Override
  public Response intercept(@NotNull Chain chain) throws IOException {
    Request request = chain.request();
    String path = request.url().encodedPath();
    String relative = path.startsWith(basePath) ? path.substring(basePath.length()) : path;
    String route = RestRoutes.route(request.method(), relative);
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      metrics.restResponse(route, 0); // no answer at all: connection refused, reset, timed out
      throw e;
    }
    metrics.restResponse(route, response.code());
    if (route.equals("POST interactions/{id}/{token}/callback")) {
      long now = clock.millis();
      String outcome = outcome(relative, response.code(), now);
      metrics.interaction(outcome);
      if (outcome.equals("late") && response.code() == 404) {
        warnExpired(relative, now);
      }
    }
    return response;
  }

  /**
   * The one line an operator gets for an interaction answered too late: which one, how late, and
   * what its member saw. Ids only (the token in the path is never logged).
   */
  private static void warnExpired(String relative, long nowMillis) {
    String id = relative.split("/")[1];
    long age = nowMillis - created(id);
    log.warn(
        "Interaction {} expired before the bot answered it: Discord refused the answer {} ms after"
            + " the interaction was created (it allows {} s), and its member saw \"This interaction"
            + " failed\". The gateway delivered it late or the bot was slow.",
        id,
        age,
        ANSWER_WINDOW.toSeconds());
  }

  private static long created(String id) {
    try {
      return (Long.parseUnsignedLong(id) >>> 22) + DISCORD_EPOCH;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * On time: accepted within {@link #ANSWER_WINDOW} of the interaction's creation (its id's
   * timestamp). Late: after it, or refused as unknown (Discord's answer once it expired). Failed:
   * refused for another reason.
   */
  static String outcome(String relative, int status, long nowMillis) {
    String[] segments = relative.split("/");
    long created;
    try {
      created = (Long.parseUnsignedLong(segments[1]) >>> 22) + DISCORD_EPOCH;
    } catch (RuntimeException e) {
      return status / 100 == 2 ? "on_time" : "failed";
    }
    long age = nowMillis - created;
    if (status / 100 == 2) {
      return age <= ANSWER_WINDOW.toMillis() ? "on_time" : "late";
    }
    return status == 404 ? "late" : "failed";
  }
}
