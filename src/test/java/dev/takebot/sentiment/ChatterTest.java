package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chat that takes no side reads neutral, and its sincere look-alikes keep their label; negated
 * belief reads as doubt, and French negation words agree rather than cancel. The sentences are
 * invented for this specification (in the register of takes on the seed article); none comes from a
 * labelled data set.
 */
@DisplayName("Chatter and negated belief")
class ChatterTest {
  private static final SentimentAnalyzer ANALYZER = LexiconSentimentAnalyzer.standard();

  private static Label label(String text) {
    return ANALYZER.analyze(text).label();
  }

  @Nested
  @DisplayName("off-topic and informational messages read neutral")
  class Neutral {
    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("a text of acknowledgements or greetings alone")
    @ValueSource(strings = {"ok", "okay", "ok ok", "gm", "hi", "hey guys", "k", "noted"})
    void acknowledgementsAlone(String text) {
      assertThat(label(text)).isEqualTo(Label.NEUTRAL);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("a short text about the channel, the bot or the stream")
    @ValueSource(
        strings = {
          "wrong channel sorry",
          "sorry wrong channel",
          "mute the bot pls",
          "the bot is broken again",
          "the stream is lagging for me",
          "oops wrong server lol"
        })
    void talkAboutTheChat(String text) {
      assertThat(label(text)).isEqualTo(Label.NEUTRAL);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("curiosity about what happens next")
    @ValueSource(
        strings = {
          "I'm mostly curious how France will respond",
          "curious to see what happens",
          "wondering if the article mentions Chad"
        })
    void curiosity(String text) {
      assertThat(label(text)).isEqualTo(Label.NEUTRAL);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("a request for information or a question, its question mark left off")
    @ValueSource(
        strings = {
          "anyone know a good podcast on the Sahel",
          "anybody got a good map of the region",
          "what's the uranium share of Niger's exports",
          "btw what's the uranium share of Niger's exports",
          "anyone on tonight?",
          "is the stream live?",
          "source?"
        })
    void questions(String text) {
      assertThat(label(text)).isEqualTo(Label.NEUTRAL);
    }
  }

  @Nested
  @DisplayName("sincere judgements that look like chatter keep their label")
  class LookAlikes {
    @ParameterizedTest(name = "\"{0}\" reads {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "ok this is actually good news|POSITIVE",
          "sorry but this is a disaster|NEGATIVE",
          "is this a good deal? yes, a great one|POSITIVE",
          "battery life is ok|POSITIVE",
          "thanks!|POSITIVE",
          "ok thanks, that helps a lot|POSITIVE",
          "I'm curious, and honestly impressed by the deal|POSITIVE",
          "what's great is they finally listened|POSITIVE",
          "anyone who likes good diplomacy should love this|POSITIVE",
          "this whole diplomatic reset is a disaster and everyone in this channel knows it|NEGATIVE",
          "great stream today, thanks|POSITIVE"
        })
    void keepTheirLabel(String text, Label expected) {
      assertThat(label(text)).isEqualTo(expected);
    }

    @Test
    @DisplayName("amazement (\"I can't believe they did it\") is not doubt")
    void amazementIsNotDoubt() {
      assertThat(ANALYZER.analyze("I can't believe they did it").reasons())
          .doesNotContain("not believe");
    }
  }

  @Nested
  @DisplayName("negated belief reads as doubt")
  class Doubt {
    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("a negated belief verb with nothing else to negate is negative")
    @ValueSource(
        strings = {
          "je n'y crois pas",
          "j'y crois pas",
          "on n'y croit plus",
          "personne ne croit à ce reset",
          "je n'y crois pas du tout",
          "I don't believe a word of it"
        })
    void negatedBelief(String text) {
      Sentiment s = ANALYZER.analyze(text);
      assertThat(s.label()).isEqualTo(Label.NEGATIVE);
      assertThat(s.reasons()).anyMatch(r -> r.startsWith("not "));
    }

    @Test
    @DisplayName("liking an idea but not believing in it is mixed")
    void likedButDoubted() {
      assertThat(label("j'aime l'idée mais je n'y crois pas trop")).isEqualTo(Label.MIXED);
    }
  }

  @Nested
  @DisplayName("French negation")
  class FrenchNegation {
    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("negation words agree rather than cancel, and reach past \"du tout\"")
    @ValueSource(
        strings = {
          "sans aucun respect",
          "rien de bon là-dedans",
          "ils ne respectent jamais rien",
          "c'est pas du tout bon",
          "ils ne sont pas du tout fiables",
          "je ne pense pas que ce soit une bonne idée",
          "ils ne sont guère fiables",
          "ce n'est plus un partenaire fiable",
          "bravo, encore une belle promesse"
        })
    void readsNegative(String text) {
      assertThat(label(text)).isEqualTo(Label.NEGATIVE);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("sincere French praise stays positive")
    @ValueSource(
        strings = {
          "c'est vraiment une bonne idée",
          "pas mal du tout",
          "je crois que c'est une bonne décision",
          "sans doute une bonne nouvelle"
        })
    void praiseStaysPositive(String text) {
      assertThat(label(text)).isEqualTo(Label.POSITIVE);
    }
  }
}
