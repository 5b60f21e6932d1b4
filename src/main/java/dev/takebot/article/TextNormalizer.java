package dev.takebot.article;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Turns whatever was pasted or uploaded into clean text, or says in one line why it is not text:
 * too large, binary, not UTF-8. Tolerates a BOM, CRLF/CR line ends, NBSP, zero-width spaces and
 * trailing whitespace; U+2028/U+2029 (line and paragraph separators) become line breaks.
 *
 * <p>Every pass is a plain loop over the text, linear in its length: the regular expressions these
 * replaced took time quadratic in a run of spaces (100 KB of them took seconds to minutes).
 */
final class TextNormalizer {

  private TextNormalizer() {}

  /** Decodes strict UTF-8 after checking size and looking for binary content. */
  static String decode(byte[] bytes, int maxBytes) {
    checkSize(bytes.length, maxBytes);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw ArticleFormatException.of(lineAt(bytes, i), "articleError.nul");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw ArticleFormatException.of(
          lineAt(bytes, in.position()), "articleError.notUtf8", "offset", in.position());
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** Checks a decoded text for size and binary content, then normalises it. */
  static String normalize(String text, int maxBytes) {
    checkSize(utf8Length(text), maxBytes);
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw ArticleFormatException.of(lineOf(text, nul), "articleError.nul");
    }
    StringBuilder out = new StringBuilder(text.length());
    int controls = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        out.append('\n');
      } else if (c == '\u2028' || c == '\u2029') {
        out.append('\n');
      } else if (isInvisible(c)) {
        // dropped: zero-width characters that only get in the way of words
      } else if (isSpace(c)) {
        out.append(' ');
      } else if (c != '\n' && Character.getType(c) == Character.CONTROL) {
        controls++;
      } else {
        out.append(c);
      }
    }
    if (controls > Math.max(2, (out.length() + controls) / 100)) {
      throw ArticleFormatException.of(0, "articleError.controls", "count", controls);
    }
    return withoutTrailingSpaces(Normalizer.normalize(out, Normalizer.Form.NFC));
  }

  private static boolean isInvisible(char c) {
    return c == '\uFEFF' || c == '\u200B' || c == '\u2060' || c == '\u00AD';
  }

  private static boolean isSpace(char c) {
    return c == '\t'
        || c == 0x0B
        || c == '\f'
        || c == '\u00A0'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u202F'
        || c == '\u205F'
        || c == '\u3000';
  }

  /** Drops spaces at the end of every line: one pass, each space looked at once. */
  private static String withoutTrailingSpaces(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int pendingFrom = -1; // start of the run of spaces not yet known to be trailing
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (pendingFrom < 0) {
          pendingFrom = i;
        }
      } else {
        if (pendingFrom >= 0 && c != '\n') {
          out.append(s, pendingFrom, i);
        }
        pendingFrom = -1;
        out.append(c);
      }
    }
    return out.toString();
  }

  static int utf8Length(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static void checkSize(long bytes, int maxBytes) {
    if (bytes > maxBytes) {
      throw ArticleFormatException.of(
          0, "articleError.tooBig", "size", kb(bytes), "max", kb(maxBytes));
    }
  }

  private static long kb(long bytes) {
    return (bytes + 1023) / 1024;
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int lineOf(String s, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
