package dev.takebot.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord's message markdown as HTML, the subset the bot and members use: bold, italics, underline,
 * strike-through, spoilers, inline code and code blocks, quotes, headings, subtext, lists, masked
 * and bare links, user/role/channel mentions and timestamps.
 *
 * <p>The text is hostile input (members write it), so every character reaches the page escaped; the
 * only markup is the fixed tags this class writes, and links are {@code http(s)} only.
 */
final class DiscordMarkdown {
  private static final Pattern MENTION = Pattern.compile("<(@!?|@&|#)(\\d{1,20})>");
  private static final Pattern TIMESTAMP = Pattern.compile("<t:(-?\\d{1,13})(?::([tTdDfFR]))?>");
  private static final Pattern MASKED_LINK =
      Pattern.compile("\\[([^\\[\\]\\n]{1,500})\\]\\(<?(https?://[^\\s()<>]{1,2000})>?\\)");
  private static final Pattern BARE_URL = Pattern.compile("<?(https?://[^\\s<>\"]{1,2000})>?");
  private static final String[] PAIRS = {"**", "__", "~~", "||", "*", "_"};
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** Names for mentions, e.g. {@code @Chloé} or {@code #news}; the names are escaped here. */
  interface Names {
    String user(String id);

    String role(String id);

    String channel(String id);
  }

  private final Names names;

  DiscordMarkdown(Names names) {
    this.names = names;
  }

  /** HTML-escapes text for element content and for quoted attribute values. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(c -> appendEscaped(b, c));
    return b.toString();
  }

  private static void appendEscaped(StringBuilder b, int c) {
    switch (c) {
      case '&' -> b.append("&amp;");
      case '<' -> b.append("&lt;");
      case '>' -> b.append("&gt;");
      case '"' -> b.append("&quot;");
      case '\'' -> b.append("&#39;");
      default -> {
        // Controls other than line breaks and tabs have no place in a page.
        if (Character.isISOControl(c) && c != '\n' && c != '\t') {
          b.append('\uFFFD');
        } else {
          b.appendCodePoint(c);
        }
      }
    }
  }

  /** A whole message body: block structure (code blocks, quotes, headings, lists), then inlines. */
  String blocks(String text) {
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    StringBuilder quote = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("```")) {
        int end = closingFence(lines, i);
        if (end > i) {
          flushQuote(out, quote);
          StringBuilder code = new StringBuilder();
          String first = line.substring(3);
          boolean language = first.matches("[A-Za-z0-9+#-]*");
          if (!language) {
            code.append(first).append('\n');
          }
          for (int k = i + 1; k < end; k++) {
            code.append(lines[k]).append('\n');
          }
          out.append("<pre class=\"code\"><code>")
              .append(escape(code.toString()))
              .append("</code></pre>");
          i = end;
          continue;
        }
      }
      if (line.startsWith("> ") || line.equals(">")) {
        quote.append(inline(line.substring(Math.min(2, line.length())))).append("<br>");
        continue;
      }
      flushQuote(out, quote);
      out.append(blockLine(line));
    }
    flushQuote(out, quote);
    return out.toString();
  }

  /** Inline markdown only (embed titles, field names, author names). */
  String inline(String text) {
    StringBuilder out = new StringBuilder();
    inline(text, out, 0);
    return out.toString();
  }

  private String blockLine(String line) {
    if (line.startsWith("### ")) {
      return "<div class=\"h3\">" + inline(line.substring(4)) + "</div>";
    }
    if (line.startsWith("## ")) {
      return "<div class=\"h2\">" + inline(line.substring(3)) + "</div>";
    }
    if (line.startsWith("# ")) {
      return "<div class=\"h1\">" + inline(line.substring(2)) + "</div>";
    }
    if (line.startsWith("-# ")) {
      return "<div class=\"subtext\">" + inline(line.substring(3)) + "</div>";
    }
    if (line.startsWith("- ") || line.startsWith("* ")) {
      return "<div class=\"li\">" + inline(line.substring(2)) + "</div>";
    }
    return line.isEmpty() ? "<div class=\"gap\"></div>" : "<div>" + inline(line) + "</div>";
  }

  private static int closingFence(String[] lines, int open) {
    for (int k = open + 1; k < lines.length; k++) {
      if (lines[k].startsWith("```")) {
        return k;
      }
    }
    return -1;
  }

  private static void flushQuote(StringBuilder out, StringBuilder quote) {
    if (quote.length() > 0) {
      out.append("<blockquote>").append(quote).append("</blockquote>");
      quote.setLength(0);
    }
  }

  /**
   * Renders {@code s} into {@code out}. A delimiter pairs with its next occurrence; nesting depth
   * is capped so that crafted input (thousands of {@code **}) stays linear in practice and cannot
   * overflow the stack.
   */
  private void inline(String s, StringBuilder out, int depth) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && isMarkdownPunctuation(s.charAt(i + 1))) {
        appendEscaped(out, s.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '`') {
        int end = s.indexOf('`', i + 1);
        if (end > i + 1) {
          out.append("<code>").append(escape(s.substring(i + 1, end))).append("</code>");
          i = end + 1;
          continue;
        }
      }
      if (c == '<') {
        int used = special(s, i, out);
        if (used > 0) {
          i += used;
          continue;
        }
      }
      if (c == '[') {
        Matcher m = MASKED_LINK.matcher(s).region(i, s.length());
        if (m.lookingAt() && m.group(1).contains("://")) {
          // Discord shows a masked link whose text holds a link as typed: "[https://a](https://b)"
          // would otherwise show one address and lead to another, or nest one link in another.
          out.append(escape(m.group()));
          i = m.end();
          continue;
        }
        if (m.lookingAt()) {
          out.append(link(m.group(2), depth < 8 ? nested(m.group(1), depth) : escape(m.group(1))));
          i = m.end();
          continue;
        }
      }
      if (c == 'h' && (s.startsWith("http://", i) || s.startsWith("https://", i))) {
        Matcher m = BARE_URL.matcher(s).region(i, s.length());
        if (m.lookingAt()) {
          String url = trimTrailing(m.group(1));
          out.append(link(url, escape(url)));
          i += url.length();
          continue;
        }
      }
      if (depth < 8) {
        int used = emphasis(s, i, out, depth);
        if (used > 0) {
          i += used;
          continue;
        }
      }
      int cp = s.codePointAt(i);
      appendEscaped(out, cp);
      i += Character.charCount(cp);
    }
  }

  private String nested(String s, int depth) {
    StringBuilder b = new StringBuilder();
    inline(s, b, depth + 1);
    return b.toString();
  }

  private int emphasis(String s, int i, StringBuilder out, int depth) {
    for (String d : PAIRS) {
      if (!s.startsWith(d, i)) {
        continue;
      }
      int from = i + d.length();
      int end = s.indexOf(d, from);
      // A lone * or _ inside a word (snake_case, 2*3) is not emphasis.
      if (d.length() == 1
          && (end < 0
              || Character.isWhitespace(s.charAt(Math.min(from, s.length() - 1)))
              || (d.equals("_") && i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))))) {
        continue;
      }
      if (end > from) {
        String tag =
            switch (d) {
              case "**" -> "strong";
              case "__" -> "u";
              case "~~" -> "s";
              case "||" -> "span class=\"spoiler\"";
              default -> "em";
            };
        String close = tag.startsWith("span") ? "span" : tag;
        out.append('<').append(tag).append('>');
        inline(s.substring(from, end), out, depth + 1);
        out.append("</").append(close).append('>');
        return end + d.length() - i;
      }
    }
    return 0;
  }

  /** Mentions, timestamps and {@code <https://…>} links; returns the characters used, or 0. */
  private int special(String s, int i, StringBuilder out) {
    Matcher m = MENTION.matcher(s).region(i, s.length());
    if (m.lookingAt()) {
      String id = m.group(2);
      String shown =
          switch (m.group(1)) {
            case "#" -> "#" + names.channel(id);
            case "@&" -> "@" + names.role(id);
            default -> "@" + names.user(id);
          };
      out.append("<span class=\"mention\">").append(escape(shown)).append("</span>");
      return m.end() - i;
    }
    Matcher t = TIMESTAMP.matcher(s).region(i, s.length());
    if (t.lookingAt()) {
      String when;
      try {
        when = WHEN.format(Instant.ofEpochSecond(Long.parseLong(t.group(1)))) + " UTC";
      } catch (RuntimeException e) {
        return 0;
      }
      out.append("<span class=\"timestamp\">").append(escape(when)).append("</span>");
      return t.end() - i;
    }
    Matcher u = BARE_URL.matcher(s).region(i, s.length());
    if (u.lookingAt() && s.charAt(u.end() - 1) == '>') {
      out.append(link(u.group(1), escape(u.group(1))));
      return u.end() - i;
    }
    return 0;
  }

  private static String link(String url, String html) {
    return "<a href=\"" + escape(url) + "\" rel=\"noopener noreferrer\">" + html + "</a>";
  }

  /** Discord leaves closing punctuation out of a bare link: "see https://x.com/a." */
  private static String trimTrailing(String url) {
    int end = url.length();
    while (end > 8 && ".,:;!?)'\"".indexOf(url.charAt(end - 1)) >= 0) {
      end--;
    }
    return url.substring(0, end);
  }

  private static boolean isMarkdownPunctuation(char c) {
    return "\\*_~`|>#-[]()<:@".indexOf(c) >= 0;
  }
}
