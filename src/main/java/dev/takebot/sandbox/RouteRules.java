package dev.takebot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How REST requests are answered besides their route: the scripted 429s, errors and held answers
 * tests ask for, and the real per-route buckets behind the rate-limit headers. Confined to the
 * {@link EngineLoop}.
 */
final class RouteRules {
  private final Clock clock;
  private final List<Rule<Duration>> rateLimits = new ArrayList<>();
  private final List<Rule<ApiException>> failures = new ArrayList<>();
  private final List<Rule<HeldResponse>> holds = new ArrayList<>();
  private final List<HeldResponse> allHolds = new ArrayList<>();
  private final Map<String, long[]> buckets = new LinkedHashMap<>();

  RouteRules(Clock clock) {
    this.clock = clock;
  }

  /** Raised by the 429 switch. */
  static final class RateLimited extends RuntimeException {
    final Duration retryAfter;

    RateLimited(Duration retryAfter) {
      super("rate limited", null, false, false);
      this.retryAfter = retryAfter;
    }
  }

  void addRateLimit(int n, Duration retryAfter, String method, String pathContains) {
    rateLimits.add(new Rule<>(positive(n), retryAfter, method, pathContains));
  }

  void addFailure(int n, ApiException error, String method, String pathContains) {
    failures.add(new Rule<>(positive(n), error, method, pathContains));
  }

  HeldResponse addHold(String method, String pathContains) {
    HeldResponse h = new HeldResponse();
    holds.add(new Rule<>(1, h, method, pathContains));
    allHolds.add(h);
    return h;
  }

  /**
   * What answers the request instead of its route, consuming that rule: a scripted 429 first (as on
   * Discord, a rate-limited request never reaches the route that fails), then a scripted error;
   * null lets the route run.
   */
  RuntimeException refusal(String method, String path) {
    Duration wait = Rule.take(rateLimits, method, path);
    return wait != null ? new RateLimited(wait) : Rule.take(failures, method, path);
  }

  /** Consumes the hold matching the request, if any. */
  HeldResponse takeHold(String method, String path) {
    return Rule.take(holds, method, path);
  }

  /** Lets every held answer go, at shutdown. */
  void releaseHolds() {
    allHolds.forEach(HeldResponse::release);
    holds.clear();
  }

  /** Fixed one-second window per bucket; returns {limit, remaining, resetAtMillis}. */
  long[] bucket(String key) {
    long now = clock.millis();
    long[] w = buckets.computeIfAbsent(key, k -> new long[] {0, now + 1000});
    if (now >= w[1]) {
      w[0] = 0;
      w[1] = now + 1000;
    }
    w[0]++;
    long limit = 50;
    return new long[] {limit, Math.max(0, limit - w[0]), w[1]};
  }

  private static int positive(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive");
    }
    return n;
  }

  /**
   * "Answer the next n matching requests with this"; a null method or path fragment matches any.
   */
  private static final class Rule<T> {
    int remaining;
    final T answer;
    final String method;
    final String pathContains;

    Rule(int remaining, T answer, String method, String pathContains) {
      this.remaining = remaining;
      this.answer = answer;
      this.method = method;
      this.pathContains = pathContains;
    }

    boolean matches(String requestMethod, String path) {
      return (method == null || method.equalsIgnoreCase(requestMethod))
          && (pathContains == null || path.contains(pathContains));
    }

    /** Consumes one use of the first rule matching the request; null when none matches. */
    static <T> T take(List<Rule<T>> rules, String method, String path) {
      for (Rule<T> r : rules) {
        if (r.matches(method, path)) {
          if (--r.remaining == 0) {
            rules.remove(r);
          }
          return r.answer;
        }
      }
      return null;
    }
  }
}
