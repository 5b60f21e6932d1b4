package dev.takebot.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An article as read from a web page or a feed item, before the pipeline: the parts are already
 * separated (the page said which is the title), so nothing is parsed out of text, only cleaned.
 * {@link #toArticle()} applies what {@link ArticleParser} applies to a paste: links found in the
 * prose leave it (a video link becomes the video), links are cleaned of tracking, tags are made
 * hashtag words; the post is then built as for any article.
 *
 * @param title the title as the source gave it
 * @param date the publication date, or {@code null}
 * @param paragraphs the text, one string per paragraph, already reduced from HTML
 * @param tags hashtag candidates (categories, keywords), in the source's order and spelling
 * @param video a video link (a YouTube or Vimeo page or player, or a video file), or {@code null}
 * @param links where the article was read and other links worth a "Read more", first one first
 */
public record ArticleDraft(
    String title,
    LocalDate date,
    List<String> paragraphs,
    List<String> tags,
    String video,
    List<String> links) {

  /** Hashtag candidates kept; the hashtagger shows at most 20 anyway. */
  private static final int MAX_TAGS = 20;

  private static final int MAX_TAG = 40;
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Pattern VIDEO_FILE =
      Pattern.compile("(?i)^https?://[^?#]+\\.(mp4|webm|mov)$");

  public ArticleDraft {
    Objects.requireNonNull(title, "title");
    paragraphs = List.copyOf(paragraphs);
    tags = List.copyOf(tags);
    links = List.copyOf(links);
  }

  /**
   * The article for the pipeline.
   *
   * @throws ArticleFormatException "no article text found" when no paragraph has words, "no title
   *     found" when the title has none
   */
  public Article toArticle() {
    String cleanTitle = oneLine(title);
    if (!LETTER.matcher(cleanTitle).find()) {
      throw ArticleFormatException.of(0, "articleError.noTitleFound");
    }
    if (cleanTitle.length() > ArticleParser.MAX_TITLE) {
      int cut = cleanTitle.lastIndexOf(' ', ArticleParser.MAX_TITLE - 1);
      cleanTitle =
          cleanTitle.substring(
                  0, cut > ArticleParser.MAX_TITLE / 2 ? cut : ArticleParser.MAX_TITLE - 1)
              + "…";
    }
    String videoUrl = video == null ? null : video(video);
    List<String> cleanLinks = new ArrayList<>();
    for (String link : links) {
      LinkCleaner.clean(link)
          .ifPresent(
              l -> {
                if (l.isVideo() && videoUrl == null) {
                  return; // a video page linked as the source is the video, handled below
                }
                add(cleanLinks, l.url());
              });
    }
    String foundVideo = videoUrl;
    List<String> prose = new ArrayList<>();
    int bytes = 0;
    for (String paragraph : paragraphs) {
      String text = oneLine(paragraph);
      StringBuilder visible = new StringBuilder();
      int at = 0;
      for (int[] span : LinkCleaner.urlSpans(text)) {
        visible.append(text, at, span[0]);
        at = span[1];
        Optional<CleanLink> link = LinkCleaner.clean(text.substring(span[0], span[1]));
        if (link.isPresent() && link.get().isVideo() && foundVideo == null) {
          foundVideo = link.get().url();
        } else {
          link.ifPresent(l -> add(cleanLinks, l.url()));
        }
      }
      visible.append(text.substring(at));
      String words = visible.toString().replaceAll("\\s+", " ").strip();
      if (!LETTER.matcher(words).find()) {
        continue;
      }
      bytes += words.length() + 2;
      if (bytes > ArticleParser.MAX_BYTES && !prose.isEmpty()) {
        break; // the summary needs the beginning, not a book
      }
      prose.add(words);
    }
    if (foundVideo == null) {
      for (String link : links) {
        Optional<CleanLink> l = LinkCleaner.clean(link);
        if (l.isPresent() && l.get().isVideo()) {
          foundVideo = l.get().url();
          break;
        }
      }
    }
    if (prose.isEmpty()) {
      throw ArticleFormatException.of(0, "articleError.noTextFound");
    }
    String v = foundVideo;
    cleanLinks.removeIf(l -> l.equals(v));
    List<String> hashtags = hashtags(tags);
    String canonical = ArticleParser.canonical(cleanTitle + "\n\n" + String.join("\n\n", prose));
    return new Article(
        Article.Format.WEB,
        cleanTitle,
        date,
        prose,
        hashtags,
        foundVideo,
        cleanLinks,
        null,
        ArticleParser.key(canonical),
        links.isEmpty() ? null : LinkCleaner.clean(links.get(0)).map(CleanLink::url).orElse(null));
  }

  /** A YouTube or Vimeo link in its canonical form, a direct video file as is, else null. */
  private static String video(String raw) {
    Optional<CleanLink> link = LinkCleaner.clean(raw);
    if (link.isPresent() && link.get().isVideo()) {
      return link.get().url();
    }
    String s = raw.strip();
    return VIDEO_FILE.matcher(s).matches() && link.isPresent() ? link.get().url() : null;
  }

  /**
   * Tags as hashtag words: "#Climate change" → {@code ClimateChange}, "U.S. politics" → {@code
   * USPolitics}; those that start with no letter or are too long go; case-insensitive duplicates
   * go.
   */
  static List<String> hashtags(List<String> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String tag : tags) {
      if (tag == null) {
        continue;
      }
      StringBuilder word = new StringBuilder();
      for (String part : tag.strip().replaceFirst("^#+", "").split("[^\\p{L}\\p{N}_]+")) {
        if (part.isEmpty()) {
          continue;
        }
        word.append(
            word.length() == 0
                ? part
                : part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1));
      }
      String w = word.toString();
      if (w.isEmpty() || !Character.isLetter(w.codePointAt(0)) || w.length() > MAX_TAG) {
        continue;
      }
      out.putIfAbsent(w.toLowerCase(Locale.ROOT), w);
      if (out.size() == MAX_TAGS) {
        break;
      }
    }
    return List.copyOf(out.values());
  }

  private static void add(List<String> links, String url) {
    if (!links.contains(url)) {
      links.add(url);
    }
  }

  /** One line of text: control characters and runs of white space become one space. */
  private static String oneLine(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean blank = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B';
      if (blank || (Character.isISOControl(c))) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    return out.toString();
  }
}
