package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.text.Normalizer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("LexiconSentimentAnalyzer")
class LexiconSentimentAnalyzerTest {
  private static final SentimentAnalyzer ANALYZER = LexiconSentimentAnalyzer.standard();

  @Test
  @DisplayName("a text reads the same whatever its thread read before")
  void aReadingDoesNotDependOnTheTextReadBefore() {
    // Each thread reuses its token buffer: the valences of the last text stay in the slots of
    // words this one does not score ("engagement" at 0, then "Oh" at 0), and must not be read.
    String before = "engagement is better than sanctions";
    String text = "Oh great, real diplomacy instead of another sanctions package. I mean it, great";
    Sentiment first = new LexiconSentimentAnalyzer().analyze(text);
    var reused = new LexiconSentimentAnalyzer();
    reused.analyze(before);
    assertThat(reused.analyze(text)).isEqualTo(first);
  }

  @Test
  @DisplayName("a power, land, resource or cash grab is taking, not grabbing attention: negative")
  void grabsReadNegative() {
    for (String take :
        List.of(
            "ngl this is just a resource grab",
            "a land grab dressed up as a partnership",
            "total cash grab",
            "classic power grab")) {
      assertThat(ANALYZER.analyze(take).score()).as(take).isNegative();
    }
    // "nicer" no longer carries it to praise
    assertThat(ANALYZER.analyze("ngl this is just a resource grab with nicer wording").label())
        .isNotEqualTo(Label.POSITIVE);
  }

  private static Sentiment read(String text) {
    return ANALYZER.analyze(text);
  }

  private static Label three(String text) {
    return Label.threeClass(read(text).score());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // rule, text, expected three-class reading
        Arguments.of("plain positive", "This is a great idea", Label.POSITIVE),
        Arguments.of("plain negative", "This is a terrible idea", Label.NEGATIVE),
        Arguments.of("plain neutral", "The meeting is on Tuesday at the town hall", Label.NEUTRAL),
        Arguments.of("negation", "This is not good", Label.NEGATIVE),
        Arguments.of("negation with contraction", "I don't like this plan at all", Label.NEGATIVE),
        Arguments.of("negated negative", "Honestly not bad", Label.POSITIVE),
        Arguments.of(
            "negation with nothing to negate leans negative",
            "It did not work and it never will",
            Label.NEGATIVE),
        Arguments.of("contrast: the part after but wins", "Good move but too late", Label.NEGATIVE),
        Arguments.of(
            "contrast the other way", "A bit slow at first but great in the end", Label.POSITIVE),
        Arguments.of("emoji thumbs up", "👍", Label.POSITIVE),
        Arguments.of("emoji heart with variation selector", "❤️", Label.POSITIVE),
        Arguments.of("emoji heart without variation selector", "❤", Label.POSITIVE),
        Arguments.of("fire emoji is praise", "this beat 🔥🔥", Label.POSITIVE),
        Arguments.of("angry emoji", "the referee again 😡", Label.NEGATIVE),
        Arguments.of("thumbs down with skin tone", "👎🏽", Label.NEGATIVE),
        Arguments.of("emoticon", "see you tomorrow :)", Label.POSITIVE),
        Arguments.of("custom emoji by name", "<:pepe_sad:123456789012345678>", Label.NEGATIVE),
        Arguments.of(
            "animated custom emoji by name", "<a:happy_dance:123456789012345678>", Label.POSITIVE),
        Arguments.of("custom emoji camel case", "<:PepeHappy:42>", Label.POSITIVE),
        Arguments.of("mention is masked", "<@123456789012345678> <@&42> <#42>", Label.NEUTRAL),
        Arguments.of("at-name is masked, not read as a word", "@united @love", Label.NEUTRAL),
        Arguments.of("url is skipped", "https://example.com/great/love/win", Label.NEUTRAL),
        Arguments.of("bold still reads", "**awful** decision", Label.NEGATIVE),
        Arguments.of("spoiler still reads", "||the ending was wonderful||", Label.POSITIVE),
        Arguments.of("code block is not read", "```\nkill -9 failure terrible\n```", Label.NEUTRAL),
        Arguments.of("inline code is not read", "run `git kill --hate` then", Label.NEUTRAL),
        Arguments.of("html entity is skipped", "Tom &amp; Jerry", Label.NEUTRAL),
        Arguments.of("L take", "L take", Label.NEGATIVE),
        Arguments.of("W take", "W take honestly", Label.POSITIVE),
        Arguments.of("huge W", "huge W for the team", Label.POSITIVE),
        Arguments.of("w/ is an abbreviation", "meeting w/ the minister tomorrow", Label.NEUTRAL),
        Arguments.of("based", "based", Label.POSITIVE),
        Arguments.of("mid", "mid", Label.NEGATIVE),
        Arguments.of("cope", "cope harder", Label.NEGATIVE),
        Arguments.of("ratio", "ratio", Label.NEGATIVE),
        Arguments.of("lmao", "lmao", Label.POSITIVE),
        Arguments.of("sarcasm marker flips", "great job guys, really great /s", Label.NEGATIVE),
        Arguments.of("all caps emphasis keeps sign", "this is TERRIBLE", Label.NEGATIVE),
        Arguments.of("french positive", "C'est vraiment génial, bravo", Label.POSITIVE),
        Arguments.of("french negative", "C'est nul et honteux", Label.NEGATIVE),
        Arguments.of("french negation ne...pas", "Ce n'est pas bon du tout", Label.NEGATIVE),
        Arguments.of(
            "french negation jamais",
            "Je ne suis jamais content de ce gouvernement",
            Label.NEGATIVE),
        Arguments.of("french idiom pas mal", "pas mal du tout", Label.POSITIVE),
        Arguments.of(
            "french contrast mais", "Bonne idée mais trop tard et mal faite", Label.NEGATIVE),
        Arguments.of("french without accents", "c est genial", Label.POSITIVE),
        Arguments.of("french news", "L'attaque a fait des morts et des blessés", Label.NEGATIVE),
        Arguments.of(
            "french negation reaches past the verb",
            "Je ne trouve pas cette décision très bonne",
            Label.NEGATIVE),
        Arguments.of(
            "french negation through 'du tout'",
            "Ce n'est pas du tout une bonne idée",
            Label.NEGATIVE),
        Arguments.of(
            "french negated negative", "Je ne pense pas que ce soit mauvais", Label.POSITIVE),
        Arguments.of(
            "french political vocabulary",
            "Encore une manœuvre cynique, du néocolonialisme",
            Label.NEGATIVE),
        Arguments.of(
            "french approval of a decision", "Une décision sage et salutaire", Label.POSITIVE),
        Arguments.of(
            "a comma ends the reach of a negation", "I don't think so, sadly.", Label.NEGATIVE),
        Arguments.of("repeated no stays a refusal", "No no no!", Label.NEGATIVE),
        Arguments.of("html-escaped heart", "miss you all &lt;3", Label.POSITIVE),
        Arguments.of("html-escaped frown", "well &gt;:(", Label.NEGATIVE));
  }

  @ParameterizedTest(name = "{0}: \"{1}\" reads {2}")
  @MethodSource("cases")
  @DisplayName("reads hand-written cases per rule")
  void readsCases(String rule, String text, Label expected) {
    assertThat(three(text)).as(rule + ": " + read(text)).isEqualTo(expected);
  }

  @Nested
  @DisplayName("intensity")
  class Intensity {
    @Test
    @DisplayName("ALL CAPS in mixed-case text strengthens a word")
    void caps() {
      assertThat(read("this is GREAT news").score())
          .isGreaterThan(read("this is great news").score());
    }

    @Test
    @DisplayName("repeated exclamation marks strengthen a reading")
    void exclamation() {
      assertThat(read("this is great!!!").score()).isGreaterThan(read("this is great").score());
    }

    @Test
    @DisplayName("intensifiers strengthen, dampeners weaken")
    void boosters() {
      assertThat(read("very good").score()).isGreaterThan(read("good").score());
      assertThat(read("slightly good").score()).isLessThan(read("good").score());
    }

    @Test
    @DisplayName("quoted lines weigh less than the reply")
    void quoted() {
      assertThat(read("> this is awful\nI love it").score()).isPositive();
    }
  }

  @Nested
  @DisplayName("mixed")
  class Mixed {
    @Test
    @DisplayName(
        "a clearly positive and a clearly negative part read mixed, keeping the sign of the balance")
    void mixed() {
      Sentiment s =
          read("The acting was brilliant and beautiful, but the plot was awful and boring.");
      assertThat(s.label()).isEqualTo(Label.MIXED);
      assertThat(s.score()).isNegative();
    }

    @Test
    @DisplayName("one-sided texts are not mixed")
    void notMixed() {
      assertThat(read("I love this, it is wonderful").label()).isEqualTo(Label.POSITIVE);
      assertThat(read("I hate this, it is awful").label()).isEqualTo(Label.NEGATIVE);
    }
  }

  @Nested
  @DisplayName("reasons")
  class Reasons {
    @Test
    @DisplayName("name the words and emoji that drove the reading, strongest first")
    void reasons() {
      assertThat(read("good but terrible 👍").reasons()).first().isEqualTo("terrible");
      assertThat(read("good but terrible 👍").reasons()).contains("👍", "good");
    }

    @Test
    @DisplayName("mark negated words and sarcasm")
    void negatedAndSarcasm() {
      assertThat(read("not good").reasons()).containsExactly("not good");
      assertThat(read("love it /s").reasons()).contains("/s");
    }

    @Test
    @DisplayName("show custom emoji by their name")
    void customEmoji() {
      assertThat(read("<:pepe_sad:1>").reasons()).containsExactly(":pepe_sad:");
    }
  }

  @Nested
  @DisplayName("robustness")
  class Robustness {
    @Test
    @DisplayName("empty, blank and null texts read neutral")
    void empty() {
      assertThat(read("").label()).isEqualTo(Label.NEUTRAL);
      assertThat(read("   \n\t ").label()).isEqualTo(Label.NEUTRAL);
      assertThat(read(null).label()).isEqualTo(Label.NEUTRAL);
    }

    @Test
    @DisplayName("hostile input never throws and stays in range")
    void hostile() {
      String[] texts = {
        "<",
        "<:",
        "<a:",
        "<:x:",
        "<@",
        "&",
        "&#;",
        "```",
        "`",
        "**",
        "||",
        "> ",
        ">>> ",
        "@",
        "'",
        "n'",
        "\uD83D",
        "\uDE00",
        "\u0000\u202E",
        "http://",
        "<https://x.y>",
        "/s",
        ":)",
        "w/",
        "L",
        "a".repeat(100_000),
        "good ".repeat(50_000),
        "😀".repeat(20_000),
        "<:a:1>".repeat(5000),
        "\uD83D".repeat(9_000)
      };
      for (String t : texts) {
        assertThatCode(
                () -> {
                  Sentiment s = read(t);
                  assertThat(s.score()).isBetween(-1.0, 1.0);
                })
            .as(t.length() > 20 ? t.substring(0, 20) + "…" : t)
            .doesNotThrowAnyException();
      }
    }

    @Test
    @DisplayName("huge text is read from its start without throwing")
    void huge() {
      assertThat(read("awful ".repeat(200_000)).label()).isEqualTo(Label.NEGATIVE);
    }
  }

  @Test
  @DisplayName("a question weighs its words less than the same words stated")
  void questionsAskRatherThanJudge() {
    assertThat(read("Any good films out?").score())
        .isPositive()
        .isLessThan(read("Any good films out.").score());
    assertThat(read("Is it that bad?").score())
        .isNegative()
        .isGreaterThan(read("It is that bad.").score());
  }

  @Test
  @DisplayName("version is stable for the same lexicons and tuning and changes with the tuning")
  void version() {
    LexiconSentimentAnalyzer a = new LexiconSentimentAnalyzer();
    assertThat(a.version()).isEqualTo(ANALYZER.version()).startsWith("lexicon-");
    Tuning t = Tuning.DEFAULT;
    Tuning other =
        new Tuning(
            t.alpha() + 1,
            t.scale(),
            t.deadZone(),
            t.negation(),
            t.beforeContrast(),
            t.afterContrast(),
            t.sarcasm(),
            t.quoted(),
            t.mixedMin(),
            t.mixedRatio(),
            t.bareNegation(),
            t.question(),
            t.inquiry());
    assertThat(new LexiconSentimentAnalyzer(a.lexicon(), other, calibration()).version())
        .isNotEqualTo(a.version());
  }

  @Test
  void versionChangesWithTheCalibrationWeights() {
    LexiconSentimentAnalyzer a = new LexiconSentimentAnalyzer();
    Calibration c = calibration();
    Calibration other =
        new Calibration(c.negativeWeight + 0.1, c.emphasis, c.lengthExponent, c.alpha);
    assertThat(new LexiconSentimentAnalyzer(a.lexicon(), Tuning.DEFAULT, c).version())
        .isEqualTo(a.version());
    assertThat(new LexiconSentimentAnalyzer(a.lexicon(), Tuning.DEFAULT, other).version())
        .isNotEqualTo(a.version());
  }

  private static Calibration calibration() {
    return Calibration.load(LexiconSentimentAnalyzerTest.class.getClassLoader());
  }

  @Nested
  @DisplayName("reads the words a text spells, however they are encoded")
  class UnicodeForms {
    // Regression: decomposed accents (NFD, as macOS and some keyboards send them) split every
    // accented word in two,
    // and fullwidth letters were not letters the lexicon knew, so both read as neutral.

    @Test
    @DisplayName("decomposed accents (NFD) read as the composed text does")
    void decomposedReadsAsComposed() {
      String composed = Normalizer.normalize("C'est génial, très réussi", Normalizer.Form.NFC);
      String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);

      assertThat(decomposed).isNotEqualTo(composed);
      assertThat(read(composed).score()).isGreaterThan(0.5);
      assertThat(read(decomposed)).isEqualTo(read(composed));
    }

    @Test
    @DisplayName("fullwidth letters read as the ASCII words they are")
    void fullwidthReadsAsAscii() {
      assertThat(read("Ｔｈｉｓ ｉｓ ａ ｇｒｅａｔ ｉｄｅａ")).isEqualTo(read("This is a great idea"));
      assertThat(three("ｔｅｒｒｉｂｌｅ ｐｌａｎ")).isEqualTo(Label.NEGATIVE);
    }

    @Test
    @DisplayName("a decomposed text past the reading cap is still read up to the cap only")
    void longDecomposedTextIsCut() {
      String text = Normalizer.normalize("très réussi ", Normalizer.Form.NFD).repeat(5_000);

      assertThat(LexiconSentimentAnalyzer.compatible(text).length())
          .isLessThanOrEqualTo(4 * LexiconSentimentAnalyzer.MAX_CHARS);
      assertThat(three(text)).isEqualTo(Label.POSITIVE);
    }
  }
}
