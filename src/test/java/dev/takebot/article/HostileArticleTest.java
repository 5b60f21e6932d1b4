package dev.takebot.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression (#11): article parsing had regular expressions quadratic in a run of spaces ("# T" and
 * 20 KB of spaces then "x" took 18 s, at 100 KB minutes) and one whose repeated group recursed once
 * per blank line (some 1,500 blank lines overflowed the stack). Every pass is now a loop or a
 * pattern that scans each character a bounded number of times. The timeout is a hang detector, not
 * a benchmark ({@code takebot bench-article} measures).
 */
@DisplayName("Hostile article input")
class HostileArticleTest {
  private static final int SIZE = 40 * 1024;

  static Stream<Arguments> crafted() {
    return CraftedArticles.all(SIZE).entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crafted")
  @DisplayName("is previewed or refused with a message, quickly and without overflowing the stack")
  void craftedInputStaysCheap(String name, String text) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          try {
            PostBuilder.build(ArticleParser.parse(text));
          } catch (ArticleFormatException refused) {
            assertThat(refused.getMessage()).doesNotContain("\n");
          }
        },
        name);
  }

  @Test
  @DisplayName("a very long line is read in pieces: its words all count, none is lost at the cut")
  void longLineIsReadInPieces() {
    String paragraph =
        "The council met again today. ".repeat(2 * ArticleParser.MAX_LINE / 29)
            + "Final words here.";

    Article article = ArticleParser.parse("Title\n\n" + paragraph);

    assertThat(article.paragraphs()).containsExactly(paragraph.strip());
  }

  /**
   * The hand-written passes answer exactly what the regular expressions they replaced answered, on
   * random lines.
   */
  @Test
  @DisplayName("the hand-written passes agree with the regular expressions they replaced")
  void loopsAgreeWithTheOldPatterns() {
    Pattern heading = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    Pattern seed = Pattern.compile("(?i)^date:?(?:\\s+(\\S+))?(?:\\s+(.*))?$");
    String[] pieces = {
      " ",
      "  ",
      "#",
      "##",
      "###",
      "a",
      "Bé",
      "1",
      "_",
      "date",
      "Date:",
      "2026-01-01",
      "x#",
      "é",
      "\t",
      "#tag",
      "#Ünï",
      "#a1_b",
      "!",
      "\n",
      "\n\n",
      " \n",
      "\t\n ",
      "\u2028"
    };
    Random random = new Random(11);
    for (int k = 0; k < 50_000; k++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(8); n >= 0; n--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      String line = text.replace("\n", " ").replace("\u2028", " ");
      String stripped = line.strip();

      Matcher h = heading.matcher(line);
      assertThat(ArticleParser.headingText(line))
          .as("heading of [%s]", line)
          .isEqualTo(h.matches() ? h.group(2) : null);
      Matcher d = seed.matcher(stripped);
      String[] parts = ArticleParser.seedHeader(stripped);
      assertThat(parts == null).as("seed header [%s]", stripped).isEqualTo(!d.matches());
      if (parts != null) {
        assertThat(parts).as("seed header [%s]", stripped).containsExactly(d.group(1), d.group(2));
      }
      assertThat(stripped.substring(0, ArticleParser.trailingTagsStart(stripped)))
          .as("title [%s]", stripped)
          .isEqualTo(stripped.replaceAll("(?:\\s+#\\p{L}[\\p{L}\\p{N}_]{0,60}){1,30}$", ""));
      assertThat(ArticleParser.canonical(text))
          .as("canonical [%s]", text)
          .isEqualTo(
              text.strip()
                  .replaceAll("\n[ \\t]*(\n[ \\t]*)+", "\n\n")
                  .replaceAll("(?m)^[ \\t]+", ""));
    }
  }
}
