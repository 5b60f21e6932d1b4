package dev.takebot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takebot.article.ArticleDraft;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Takes a news page apart into an {@link ArticleDraft}.
 *
 * <ul>
 *   <li><b>Title</b>: {@code og:title}, else a JSON-LD article's {@code headline}, else {@code
 *       <title>}, else the first {@code <h1>}.
 *   <li><b>Date</b>: {@code article:published_time}, else the JSON-LD {@code datePublished}, else
 *       the first {@code <time datetime>}.
 *   <li><b>Text</b>: readability-style. Boilerplate goes first (navigation, headers, footers,
 *       asides, forms, and blocks whose class or id says comments, share, related, newsletter…);
 *       then every paragraph of 25+ characters scores its parent (length and commas, less the share
 *       of link text) and half that its grandparent, and the best-scoring block's paragraphs are
 *       the article. A JSON-LD {@code articleBody} longer than that wins.
 *   <li><b>Video</b>: {@code og:video}, else an embedded YouTube or Vimeo player.
 *   <li><b>Tags</b>: JSON-LD {@code keywords}, {@code article:tag}, {@code news_keywords}.
 * </ul>
 */
public final class PageReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "blogposting",
          "opinionnewsarticle",
          "reviewnewsarticle",
          "backgroundnewsarticle",
          "videoobject");
  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "(?i)comment|share|social|related|promo|sidebar|footer|masthead|\\bnav|menu|cookie|"
              + "newsletter|subscribe|advert|\\bad-|\\bads\\b|sponsor|popup|modal|breadcrumb|"
              + "byline|caption|disclaimer|paywall|signup|skip");
  private static final Set<String> BOILERPLATE_TAGS =
      Set.of("nav", "header", "footer", "aside", "form", "menu", "dialog");
  private static final Pattern PLAYER =
      Pattern.compile(
          "(?i)^(https?:)?//(www\\.)?(youtube\\.com|youtube-nocookie\\.com|player\\.vimeo\\.com)/.*");
  private static final int MIN_PARAGRAPH = 25;

  private PageReader() {}

  /**
   * Reads a fetched page.
   *
   * @param charset the charset the server declared, or null to sniff it from the page
   * @param url where the page was found (relative links resolve against it)
   */
  public static ArticleDraft read(byte[] html, Charset charset, String url) {
    try {
      Document doc =
          Jsoup.parse(new ByteArrayInputStream(html), charset == null ? null : charset.name(), url);
      return read(doc, url);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading from memory
    }
  }

  /** Reads a page given as text. */
  public static ArticleDraft read(String html, String url) {
    return read(Jsoup.parse(html, url), url);
  }

  private static ArticleDraft read(Document doc, String url) {
    JsonNode ld = jsonLd(doc).orElse(null);
    String title =
        first(
            meta(doc, "og:title"),
            ld == null ? null : text(ld.get("headline")),
            meta(doc, "twitter:title"),
            doc.title(),
            doc.selectFirst("h1") == null ? null : doc.selectFirst("h1").text());
    LocalDate date =
        date(
            first(
                meta(doc, "article:published_time"),
                ld == null ? null : text(ld.get("datePublished")),
                meta(doc, "date"),
                doc.selectFirst("time[datetime]") == null
                    ? null
                    : doc.selectFirst("time[datetime]").attr("datetime")));
    List<String> tags = new ArrayList<>();
    if (ld != null) {
      tags.addAll(list(ld.get("keywords")));
    }
    doc.select("meta[property=article:tag]").forEach(m -> tags.add(m.attr("content")));
    String newsKeywords = meta(doc, "news_keywords");
    if (newsKeywords != null) {
      for (String k : newsKeywords.split(",")) {
        tags.add(k.strip());
      }
    }
    String video = video(doc);
    String canonical = first(meta(doc, "og:url"), attr(doc, "link[rel=canonical]", "abs:href"));
    List<String> links = new ArrayList<>();
    links.add(canonical != null && canonical.matches("(?i)https?://.*") ? canonical : url);

    List<String> paragraphs = mainText(doc);
    String articleBody = ld == null ? null : text(ld.get("articleBody"));
    if (articleBody != null && articleBody.length() > String.join(" ", paragraphs).length()) {
      paragraphs = HtmlText.paragraphs(articleBody.replace("\n", "\n\n"));
    }
    if (paragraphs.isEmpty()) {
      String description = first(meta(doc, "og:description"), meta(doc, "description"));
      if (description != null) {
        paragraphs = List.of(description);
      }
    }
    return new ArticleDraft(title == null ? "" : title, date, paragraphs, tags, video, links);
  }

  /** The paragraphs of the block that reads most like the article. */
  static List<String> mainText(Document original) {
    Document doc = original.clone();
    doc.select(String.join(",", HtmlText.DROPPED)).remove();
    doc.select(String.join(",", BOILERPLATE_TAGS)).remove();
    for (Element e : doc.body() == null ? List.<Element>of() : doc.body().select("*")) {
      String marks = e.className() + " " + e.id() + " " + e.attr("role");
      if (e.parent() != null
          && !e.normalName().equals("article")
          && !e.normalName().equals("main")
          && !e.normalName().equals("body")
          && BOILERPLATE.matcher(marks).find()) {
        e.remove();
      }
    }
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element p : doc.select("p, pre, blockquote")) {
      String text = p.text();
      if (text.length() < MIN_PARAGRAPH) {
        continue;
      }
      double score = 1 + text.split(",").length + Math.min(3, text.length() / 100.0);
      score *= 1 - linkDensity(p);
      Element parent = p.parent();
      if (parent != null) {
        scores.merge(parent, score, Double::sum);
        if (parent.parent() != null) {
          scores.merge(parent.parent(), score / 2, Double::sum);
        }
      }
    }
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      double s = e.getValue() * (1 - linkDensity(e.getKey()));
      if (s > bestScore) {
        best = e.getKey();
        bestScore = s;
      }
    }
    if (best == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Element p : best.select("p, h2, h3, blockquote, li, pre")) {
      if (insideAnother(p, best)) {
        continue; // counted with its enclosing paragraph or list item
      }
      String text = p.text().strip();
      boolean heading = p.normalName().startsWith("h");
      if (linkDensity(p) > 0.5
          || (!heading && text.length() < MIN_PARAGRAPH && !endsSentence(text))) {
        continue;
      }
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    return out;
  }

  /** True for a paragraph inside another paragraph, quote or list item below {@code root}. */
  private static boolean insideAnother(Element p, Element root) {
    for (Element a = p.parent(); a != null && a != root; a = a.parent()) {
      if (Set.of("p", "blockquote", "li").contains(a.normalName())) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsSentence(String text) {
    return text.length() > 10 && text.matches(".*[.!?…»”\"]$");
  }

  private static double linkDensity(Element e) {
    int length = e.text().length();
    if (length == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : e.select("a")) {
      links += a.text().length();
    }
    return Math.min(1, (double) links / length);
  }

  private static String video(Document doc) {
    String og =
        first(
            meta(doc, "og:video:secure_url"),
            meta(doc, "og:video:url"),
            meta(doc, "og:video"),
            meta(doc, "twitter:player"));
    if (og != null) {
      return og;
    }
    for (Element frame : doc.select("iframe[src], iframe[data-src]")) {
      String src = frame.hasAttr("src") ? frame.attr("src") : frame.attr("data-src");
      if (PLAYER.matcher(src).matches()) {
        return src.startsWith("//") ? "https:" + src : src;
      }
    }
    return null;
  }

  /** The first JSON-LD object of an article type, looking into arrays and {@code @graph}. */
  static Optional<JsonNode> jsonLd(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        JsonNode root = JSON.readTree(script.data());
        Optional<JsonNode> found = findArticle(root, 0);
        if (found.isPresent()) {
          return found;
        }
      } catch (IOException | RuntimeException e) {
        // a page's broken JSON-LD is the page's problem; the other sources still work
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> findArticle(JsonNode node, int depth) {
    if (node == null || depth > 4) {
      return Optional.empty();
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        Optional<JsonNode> f = findArticle(n, depth + 1);
        if (f.isPresent()) {
          return f;
        }
      }
      return Optional.empty();
    }
    if (node.isObject()) {
      for (String type : list(node.get("@type"))) {
        if (ARTICLE_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
          return Optional.of(node);
        }
      }
      return findArticle(node.get("@graph"), depth + 1);
    }
    return Optional.empty();
  }

  private static List<String> list(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (node.isValueNode()) {
      for (String s : node.asText().split(",")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  private static String text(JsonNode node) {
    return node == null || !node.isValueNode() || node.asText().isBlank() ? null : node.asText();
  }

  private static String meta(Document doc, String name) {
    Element m = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
    String v = m == null ? null : m.attr("content").strip();
    return v == null || v.isEmpty() ? null : v;
  }

  private static String attr(Document doc, String query, String attr) {
    Element e = doc.selectFirst(query);
    String v = e == null ? "" : e.attr(attr);
    return v.isBlank() ? null : v;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  /** A date from ISO text ({@code 2026-02-01}, {@code 2026-02-01T10:00:00+01:00}), or null. */
  static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    try {
      return OffsetDateTime.parse(s).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
