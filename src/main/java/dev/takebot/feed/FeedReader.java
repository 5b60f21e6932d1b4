package dev.takebot.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.takebot.article.ArticleDraft;
import dev.takebot.i18n.Phrase;
import dev.takebot.web.HtmlText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Reads RSS 2.0 (and older RSS), Atom 1.0 and YouTube channel feeds with ROME; each entry becomes a
 * {@link FeedItem} whose draft has the entry's title, date, text (its content, else its
 * description, else a YouTube {@code media:description}, HTML reduced to paragraphs), categories as
 * hashtag candidates, its link, and its video: a YouTube {@code yt:videoId}, a video enclosure or
 * {@code media:content}, else whatever video link the text or the link is. DOCTYPEs are refused (no
 * external entities).
 */
public final class FeedReader {
  static final Namespace YOUTUBE =
      Namespace.getNamespace("http://www.youtube.com/xml/schemas/2015");
  static final Namespace MEDIA = Namespace.getNamespace("http://search.yahoo.com/mrss/");

  /** Items read from one feed: its newest, enough for any poll. */
  static final int MAX_ITEMS = 100;

  private FeedReader() {}

  /**
   * Parses a feed document.
   *
   * @param contentType the HTTP content type (for the encoding), or null
   * @throws FeedFormatException when it is no RSS or Atom feed
   */
  public static ParsedFeed read(byte[] xml, String contentType) {
    SyndFeed feed;
    try (XmlReader reader =
        contentType == null
            ? new XmlReader(new ByteArrayInputStream(xml), true)
            : new XmlReader(new ByteArrayInputStream(xml), contentType, true)) {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(reader);
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new FeedFormatException(unreadable(e), e);
    }
    List<FeedItem> items = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      if (items.size() == MAX_ITEMS) {
        break;
      }
      items.add(item(entry));
    }
    return new ParsedFeed(feed.getTitle() == null ? "" : feed.getTitle().strip(), items);
  }

  /** Whether bytes look like a feed rather than HTML: an XML root named rss, feed or RDF. */
  public static boolean looksLikeFeed(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, 2048), java.nio.charset.StandardCharsets.UTF_8)
            .toLowerCase(java.util.Locale.ROOT);
    return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf");
  }

  private static FeedItem item(SyndEntry entry) {
    String title =
        entry.getTitle() == null
            ? ""
            : HtmlText.paragraphs(entry.getTitle()).stream().findFirst().orElse("");
    Date when =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    Instant published = when == null ? null : when.toInstant();
    LocalDate date = published == null ? null : published.atOffset(ZoneOffset.UTC).toLocalDate();

    List<String> paragraphs = List.of();
    for (SyndContent content : entry.getContents()) {
      List<String> p = HtmlText.paragraphs(content.getValue());
      if (String.join(" ", p).length() > String.join(" ", paragraphs).length()) {
        paragraphs = p;
      }
    }
    if (paragraphs.isEmpty() && entry.getDescription() != null) {
      paragraphs = HtmlText.paragraphs(entry.getDescription().getValue());
    }
    Element group = foreign(entry, MEDIA, "group");
    if (paragraphs.isEmpty() && group != null) {
      paragraphs = HtmlText.paragraphs(group.getChildTextTrim("description", MEDIA));
    }
    if (paragraphs.isEmpty() && !title.isBlank()) {
      paragraphs = List.of(title); // a video with no description: its title is all there is
    }

    List<String> tags = new ArrayList<>();
    for (SyndCategory c : entry.getCategories()) {
      if (c.getName() != null) {
        tags.add(c.getName());
      }
    }
    String link = entry.getLink() == null ? null : entry.getLink().strip();
    List<String> links = new ArrayList<>();
    if (link != null && !link.isEmpty()) {
      links.add(link);
    }
    String guid = entry.getUri();
    return new FeedItem(
        guid,
        link,
        published,
        new ArticleDraft(title, date, paragraphs, tags, video(entry, group), links));
  }

  private static String video(SyndEntry entry, Element group) {
    Element videoId = foreign(entry, YOUTUBE, "videoId");
    if (videoId != null && videoId.getTextTrim().matches("[A-Za-z0-9_-]{11}")) {
      return "https://www.youtube.com/watch?v=" + videoId.getTextTrim();
    }
    for (SyndEnclosure e : entry.getEnclosures()) {
      if (e.getType() != null && e.getType().startsWith("video/") && e.getUrl() != null) {
        return e.getUrl();
      }
    }
    List<Element> media = new ArrayList<>();
    if (group != null) {
      media.addAll(group.getChildren("content", MEDIA));
    }
    Element content = foreign(entry, MEDIA, "content");
    if (content != null) {
      media.add(content);
    }
    for (Element m : media) {
      String type = m.getAttributeValue("type", "");
      String medium = m.getAttributeValue("medium", "");
      String url = m.getAttributeValue("url");
      if (url != null
          && (type.startsWith("video/")
              || medium.equals("video")
              || url.matches("(?i)https?://(www\\.)?(youtube\\.com|youtu\\.be|vimeo\\.com)/.*"))) {
        return url;
      }
    }
    return null; // the draft still finds a video link in the text or the item's link
  }

  private static Element foreign(SyndEntry entry, Namespace ns, String name) {
    for (Element e : entry.getForeignMarkup()) {
      if (e.getName().equals(name) && e.getNamespace().equals(ns)) {
        return e;
      }
    }
    return null;
  }

  /**
   * Why a document is no feed, in the reader's language. ROME's and the XML parser's own texts
   * ("Invalid XML: Error on line 1: Content is not allowed in prolog.") are English, so each kind
   * we recognise has its own message and anything else the plain one; the exception stays the
   * cause.
   */
  private static Phrase unreadable(Exception e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("DOCTYPE")) {
      return Phrase.of("feed.error.doctype");
    }
    if (e instanceof ParsingFeedException p) {
      return p.getLineNumber() > 0
          ? Phrase.of("feed.error.badXml.line", "line", p.getLineNumber())
          : Phrase.of("feed.error.badXml");
    }
    if (e instanceof IllegalArgumentException && m.startsWith("Invalid document")) {
      return Phrase.of("feed.error.notRssOrAtom"); // well-formed XML, but neither RSS nor Atom
    }
    if (e instanceof IOException) {
      return Phrase.of("feed.error.encoding"); // the XML reader could not decode its text
    }
    return Phrase.of("feed.error.unreadable");
  }
}
