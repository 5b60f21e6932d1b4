package dev.takebot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML reduced to the paragraphs a reader sees: block elements ({@code p}, headings, list items,
 * {@code div}s, {@code br}) end a paragraph, scripts, styles and embedded media go, entities are
 * decoded. Plain text (a feed description without markup) comes back split at blank lines.
 */
public final class HtmlText {
  static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "blockquote",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "pre",
          "table",
          "tr",
          "td",
          "th",
          "figure",
          "figcaption",
          "header",
          "footer",
          "aside",
          "hr",
          "br",
          "address");
  static final Set<String> DROPPED =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "object",
          "embed",
          "video",
          "audio",
          "svg",
          "canvas",
          "form",
          "button",
          "select",
          "textarea",
          "img",
          "picture",
          "source",
          "head",
          "title",
          "meta",
          "link");

  private HtmlText() {}

  /** The paragraphs of an HTML fragment or document. */
  public static List<String> paragraphs(String html) {
    if (html == null || html.isBlank()) {
      return List.of();
    }
    return paragraphs(Jsoup.parseBodyFragment(html).body());
  }

  /** The paragraphs inside {@code root}. */
  static List<String> paragraphs(Element root) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    walk(root, out, current);
    flush(out, current);
    return out;
  }

  private static void walk(Node node, List<String> out, StringBuilder current) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        appendText(current, t.getWholeText());
      } else if (child instanceof Element e) {
        String tag = e.normalName();
        if (DROPPED.contains(tag)) {
          continue;
        }
        boolean block = BLOCKS.contains(tag);
        if (block) {
          flush(out, current);
        }
        walk(e, out, current);
        if (block) {
          flush(out, current);
        }
      }
    }
  }

  private static void appendText(StringBuilder current, String text) {
    // Blank lines in raw text (a description without markup) separate paragraphs too.
    String[] parts = text.split("\\n\\s*\\n", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        current.append('\u2029');
      }
      current.append(parts[i]);
    }
  }

  private static void flush(List<String> out, StringBuilder current) {
    for (String part : current.toString().split("\u2029")) {
      String text = part.replaceAll("[\\s\\u00a0]+", " ").strip();
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    current.setLength(0);
  }
}
