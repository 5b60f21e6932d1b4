package dev.takebot.text;

/**
 * Spans of a chat message that are not prose: links ({@code https://…}, {@code www.…}, up to the
 * next white space) and Discord's angle-bracket markup ({@code <@123>}, {@code <#1>}, {@code
 * <:name:1>}, {@code <a:name:1>}, {@code <t:1700000000:R>}, {@code <https://…>}).
 */
public final class Markup {
  /** Discord markup is short; a '<' whose '>' is further away is prose ("a < b … c > d"). */
  static final int MAX_MARKUP = 64;

  private Markup() {}

  /**
   * The index just past the link or markup that starts at {@code i}, or {@code i} when none starts
   * there.
   */
  public static int skip(String text, int i) {
    if (startsLink(text, i)) {
      int end = i;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      return end;
    }
    if (i < text.length() && text.charAt(i) == '<') {
      int close = text.indexOf('>', i);
      // markup never holds a space; "a < b and c > d" is a comparison, not a mention
      if (close > 0 && close - i < MAX_MARKUP && text.lastIndexOf(' ', close) < i) {
        return close + 1;
      }
    }
    return i;
  }

  /** Whether a link starts at {@code i}. */
  public static boolean startsLink(String text, int i) {
    return text.startsWith("http://", i)
        || text.startsWith("https://", i)
        || text.startsWith("www.", i);
  }
}
