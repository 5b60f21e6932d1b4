package dev.takebot.message;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Renders untrusted text (article bodies, members' takes, names) so that it cannot ping anyone or break
 * the surrounding layout. {@code allowed_mentions} with no parse targets is the real guard against pings;
 * this is the second line, so that text also reads sensibly where it is quoted.
 */
public final class SafeText {
  private static final String ZWSP = "\u200B";
  private static final Pattern MASS_MENTION = Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENTITY_MENTION = Pattern.compile("<(@[!&]?|#)(\\d{1,20})>");
  private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_~`|>\\[\\]()#-])");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");

  private SafeText() {}

  /** Breaks {@code @everyone}, {@code @here} and raw user/role/channel mentions without hiding them. */
  public static String defuseMentions(String text) {
    String s = MASS_MENTION.matcher(text).replaceAll("@" + ZWSP + "$1");
    return ENTITY_MENTION.matcher(s).replaceAll("<$1" + ZWSP + "$2>");
  }

  /** Removes control and bidi-override characters that could garble the layout. */
  public static String stripControl(String text) {
    return CONTROL.matcher(text).replaceAll("");
  }

  /** Escapes Discord markdown so quoted text shows literally. */
  public static String escapeMarkdown(String text) {
    return MARKDOWN.matcher(text).replaceAll("\\\\$1");
  }

  /** Collapses all whitespace (newlines included) into single spaces. */
  public static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /**
   * A short, single-line, ping-proof, markdown-escaped quote of untrusted text, cut at a word boundary
   * with "…" when longer than {@code max}.
   */
  public static String quote(String text, int max) {
    String s = oneLine(stripControl(text));
    s = truncate(s, Math.max(1, max - 8)); // escaping may add a few characters
    // Defuse first: escaping turns "<@&1>" into "<@&1\\>", which the mention pattern would no longer see.
    s = escapeMarkdown(defuseMentions(s));
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** Cuts {@code text} to at most {@code max} chars at a word boundary, adding "…" when it cut. */
  public static String truncate(String text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    if (text.length() <= max) {
      return text;
    }
    BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
    words.setText(text);
    int cut = words.preceding(max); // boundary strictly before max leaves room for the ellipsis
    if (cut <= max / 2) {
      cut = max - 1; // one giant word: cut it rather than lose most of the text
    }
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut).stripTrailing() + "…";
  }
}
