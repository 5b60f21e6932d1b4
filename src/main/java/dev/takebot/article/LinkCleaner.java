package dev.takebot.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds links in text and cleans them: YouTube and Vimeo links in all their usual forms become one
 * canonical form ({@code https://youtu.be/ID}, {@code https://vimeo.com/ID}), tracking parameters
 * go, and a start time survives, normalised to seconds.
 *
 * <p>Playlist context ({@code list=}, {@code index=}) is dropped on purpose: the post is about one
 * video.
 */
final class LinkCleaner {
  private static final Pattern URL_IN_TEXT =
      Pattern.compile("(?i)\\b(?:https?://|www\\.|youtu\\.be/|(?:m\\.)?youtube\\.com/)[^\\s<>\"]+");
  private static final Pattern PARTS =
      Pattern.compile(
          "(?i)^(https?)://(?:[^@/?#]*@)?([^/?#:]+)(?::(\\d+))?([^?#]*)(\\?[^#]*)?(#.*)?$");
  private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
  private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
  private static final Pattern YOUTUBE_PATH =
      Pattern.compile("^/(?:shorts|live|embed|v|e)/([A-Za-z0-9_-]{11})(?:[/?#].*)?$");
  private static final Pattern VIMEO_ID = Pattern.compile("\\d{5,12}");
  private static final Pattern VIMEO_HASH = Pattern.compile("[0-9a-f]{6,20}");
  private static final Pattern DURATION =
      Pattern.compile("^(?:(\\d{1,3})h)?(?:(\\d{1,4})m)?(?:(\\d{1,6})s?)?$");
  private static final Set<String> YOUTUBE_HOSTS =
      Set.of(
          "youtube.com",
          "www.youtube.com",
          "m.youtube.com",
          "music.youtube.com",
          "gaming.youtube.com",
          "youtube-nocookie.com",
          "www.youtube-nocookie.com");
  private static final Set<String> VIMEO_HOSTS =
      Set.of("vimeo.com", "www.vimeo.com", "player.vimeo.com");
  private static final Set<String> TRACKING =
      Set.of(
          "fbclid",
          "gclid",
          "gclsrc",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "yclid",
          "twclid",
          "ttclid",
          "igshid",
          "igsh",
          "mc_cid",
          "mc_eid",
          "mkt_tok",
          "_hsenc",
          "_hsmi",
          "__s",
          "oly_enc_id",
          "oly_anon_id",
          "vero_id",
          "rb_clickid",
          "s_cid",
          "ref_src",
          "ref_url",
          "_ga",
          "_gl",
          "spm",
          "scid",
          "cmpid",
          "wt_mc");

  /**
   * Parameters that are tracking only on the sites that add them; elsewhere they may mean
   * something.
   */
  private static final Set<String> TRACKING_ON_MEDIA_SITES =
      Set.of("si", "feature", "pp", "ab_channel");

  private static final String TRAILING_PUNCTUATION = ".,;:!?'\"”’»…";

  private LinkCleaner() {}

  /**
   * Every link in {@code text}, in order, as written (trailing punctuation and unbalanced ")"
   * removed).
   */
  static List<String> findUrls(String text) {
    List<String> urls = new ArrayList<>();
    Matcher m = URL_IN_TEXT.matcher(text);
    while (m.find()) {
      String url = trimTrailing(m.group());
      if (!url.isEmpty()) {
        urls.add(url);
      }
    }
    return urls;
  }

  /** The start and end of every link in {@code text}, for removing them from prose. */
  static List<int[]> urlSpans(String text) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = URL_IN_TEXT.matcher(text);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.start() + trimTrailing(m.group()).length()});
    }
    return spans;
  }

  /** The cleaned link, or empty when {@code raw} is not an http(s) link with a plausible host. */
  static Optional<CleanLink> clean(String raw) {
    String s = trimTrailing(raw.strip());
    if (!s.matches("(?i)^https?://.*")) {
      s = "https://" + s;
    }
    Matcher m = PARTS.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String host = m.group(2).toLowerCase(Locale.ROOT);
    String port = m.group(3);
    String path = m.group(4);
    List<String[]> query = parseQuery(m.group(5));
    String fragment = m.group(6) == null ? "" : m.group(6).substring(1);
    if (!HOST.matcher(host).matches()) {
      return Optional.empty();
    }
    Optional<CleanLink> video =
        youtube(host, path, query, fragment).or(() -> vimeo(host, path, query, fragment));
    if (video.isPresent()) {
      return video;
    }
    boolean mediaSite = isMediaSite(host);
    StringBuilder out = new StringBuilder(scheme).append("://").append(host);
    if (port != null
        && !(port.equals("80") && scheme.equals("http"))
        && !(port.equals("443") && scheme.equals("https"))) {
      out.append(':').append(port);
    }
    out.append(path);
    String sep = "?";
    for (String[] kv : query) {
      if (!isTracking(kv[0], mediaSite)) {
        out.append(sep).append(kv[0]).append(kv[1] == null ? "" : "=" + kv[1]);
        sep = "&";
      }
    }
    if (!fragment.isEmpty() && !fragment.startsWith(":~:")) {
      out.append('#').append(fragment);
    }
    return Optional.of(new CleanLink(out.toString(), CleanLink.Kind.OTHER));
  }

  private static Optional<CleanLink> youtube(
      String host, String path, List<String[]> query, String fragment) {
    String id = null;
    if (host.equals("youtu.be") || host.equals("www.youtu.be")) {
      String first = path.length() > 1 ? path.substring(1).split("/")[0] : "";
      id = YOUTUBE_ID.matcher(first).matches() ? first : null;
    } else if (YOUTUBE_HOSTS.contains(host)) {
      if (path.equals("/watch") || path.equals("/watch/")) {
        id = param(query, "v").filter(v -> YOUTUBE_ID.matcher(v).matches()).orElse(null);
      } else {
        Matcher p = YOUTUBE_PATH.matcher(path);
        id = p.matches() ? p.group(1) : null;
      }
    }
    if (id == null) {
      return Optional.empty();
    }
    long start =
        param(query, "t")
            .or(() -> param(query, "start"))
            .or(() -> param(query, "time_continue"))
            .or(() -> fragmentParam(fragment, "t"))
            .map(LinkCleaner::seconds)
            .orElse(0L);
    String url = "https://youtu.be/" + id + (start > 0 ? "?t=" + start : "");
    return Optional.of(new CleanLink(url, CleanLink.Kind.YOUTUBE));
  }

  private static Optional<CleanLink> vimeo(
      String host, String path, List<String[]> query, String fragment) {
    if (!VIMEO_HOSTS.contains(host)) {
      return Optional.empty();
    }
    String[] segments = path.replaceAll("^/+", "").split("/");
    String id = null;
    String hash = null;
    for (int i = 0; i < segments.length; i++) {
      if (VIMEO_ID.matcher(segments[i]).matches()) {
        id = segments[i];
        if (i + 1 < segments.length && VIMEO_HASH.matcher(segments[i + 1]).matches()) {
          hash = segments[i + 1];
        }
        break;
      }
    }
    if (id == null) {
      return Optional.empty();
    }
    if (hash == null) {
      hash = param(query, "h").filter(h -> VIMEO_HASH.matcher(h).matches()).orElse(null);
    }
    long start =
        fragmentParam(fragment, "t")
            .or(() -> param(query, "t"))
            .map(LinkCleaner::seconds)
            .orElse(0L);
    String url =
        "https://vimeo.com/"
            + id
            + (hash == null ? "" : "/" + hash)
            + (start > 0 ? "#t=" + start + "s" : "");
    return Optional.of(new CleanLink(url, CleanLink.Kind.VIMEO));
  }

  /**
   * "90", "90s", "1m30s", "1h2m3s" → seconds; anything else → 0 (no start time rather than a wrong
   * one).
   */
  static long seconds(String value) {
    Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (value.isBlank() || !m.matches()) {
      return 0;
    }
    long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long min = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    long s = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
    return h * 3600 + min * 60 + s;
  }

  private static boolean isMediaSite(String host) {
    return host.contains("youtube")
        || host.equals("youtu.be")
        || host.endsWith("spotify.com")
        || host.endsWith("vimeo.com")
        || host.endsWith("soundcloud.com");
  }

  private static boolean isTracking(String name, boolean mediaSite) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("utm_")
        || TRACKING.contains(n)
        || (mediaSite && TRACKING_ON_MEDIA_SITES.contains(n));
  }

  private static List<String[]> parseQuery(String query) {
    List<String[]> params = new ArrayList<>();
    if (query == null || query.length() <= 1) {
      return params;
    }
    for (String pair : query.substring(1).split("[&;]")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      params.add(
          eq < 0
              ? new String[] {pair, null}
              : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
    }
    return params;
  }

  private static Optional<String> param(List<String[]> query, String name) {
    return query.stream()
        .filter(kv -> kv[0].equals(name) && kv[1] != null)
        .map(kv -> kv[1])
        .findFirst();
  }

  private static Optional<String> fragmentParam(String fragment, String name) {
    return parseQuery("?" + fragment).stream()
        .filter(kv -> kv[0].equals(name) && kv[1] != null)
        .map(kv -> kv[1])
        .findFirst();
  }

  /**
   * One pass from the end; the bracket counts are taken once, so 100 KB of ")" costs 100 KB of
   * work.
   */
  private static String trimTrailing(String url) {
    int openParens = count(url, '(');
    int closeParens = count(url, ')');
    int openBrackets = count(url, '[');
    int closeBrackets = count(url, ']');
    int end = url.length();
    while (end > 0) {
      char last = url.charAt(end - 1);
      if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
        end--;
      } else if (last == ')' && openParens < closeParens) {
        closeParens--;
        end--;
      } else if (last == ']' && openBrackets < closeBrackets) {
        closeBrackets--;
        end--;
      } else {
        break;
      }
    }
    return url.substring(0, end);
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
