package dev.takebot.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where secrets come from: the environment only, so they never sit in a committed file and never
 * pass through the config loader's error messages.
 */
public final class Secrets {
  public static final String TOKEN_ENV = "DISCORD_TOKEN";

  /** What stands in for a redacted credential. */
  public static final String MASK = "***";

  /** A URL parameter whose lower-cased name contains one of these carries a credential. */
  private static final List<String> SECRET_PARAM_PARTS =
      List.of(
          "password",
          "passwd",
          "pwd",
          "secret",
          "token",
          "credential",
          "apikey",
          "api_key",
          "api-key",
          "accesskey",
          "access_key");

  /** ... or is exactly one of these. */
  private static final List<String> SECRET_PARAM_NAMES =
      List.of("key", "pass", "auth", "sig", "signature");

  private Secrets() {}

  /** The bot token from {@code DISCORD_TOKEN}, stripped; empty when unset or blank. */
  public static Optional<String> discordToken(Map<String, String> env) {
    String token = env.get(TOKEN_ENV);
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    token = token.strip();
    // People paste the header form; JDA wants the bare token.
    return Optional.of(token.startsWith("Bot ") ? token.substring(4).strip() : token);
  }

  /** A form of the token safe for logs: never more than its length. */
  public static String redact(String token) {
    return token == null ? "<none>" : "<" + token.length() + " chars>";
  }

  /**
   * A URL fit for output and logs: the password of {@code user:password@} userinfo and the value of
   * every parameter named like a credential ({@code password=}, {@code sslpassword=}, {@code
   * …secret…=}, {@code …token…=}, after {@code ?}, {@code &}, {@code ;} or {@code #}) become
   * {@value #MASK}; everything else (scheme, user, host, path, other parameters) stays, so the URL
   * still says where it points.
   */
  public static String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    return redactParameters(redactUserinfo(url));
  }

  private static String redactUserinfo(String url) {
    int slashes = url.indexOf("//");
    if (slashes < 0) {
      return url;
    }
    int authority = slashes + 2;
    int end = url.length();
    for (int i = authority; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    // The last '@': an unencoded '@' inside the password must not leave its tail behind.
    int at = url.lastIndexOf('@', end - 1);
    if (at < authority) {
      return url;
    }
    int colon = url.indexOf(':', authority);
    if (colon < 0 || colon > at) {
      return url;
    }
    return url.substring(0, colon + 1) + MASK + url.substring(at);
  }

  /**
   * One pass: a parameter starts after '?', '&', ';' or '#' (OAuth-style fragments) and its value
   * ends at the next of those or '#'.
   */
  private static String redactParameters(String url) {
    StringBuilder out = new StringBuilder(url.length());
    int i = 0;
    int n = url.length();
    while (i < n) {
      char c = url.charAt(i);
      out.append(c);
      i++;
      if (c != '?' && c != '&' && c != ';' && c != '#') {
        continue;
      }
      int nameEnd = i;
      while (nameEnd < n && "=?&;#".indexOf(url.charAt(nameEnd)) < 0) {
        nameEnd++;
      }
      if (nameEnd >= n || url.charAt(nameEnd) != '=' || !isSecretName(url.substring(i, nameEnd))) {
        continue;
      }
      out.append(url, i, nameEnd + 1).append(MASK);
      i = nameEnd + 1;
      while (i < n && "&;#".indexOf(url.charAt(i)) < 0) {
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isSecretName(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return SECRET_PARAM_NAMES.contains(lower)
        || SECRET_PARAM_PARTS.stream().anyMatch(lower::contains);
  }

  /**
   * {@code text} (typically an exception message) with every occurrence of {@code url} replaced by
   * its redacted form and of {@code password} by {@value #MASK}: drivers and migration tools may
   * quote either.
   */
  public static String scrub(String text, String url, String password) {
    if (text == null) {
      return null;
    }
    String out = text;
    if (url != null && !url.isEmpty()) {
      out = out.replace(url, redactUrl(url));
    }
    if (password != null && !password.isEmpty()) {
      out = out.replace(password, MASK);
    }
    return out;
  }
}
