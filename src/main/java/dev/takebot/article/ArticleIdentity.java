package dev.takebot.article;

import dev.takebot.text.TextHash;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What tells whether two posts are of the same article, so that a server is not given a second
 * discussion of what it already discusses. Three keys, each a hash so that any link or title fits
 * an index:
 *
 * <ul>
 *   <li>{@code linkKey}: the article's link — the page it was read from (a news page, a feed item's
 *       link), else the page its post links to (its video, else its first link) — canonical as
 *       {@link LinkCleaner} makes it, and then without scheme, {@code www.}, fragment, trailing
 *       slash or a video's start time; none for a link to a whole site (a home page, a YouTube
 *       channel), which many articles share;
 *   <li>{@code titleKey}: its title, folded (case, accents, punctuation, spacing), with its date;
 *       none when it has no date, since a bare title ("Weekly roundup") names many articles;
 *   <li>{@code textKey}: {@link Article#articleKey()}, the hash of its text.
 * </ul>
 *
 * <p>The rule ({@link #sameAs}): when both have a link, the link decides, so two videos or pages
 * that happen to share a title or a description stay apart, and one page pasted with different
 * words is still the same. Otherwise the same dated title, or the same text, makes them the same.
 *
 * @param textKey the article's text key, never null
 * @param linkKey the link's key, or {@code null} when the article has no link
 * @param titleKey the dated title's key, or {@code null} when the article has no date
 */
public record ArticleIdentity(String textKey, String linkKey, String titleKey) {
  private static final Pattern SCHEME = Pattern.compile("^(?i)https?://(www\\.)?");
  private static final Pattern VIDEO_START = Pattern.compile("^(youtu\\.be/[^?#]+)\\?t=\\d+$");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern YOUTUBE_SITE =
      Pattern.compile("(?:m\\.|music\\.|gaming\\.)?youtube(?:-nocookie)?\\.com");

  public ArticleIdentity {
    Objects.requireNonNull(textKey, "textKey");
  }

  /** An article known only by its text (e.g. a post recorded before links and titles were). */
  public static ArticleIdentity ofText(String textKey) {
    return new ArticleIdentity(textKey, null, null);
  }

  /** The identity of {@code article}. */
  public static ArticleIdentity of(Article article) {
    String link =
        article.sourceUrl() != null
            ? article.sourceUrl()
            : article.videoUrl() != null
                ? article.videoUrl()
                : article.links().stream().findFirst().orElse(null);
    return new ArticleIdentity(
        article.articleKey(), linkKey(link), titleKey(article.title(), article.date()));
  }

  /** Whether this and {@code other} are the same article (see the class comment for the rule). */
  public boolean sameAs(ArticleIdentity other) {
    if (linkKey != null && other.linkKey != null) {
      return linkKey.equals(other.linkKey);
    }
    return textKey.equals(other.textKey) || (titleKey != null && titleKey.equals(other.titleKey));
  }

  /** The key of a link, or null for none. */
  static String linkKey(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    String s = SCHEME.matcher(link.strip()).replaceFirst("");
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash); // a place in the page, or a video's start time on Vimeo
    }
    s = VIDEO_START.matcher(s).replaceFirst("$1");
    int query = s.indexOf('?');
    String path = query < 0 ? s : s.substring(0, query);
    String rest = query < 0 ? "" : s.substring(query);
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (isWholeSite(path, rest)) {
      return null;
    }
    return sha(path + rest);
  }

  /**
   * Whether a link (without scheme, {@code www.} or fragment) names a site or channel rather than
   * one page: a home page, or a YouTube page that is no video ({@link LinkCleaner} has made every
   * video {@code youtu.be/ID}). Such a link is shared by many articles — an outlet cited at the end
   * of a paste, a feed whose items all link home — so it must not make them one.
   */
  private static boolean isWholeSite(String path, String query) {
    int slash = path.indexOf('/');
    String host = (slash < 0 ? path : path.substring(0, slash)).toLowerCase(Locale.ROOT);
    boolean home = slash < 0 && (query.isEmpty() || query.equals("?"));
    return home || YOUTUBE_SITE.matcher(host).matches();
  }

  /** The key of a dated title, or null when there is no date or no word in the title. */
  static String titleKey(String title, LocalDate date) {
    if (date == null || title == null) {
      return null;
    }
    String folded = fold(title);
    return folded.isEmpty() ? null : sha(date + "\n" + folded);
  }

  /** "L'Élysée répond!" → "l elysee repond": what two spellings of one title share. */
  static String fold(String title) {
    String decomposed = Normalizer.normalize(title, Normalizer.Form.NFKD);
    String bare = MARKS.matcher(decomposed).replaceAll("");
    return NOT_WORD.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  private static String sha(String s) {
    return TextHash.sha256(s, 16);
  }
}
