package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Stored takes are re-tagged when, and only when, {@link SentimentAnalyzer#version()} changes. So a
 * code change that alters any reading must change the version, and a speed-up must alter none. This
 * test pins the exact readings (label, score to the last bit, reasons) of some 20,000 texts to the
 * version that produced them.
 */
@DisplayName("The analyser's readings")
class ReadingsFingerprintTest {
  private static final String RECORD = "sentiment/readings-fingerprint.txt";
  private static final int VARIANTS = 20_000;

  /** Pieces spliced into the corpus texts to reach every branch of the tokenizer and the scorer. */
  private static final String[] PIECES = {
    "**",
    "||",
    "> ",
    ">>> ",
    "\n",
    "`",
    "```",
    "<:pepe_sad:123>",
    "<a:PepeHappy:9>",
    "<@123>",
    "<#55>",
    "https://x.com/a",
    "ow.ly/6QZ9Q",
    "😂",
    "💀",
    "❤",
    "❤️",
    "☹",
    "/s",
    ":)",
    ":-(",
    "<3",
    "xD",
    "D:",
    "!!!",
    "???",
    " but ",
    " mais ",
    " not ",
    " n'est pas ",
    " très ",
    " NOT ",
    " sooo ",
    " goooood ",
    " W ",
    " L ",
    " w/o ",
    "&amp;",
    "&gt;",
    "@user.name",
    " no, ",
    " well, ",
    " kind of ",
    " at least ",
    " Génial ",
    " c'est ",
    " pas ",
    " ne ",
    " ",
    "\u200B",
    "\uD83D",
    "é",
    "’",
    "\t",
    "."
  };

  private final SentimentAnalyzer analyzer = LexiconSentimentAnalyzer.standard();

  @Test
  @DisplayName("change only together with the analyser's version")
  void changeOnlyWithTheVersion() throws IOException {
    String digest = fingerprint(texts());
    String line = analyzer.version() + " " + digest;
    String[] recorded = recorded().split(" ");
    if (!recorded[0].equals(analyzer.version())) {
      fail(
          "The analyser's version is now %s (was %s). Stored takes will be re-tagged. If that is meant, record"
              + " the new readings by replacing the line in src/test/resources/%s with:%n%s",
          analyzer.version(), recorded[0], RECORD, line);
    }
    assertThat(digest)
        .as(
            "Readings changed but the version is still %s, so stored takes would keep stale tags. Bump"
                + " LexiconSentimentAnalyzer.REVISION, or undo the change if it was meant to be a pure refactoring.",
            recorded[0])
        .isEqualTo(recorded[1]);
  }

  @Test
  @DisplayName("do not depend on the texts read before (buffers are reused per thread)")
  void doNotDependOnWhatWasReadBefore() {
    List<String> texts = texts();
    List<String> forward = new ArrayList<>();
    for (String t : texts) {
      forward.add(reading(t));
    }
    for (int i = texts.size() - 1; i >= 0; i--) {
      assertThat(reading(texts.get(i)))
          .as("reading of text %d read after its successors", i)
          .isEqualTo(forward.get(i));
    }
  }

  @Test
  @DisplayName(
      "are the same for a text as written and HTML-escaped (as bridges and scrapers send it)")
  void escapedTextReadsAsWritten() {
    // The tokenizer notices "&lt;" and "&gt;" as it passes them and only then reads the text again
    // decoded;
    // a tokenizer that stopped noticing them would read "&lt;3" as nothing rather than as a heart.
    int compared = 0;
    for (String t : texts()) {
      String escaped = t.replace("<", "&lt;").replace(">", "&gt;");
      if (t.indexOf('&') >= 0
          || escaped.equals(t)
          || escaped.length() > LexiconSentimentAnalyzer.MAX_CHARS) {
        continue;
      }
      assertThat(reading(escaped)).as("reading of %s", escaped).isEqualTo(reading(t));
      compared++;
    }
    assertThat(compared).as("texts with a '<' or '>' compared").isGreaterThan(1_000);
  }

  private String reading(String text) {
    Sentiment s = analyzer.analyze(text);
    return s.label() + "\t" + Double.doubleToLongBits(s.score()) + "\t" + s.reasons();
  }

  private String fingerprint(List<String> texts) {
    MessageDigest sha = sha256();
    for (String t : texts) {
      sha.update((reading(t) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * The corpus, its seeded variants (spliced, shouted, stretched, run together, cut), and texts
   * past the cap.
   */
  private static List<String> texts() {
    List<String> corpus = corpus();
    List<String> out = new ArrayList<>(corpus);
    Random random = new Random(20261128);
    for (int k = 0; k < VARIANTS; k++) {
      StringBuilder b = new StringBuilder();
      for (String word : corpus.get(random.nextInt(corpus.size())).split(" ")) {
        int r = random.nextInt(12);
        if (r == 0) {
          word = word.toUpperCase(Locale.ROOT);
        } else if (r == 1 && word.length() > 1) {
          word = word + String.valueOf(word.charAt(word.length() - 1)).repeat(3);
        } else if (r == 2) {
          word = PIECES[random.nextInt(PIECES.length)] + word;
        } else if (r == 3) {
          word = word + PIECES[random.nextInt(PIECES.length)];
        }
        b.append(word).append(random.nextInt(8) == 0 ? "" : " ");
      }
      String t = b.toString();
      out.add(k % 97 == 0 ? t.substring(0, random.nextInt(t.length() + 1)) : t);
    }
    StringBuilder longText = new StringBuilder();
    while (longText.length() < LexiconSentimentAnalyzer.MAX_CHARS + 500) {
      longText
          .append(corpus.get(random.nextInt(corpus.size())))
          .append(random.nextBoolean() ? "\n" : " ");
    }
    out.add(longText.toString());
    // A surrogate pair straddling the cap: the reading must stop before it, not read half an emoji.
    out.add("a".repeat(LexiconSentimentAnalyzer.MAX_CHARS - 1) + "😡 terrible");
    return out;
  }

  private static List<String> corpus() {
    List<String> texts = new ArrayList<>();
    for (String line : resource("sentiment/fingerprint-corpus.txt").split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        texts.add(line.replace("\\n", "\n"));
      }
    }
    return texts;
  }

  private static String recorded() {
    return resource(RECORD).strip();
  }

  private static String resource(String name) {
    try (InputStream in =
        ReadingsFingerprintTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
