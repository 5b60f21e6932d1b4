package dev.takebot.article;

import java.util.regex.Pattern;

/**
 * Reduces one line of Markdown to the words a reader sees. Links keep their text and give up their
 * address to the caller through {@link #linkTargets}; images, inline HTML and emphasis marks go.
 *
 * <p>Every repetition is bounded: a 100 KB line of unmatched {@code *a *a …} must not make the lazy
 * patterns scan to the end of the line from every star (that took minutes before the bounds).
 */
final class MarkdownText {
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]{0,500}]\\([^)\\s]{0,2000}\\)");
  private static final Pattern LINK =
      Pattern.compile("\\[([^\\]\\[]{0,500})]\\(([^\\s()]{1,2000})(?:\\s+\"[^\"]{0,300}\")?\\)");
  private static final Pattern AUTOLINK =
      Pattern.compile("<(https?://[^<>\\s]+)>"); // no '<' inside: each char scanned once
  private static final Pattern HTML_TAG =
      Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>");
  private static final Pattern STRONG =
      Pattern.compile(
          "\\*\\*(?=\\S)([^*]{1,300}?)(?<=\\S)\\*\\*|__(?=\\S)([^_]{1,300}?)(?<=\\S)__");
  private static final Pattern EMPHASIS =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}*])\\*(?=\\S)([^*]{1,300}?)(?<=\\S)\\*(?![\\p{L}\\p{N}*])"
              + "|(?<![\\p{L}\\p{N}_])_(?=\\S)([^_]{1,300}?)(?<=\\S)_(?![\\p{L}\\p{N}_])");
  private static final Pattern STRIKE = Pattern.compile("~~([^~]{1,300}?)~~");
  private static final Pattern CODE = Pattern.compile("`{1,3}([^`]{0,1000})`{1,3}");
  private static final Pattern BLOCK_PREFIX =
      Pattern.compile("^\\s{0,3}(?:>\\s?){1,10}|^\\s*(?:[-*+]|\\d{1,3}[.)])\\s+");

  private MarkdownText() {}

  /** True for a line that starts a list item, so that each item reads as its own paragraph. */
  static boolean isListItem(String line) {
    return line.matches("^\\s*(?:[-*+]|\\d{1,3}[.)])\\s+\\S.*");
  }

  /** True for a thematic break such as {@code ---} or {@code ***}. */
  static boolean isRule(String line) {
    return line.length() <= 200 && line.matches("^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$");
  }

  /** Link addresses in the line, in order, so that they can be kept as "read more" links. */
  static java.util.List<String> linkTargets(String line) {
    java.util.List<String> targets = new java.util.ArrayList<>();
    LINK.matcher(IMAGE.matcher(line).replaceAll(""))
        .results()
        .forEach(r -> targets.add(r.group(2)));
    AUTOLINK.matcher(line).results().forEach(r -> targets.add(r.group(1)));
    return targets;
  }

  /**
   * True for a line that is only a link with at most a short label, such as {@code Background:
   * [ECOWAS sanctions explained](https://…)}: a "read more", not prose.
   */
  static boolean isLinkLine(String line) {
    String withoutLinks =
        AUTOLINK
            .matcher(LINK.matcher(BLOCK_PREFIX.matcher(line).replaceAll("")).replaceAll(""))
            .replaceAll("");
    if (withoutLinks.length() == line.length()) {
      return false;
    }
    String rest = withoutLinks.replaceAll("[\\p{P}\\p{S}]", " ").strip();
    return rest.isEmpty() || rest.split("\\s+").length <= 3;
  }

  /** The visible text of one Markdown line. */
  static String plain(String line) {
    String s = BLOCK_PREFIX.matcher(line).replaceAll("");
    s = IMAGE.matcher(s).replaceAll("");
    s = LINK.matcher(s).replaceAll("$1");
    s = AUTOLINK.matcher(s).replaceAll("");
    s = HTML_TAG.matcher(s).replaceAll("");
    s = CODE.matcher(s).replaceAll("$1");
    s = STRIKE.matcher(s).replaceAll("$1");
    s = STRONG.matcher(s).replaceAll("$1$2");
    s = EMPHASIS.matcher(s).replaceAll("$1$2");
    return s.replaceAll("\\\\(\\p{Punct})", "$1");
  }
}
