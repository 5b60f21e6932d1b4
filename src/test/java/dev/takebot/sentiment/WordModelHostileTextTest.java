package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The learned judges on hostile and random texts")
class WordModelHostileTextTest {
  private static final ClassLoader LOADER = WordModelHostileTextTest.class.getClassLoader();
  private static final Lexicon LEXICON = new Lexicon(LOADER);
  private static final Calibration CALIBRATION = Calibration.load(LOADER);
  private static final LabelModel LABELS = LabelModel.load(LOADER);

  /** Pieces a hostile member pastes: words, cues, marks, emoji, control and odd characters. */
  private static final String[] PIECES = {
    "great",
    "good",
    "bad",
    "lol",
    "sure",
    "huh",
    "now",
    "they",
    "bravo",
    "très",
    "réussi",
    "pas",
    "ne",
    "the",
    "coup",
    "Washington",
    "Mali",
    "FRANCE",
    "L",
    "W",
    "mid",
    "based",
    "/s",
    "??",
    "?",
    "!",
    "!!",
    ".",
    ",",
    ";",
    "'",
    "\"",
    "*",
    "**",
    "_",
    "#",
    "#sahel",
    "@everyone",
    "<@123>",
    "<:kek:123456789012345678>",
    "https://x.y/z?a=b",
    "&lt;3",
    "&gt;:(",
    "<3",
    ":)",
    ":(",
    "xD",
    "( ͡° ͜ʖ ͡°)",
    "🙄",
    "💀",
    "🙏",
    "👍🏽",
    "🇫🇷",
    "❤️",
    "🤡",
    "\u0000",
    "\uD83D",
    "\uDE00",
    "\u202E",
    "\u202C",
    "\u200B",
    "\u00A0",
    "\r\n",
    "\n",
    "\t",
    " ",
    "  ",
    "123",
    "4.5",
    "0",
    "Ｇｒｅａｔ",
    "ge\u0301nial",
    "g\u0301\u0302\u0303\u0304\u0305",
    "مرحبا",
    "שלום",
    "ﷺ",
    "ß",
    "İ",
    "ǅ",
    "Σ",
    "don't",
    "isn't",
    "'great'",
    "\"respect\"",
    "riiight",
    "yeah right",
    "what a joke",
    "the audacity",
    "mais",
    "but",
    "encore",
    "une",
    "belle",
    "promesse",
    "not",
    "never",
    "very",
    "so",
    "GREAT",
  };

  private static LexiconSentimentAnalyzer rules() {
    return new LexiconSentimentAnalyzer(LEXICON, Tuning.DEFAULT, CALIBRATION, LABELS, null, null);
  }

  private static List<String> hostileTexts() {
    List<String> texts = new ArrayList<>();
    texts.add("great ".repeat(10_000));
    texts.add("great".repeat(10_000));
    texts.add("a b c d e f g h ".repeat(20));
    texts.add("🙄".repeat(5_000));
    texts.add("💀 ".repeat(200));
    texts.add(("g" + "\u0301\u0302\u0303\u0304".repeat(10)).repeat(500));
    texts.add("\uD83Dgreat\uDE00 ".repeat(300));
    texts.add("\uDE00\uD83D".repeat(300));
    texts.add("great\u0000".repeat(2_000));
    texts.add("the deal is good but the coup was bad, sure. ".repeat(2_300)); // 100 KB
    texts.add("#".repeat(9_000));
    texts.add("'".repeat(9_000));
    texts.add("1234567890".repeat(900));
    texts.add("\u202Egreat\u202C ".repeat(1_200));
    texts.add("great\r\nplan\r\n".repeat(700));
    texts.add("great. ".repeat(100));
    texts.add("great!?. ".repeat(100));
    texts.add("# great\t1.0\n<bias>\t9\n");
    Random random = new Random(17);
    for (int i = 0; i < 3_000; i++) {
      StringBuilder b = new StringBuilder();
      int pieces = 1 + random.nextInt(i % 10 == 0 ? 400 : 40);
      for (int p = 0; p < pieces; p++) {
        if (random.nextInt(8) == 0) {
          b.append((char) random.nextInt(0x10000)); // any UTF-16 unit, surrogates included
        } else {
          b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        if (random.nextInt(3) > 0) {
          b.append(' ');
        }
      }
      texts.add(b.toString());
    }
    return texts;
  }

  @Test
  void weighsExactlyTheFeaturesItNamesForEveryHostileText() {
    // The fitting command learns weights by name and the analyser looks them up by hash: a model
    // weighing every named feature of a text by 1 must add up to exactly as many, whatever the
    // text holds.
    var rules = rules();
    for (String text : hostileTexts()) {
      rules.analyze(text);
      TokenBuffer tb = rules.lastBuffer();
      List<String> names = WordModel.featureNames(tb, tb.scoredCount, LEXICON);
      float[] ones = new float[names.size()];
      Arrays.fill(ones, 1);
      WordModel all = WordModel.of(names, ones, 0.5f, 0);
      assertThat(all.logOdds(tb, tb.scoredCount, LEXICON))
          .as("%s", text.length() > 200 ? text.substring(0, 200) + "…" : text)
          .isEqualTo(0.5f + names.size());
    }
  }

  @Test
  void readsEveryHostileTextWithTheShippedJudges() {
    SentimentAnalyzer shipped = LexiconSentimentAnalyzer.standard();
    for (String text : hostileTexts()) {
      Sentiment s = shipped.analyze(text);
      assertThat(s.score()).as(text).isBetween(-1.0, 1.0);
      assertThat(s.label()).isNotNull();
    }
  }
}
