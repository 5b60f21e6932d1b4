package dev.takebot.message;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Renders untrusted text (article bodies, members' takes, names) so that it cannot ping anyone or
 * break the surrounding layout. {@code allowed_mentions} with no parse targets is the real guard
 * against pings; this is the second line, so that text also reads sensibly where it is quoted.
 *
 * <p>Escaping is positional: a character is escaped only where Discord would read it as markdown,
 * because every other backslash shows literally on surfaces that render plain text (notifications,
 * thread names, exports): "États-Unis" and "(AES)" must stay as written. Cuts fall on character
 * boundaries: never half an emoji (a lone surrogate) or a dangling zero-width joiner.
 */
public final class SafeText {
  private static final String ZWSP = "\u200B";
  private static final char ZWJ = '\u200D';
  private static final Pattern MASS_MENTION =
      Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENTITY_MENTION = Pattern.compile("<(@[!&]?|#)(\\d{1,20})>");

  private SafeText() {}

  /**
   * Breaks {@code @everyone}, {@code @here} and raw user/role/channel mentions without hiding them.
   */
  public static String defuseMentions(String text) {
    String s = MASS_MENTION.matcher(text).replaceAll("@" + ZWSP + "$1");
    return ENTITY_MENTION.matcher(s).replaceAll("<$1" + ZWSP + "$2>");
  }

  /**
   * True when {@code text} would show nothing: only whitespace, invisible format characters, and
   * the blank "letters" people use to fake an empty message (Hangul fillers U+115F, U+1160, U+3164,
   * U+FFA0, the blank braille pattern U+2800). Such a text is no take, whatever its length.
   */
  public static boolean looksEmpty(String text) {
    if (text == null) {
      return true;
    }
    return text.codePoints()
        .allMatch(
            c ->
                Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT
                    || c == 0x115F
                    || c == 0x1160
                    || c == 0x3164
                    || c == 0xFFA0
                    || c == 0x2800);
  }

  /**
   * Removes what could garble the layout: control characters (not newline or tab), bidi controls
   * and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and every other invisible
   * format character (category Cf), except a zero-width joiner or emoji tag inside an emoji
   * sequence and a zero-width non-joiner between letters (Persian, Indic scripts). Line and
   * paragraph separators (U+2028, U+2029) become newlines.
   */
  public static String stripControl(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      int type = Character.getType(cp);
      if (cp == '\u2028' || cp == '\u2029') {
        out.append('\n');
      } else if (type == Character.CONTROL && cp != '\n' && cp != '\t') {
        // dropped
      } else if (type == Character.FORMAT) {
        int before = out.length() == 0 ? -1 : out.codePointBefore(out.length());
        int after = next < text.length() ? text.codePointAt(next) : -1;
        boolean keep =
            (cp == ZWJ && isEmojiPart(before) && isEmojiPart(after))
                || (cp >= 0xE0020
                    && cp <= 0xE007F
                    && (before == 0x1F3F4 || (before >= 0xE0020 && before <= 0xE007F)))
                || (cp == '\u200C'
                    && before >= 0
                    && after >= 0
                    && Character.isLetter(before)
                    && Character.isLetter(after));
        if (keep) {
          out.appendCodePoint(cp);
        }
      } else if (Character.isSurrogate((char) cp)) {
        // a lone surrogate is not text; Discord would show a replacement box
      } else {
        out.appendCodePoint(cp);
      }
      i = next;
    }
    return out.toString();
  }

  private static boolean isEmojiPart(int cp) {
    if (cp < 0) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.OTHER_SYMBOL
        || type == Character.MODIFIER_SYMBOL
        || cp == 0xFE0F
        || cp == 0x20E3;
  }

  /**
   * Escapes Discord markdown so quoted text shows literally, escaping a character only where it can
   * format: {@code * `} anywhere; {@code _} except inside a word ("snake_case"); {@code ~ |} when
   * doubled; {@code #}, {@code >}, {@code -} and a numbered list's {@code 1.} at the start of a
   * line; {@code [} only when a {@code ](} follows (a masked link); a backslash only before
   * punctuation it would escape. {@code ( ) ]} never.
   */
  public static String escapeMarkdown(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    int lastLinkClose = text.lastIndexOf("](");
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char prev = i > 0 ? text.charAt(i - 1) : '\n';
      char next = i + 1 < text.length() ? text.charAt(i + 1) : '\n';
      boolean escape =
          switch (c) {
            case '*', '`' -> true;
            case '_' -> !(Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(next));
            case '~', '|' -> prev == c || next == c;
            case '#', '>', '-' -> lineStart;
            case '[' -> i < lastLinkClose;
            case '\\' -> next < 128 && isAsciiPunctuation(next);
            default -> false;
          };
      if (lineStart && c >= '0' && c <= '9') {
        int end = i;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
          end++;
        }
        if (end < text.length() - 1 && text.charAt(end) == '.' && text.charAt(end + 1) == ' ') {
          out.append(text, i, end).append("\\.");
          i = end;
          lineStart = false;
          continue;
        }
      }
      if (escape) {
        out.append('\\');
      }
      out.append(c);
      if (c == '\n') {
        lineStart = true;
      } else if (c != ' ' && c != '\t') {
        lineStart = false;
      }
    }
    return out.toString();
  }

  private static boolean isAsciiPunctuation(char c) {
    return c > ' ' && c < 127 && !Character.isLetterOrDigit(c);
  }

  /**
   * Collapses all whitespace (newlines and line/paragraph separators included) into single spaces.
   */
  public static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' '
          || c == '\t'
          || c == '\n'
          || c == 0x0B
          || c == '\f'
          || c == '\r'
          || c == '\u2028'
          || c == '\u2029'
          || c == '\u0085') {
        space = true;
      } else {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return out.toString().strip();
  }

  /**
   * A short, single-line, ping-proof, markdown-escaped quote of untrusted text, cut at a word
   * boundary with "…" when longer than {@code max}.
   */
  public static String quote(String text, int max) {
    String s = oneLine(stripControl(text));
    s = truncate(s, Math.max(1, max - 8)); // escaping may add a few characters
    // Defuse first: escaping turns "<@&1>" into "<@&1\\>", which the mention pattern would no
    // longer see.
    s = escapeMarkdown(defuseMentions(s));
    if (s.length() <= max) {
      return s;
    }
    int cut = characterBoundary(s, max - 1);
    while (cut > 0 && s.charAt(cut - 1) == '\\') {
      cut--; // an escape cut from what it escapes would escape the "…"
    }
    return s.substring(0, cut) + "…";
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
    return text.substring(0, characterBoundary(text, cut)).stripTrailing() + "…";
  }

  /**
   * The last position at or before {@code at} that ends a whole character: not inside a surrogate
   * pair or a combining sequence, and not right after a zero-width joiner or before a variation
   * selector or skin tone.
   */
  static int characterBoundary(String text, int at) {
    if (at >= text.length()) {
      return text.length();
    }
    BreakIterator chars = BreakIterator.getCharacterInstance(Locale.ROOT);
    chars.setText(text);
    int cut = chars.isBoundary(at) ? at : chars.preceding(at);
    while (cut > 0
        && cut < text.length()
        && (isJoined(text, cut) || Character.isLowSurrogate(text.charAt(cut)))) {
      cut = chars.preceding(cut);
    }
    return Math.max(0, cut);
  }

  /**
   * Whether a cut at {@code at} would split an emoji sequence: after a ZWJ, or before a ZWJ,
   * selector or modifier.
   */
  private static boolean isJoined(String text, int at) {
    if (text.charAt(at - 1) == ZWJ) {
      return true;
    }
    int next = text.codePointAt(at);
    return next == ZWJ
        || next == 0xFE0F
        || next == 0xFE0E
        || (next >= 0x1F3FB && next <= 0x1F3FF)
        || next == 0x20E3
        || (next >= 0xE0020 && next <= 0xE007F);
  }
}
