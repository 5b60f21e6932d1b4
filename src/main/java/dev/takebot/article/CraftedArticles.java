package dev.takebot.article;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Hostile article texts of a chosen size, each aimed at a pass that once took time quadratic in the
 * length of a line or blew the stack: runs of spaces, blank lines, a heading followed by spaces, a
 * title full of space runs, a single endless word, thousands of hashtags and links, random Unicode.
 * The benchmark ({@code takebot bench-article}) and the hang-detector test both read them, so they
 * measure the same inputs.
 */
public final class CraftedArticles {
  private CraftedArticles() {}

  /**
   * Every crafted case, by name, each at most {@code bytes} bytes of UTF-8 (so at {@link
   * ArticleParser#MAX_BYTES} every one is accepted as far as size goes, and parsing does all its
   * work).
   */
  public static Map<String, String> all(int bytes) {
    Map<String, IntFunction<String>> cases = new LinkedHashMap<>();
    cases.put("spaces", n -> " ".repeat(n));
    cases.put(
        "blank lines",
        n -> "Title\n\nFirst paragraph.\n" + "\n".repeat(n - 60) + "Last paragraph.");
    cases.put(
        "blank lines with spaces",
        n -> "Title\n\nFirst paragraph.\n" + " \n".repeat((n - 60) / 2) + "Last.");
    cases.put("# T + spaces", n -> "# T" + " ".repeat(n - 3));
    cases.put("# T + spaces + x", n -> "# T" + " ".repeat(n - 60) + "x\n\nA paragraph.");
    cases.put("date + spaces", n -> "date 2026-01-01" + " ".repeat(n - 60) + "x\n\nA paragraph.");
    cases.put(
        "title with space runs",
        n -> repeatTo("Title", " ".repeat(200) + "word", n - 40) + "\n\nA paragraph.");
    cases.put("title with spaces then #", n -> "Title" + " ".repeat(n - 60) + "#\n\nA paragraph.");
    cases.put(
        "space runs in every line",
        n -> "Title\n\n" + repeatTo("", "word" + " ".repeat(500) + "x\n", n - 10));
    cases.put("long single word", n -> "Title\n\n" + "a".repeat(n - 7));
    cases.put("long capitalised words", n -> "Title\n\n" + repeatTo("", "Aaaaaaaaaa ", n - 7));
    cases.put("many hashtags", n -> "Title\n\nSome prose about it. " + numbered("#tag%d ", n - 30));
    cases.put(
        "many links", n -> "Title\n\nSome prose. " + numbered("https://example.com/%d ", n - 30));
    cases.put(
        "many markdown links",
        n -> "# Title\n\nSome prose. " + numbered("[x%d](https://e.com/%1$d) ", n - 30));
    cases.put(
        "link with closing parens", n -> "Title\n\nSee https://example.com/a" + ")".repeat(n - 40));
    cases.put(
        "link with trailing dots", n -> "Title\n\nSee https://example.com/a" + ".".repeat(n - 40));
    cases.put(
        "markdown stars", n -> "# Title\n\n" + repeatTo("", "*a _b **c ~~d `e [f](g <h ", n - 10));
    cases.put("sentence dots", n -> "Title\n\n" + repeatTo("", "A. B. C. Dr. U.S. e.g. ", n - 10));
    cases.put("random unicode", CraftedArticles::randomUnicode);
    Map<String, String> out = new LinkedHashMap<>();
    cases.forEach(
        (name, make) -> {
          String text = fit(make.apply(bytes), bytes);
          out.put(name, text);
          if (longestLine(text) > ArticleParser.MAX_LINE) {
            // The same input in lines at the cap, so that the passes behind the cap see the whole
            // size too.
            out.put(name + " (lines at cap)", fit(wrap(text, ArticleParser.MAX_LINE), bytes));
          }
        });
    return out;
  }

  private static int longestLine(String text) {
    int longest = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        longest = Math.max(longest, i - start);
        start = i + 1;
      }
    }
    return longest;
  }

  /**
   * Breaks every line longer than {@code max} into lines of {@code max} characters (never in a
   * surrogate pair).
   */
  private static String wrap(String text, int max) {
    StringBuilder b = new StringBuilder(text.length() + text.length() / max + 1);
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        run = 0;
      } else if (run >= max - 1 && !Character.isLowSurrogate(c)) {
        b.append('\n');
        run = 0;
      }
      b.append(c);
      run = c == '\n' ? 0 : run + 1;
    }
    return b.toString();
  }

  private static String repeatTo(String head, String unit, int length) {
    StringBuilder b = new StringBuilder(head);
    while (b.length() + unit.length() <= length) {
      b.append(unit);
    }
    return b.toString();
  }

  private static String numbered(String format, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < length; i++) {
      b.append(String.format(format, i));
    }
    return b.toString();
  }

  private static String randomUnicode(int bytes) {
    SplittableRandom random = new SplittableRandom(11);
    StringBuilder b = new StringBuilder("Random title\n\n");
    int length = b.length();
    while (length < bytes) {
      int r = random.nextInt(100);
      int cp;
      if (r < 5) {
        cp = '\n';
      } else if (r < 25) {
        cp = ' ';
      } else if (r < 60) {
        cp = 'a' + random.nextInt(26);
      } else if (r < 70) {
        cp = "#*_~`[]()<>!?.:/-".charAt(random.nextInt(17));
      } else {
        cp = random.nextInt(0x20, 0x2FFFF);
        if (cp >= 0xD800 && cp <= 0xDFFF
            || !Character.isDefined(cp)
            || Character.getType(cp) == Character.CONTROL) {
          continue;
        }
      }
      b.appendCodePoint(cp);
      length += TextNormalizer.utf8Length(new String(Character.toChars(cp)));
    }
    return b.toString();
  }

  /** Cuts {@code s} to at most {@code bytes} bytes of UTF-8, never inside a surrogate pair. */
  private static String fit(String s, int bytes) {
    if (TextNormalizer.utf8Length(s) <= bytes) {
      return s;
    }
    int end = Math.min(s.length(), bytes);
    while (TextNormalizer.utf8Length(s.substring(0, end)) > bytes) {
      end -= Math.max(1, (TextNormalizer.utf8Length(s.substring(0, end)) - bytes) / 4);
    }
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
