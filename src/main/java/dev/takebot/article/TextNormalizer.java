package dev.takebot.article;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Turns whatever was pasted or uploaded into clean text, or says in one line why it is not text:
 * too large, binary, not UTF-8. Tolerates a BOM, CRLF/CR line ends, NBSP, zero-width spaces and
 * trailing whitespace.
 */
final class TextNormalizer {
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\x0B\\f]+$", Pattern.MULTILINE);
  private static final Pattern INVISIBLE = Pattern.compile("[\\uFEFF\\u200B\\u2060\\u00AD]");
  private static final Pattern SPACES = Pattern.compile("[\\t\\x0B\\f\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]");
  private static final Pattern OTHER_CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]");

  private TextNormalizer() {}

  /** Decodes strict UTF-8 after checking size and looking for binary content. */
  static String decode(byte[] bytes, int maxBytes) {
    checkSize(bytes.length, maxBytes);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new ArticleFormatException(lineAt(bytes, i), "contains a NUL byte: this is a binary file, not text");
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new ArticleFormatException(lineAt(bytes, in.position()), "not UTF-8 text (bad byte at offset " + in.position() + "); save the file as UTF-8");
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** Checks a decoded text for size and binary content, then normalises it. */
  static String normalize(String text, int maxBytes) {
    checkSize(utf8Length(text), maxBytes);
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new ArticleFormatException(lineOf(text, nul), "contains a NUL byte: this is a binary file, not text");
    }
    String s = text.replace("\r\n", "\n").replace('\r', '\n');
    s = INVISIBLE.matcher(s).replaceAll("");
    s = SPACES.matcher(s).replaceAll(" ");
    long controls = OTHER_CONTROL.matcher(s).results().count();
    if (controls > Math.max(2, s.length() / 100)) {
      throw new ArticleFormatException("article has " + controls + " control characters; it looks binary, not text");
    }
    s = OTHER_CONTROL.matcher(s).replaceAll("");
    s = Normalizer.normalize(s, Normalizer.Form.NFC);
    return TRAILING_SPACE.matcher(s).replaceAll("");
  }

  static int utf8Length(String s) {
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
      throw new ArticleFormatException(
          "article is " + kb(bytes) + " KB; the limit is " + kb(maxBytes) + " KB (paste the article, not the whole page)");
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
