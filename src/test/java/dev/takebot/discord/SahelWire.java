package dev.takebot.discord;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The feed tests' RSS feed "Sahel Wire", each item linking to news.example.com/its guid. */
final class SahelWire {
  private SahelWire() {}

  /**
   * @param items newest first: guid, title, text
   * @param linkQuery what follows each item's link (a tracking query the bot drops), or ""
   * @param category each item's category, or {@code null} for none
   */
  static byte[] rss(List<String[]> items, String linkQuery, String category) {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Sahel Wire</title>");
    for (String[] i : items) {
      xml.append("<item><title>")
          .append(i[1])
          .append("</title><link>https://news.example.com/")
          .append(i[0])
          .append(linkQuery)
          .append("</link><guid>")
          .append(i[0])
          .append("</guid>");
      if (category != null) {
        xml.append("<category>").append(category).append("</category>");
      }
      xml.append("<description>").append(i[2]).append("</description></item>");
    }
    return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }
}
