package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How far a French negation reaches, and French irony (#17). The sentences are invented for this
 * specification, in the register of takes on the seed article; each rule has sincere look-alikes
 * that must keep their reading.
 */
@DisplayName("French negation and irony")
class FrenchNegationTest {
  private static final SentimentAnalyzer ANALYZER = LexiconSentimentAnalyzer.standard();

  private static Label label(String text) {
    return ANALYZER.analyze(text).label();
  }

  @Nested
  @DisplayName("\"pas\" after a determiner is the noun \"step\"")
  class Step {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "c'est clairement un pas dans la bonne direction",
          "un premier pas vers la paix, enfin une bonne nouvelle",
          "ce petit pas est encourageant",
          "le pas franchi hier est une excellente chose",
          "un pas de plus vers une vraie coopération, c'est bien",
          "c'est un grand pas en avant pour la coopération",
        })
    @DisplayName("and praise after it stays praise")
    void stepIsNoNegation(String text) {
      assertThat(label(text)).as(text).isEqualTo(Label.POSITIVE);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "c'est pas bien ce qu'ils font",
          "c'est pas une bonne idée",
          "ils ne font pas de bonne diplomatie",
          "il n'y a pas de progrès en avant",
        })
    @DisplayName("while a bare \"pas\" after a verb still negates (informal French drops \"ne\")")
    void bareNegationStillNegates(String text) {
      assertThat(label(text)).as(text).isEqualTo(Label.NEGATIVE);
    }
  }

  @Nested
  @DisplayName("an exception ends a negation's scope: what follows it is affirmed")
  class Exception {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "ces régimes militaires n'ont rien apporté à part la censure et la peur",
          "ils n'ont rien laissé sauf la misère et la corruption",
          "la junte n'a apporté que la peur",
          "rien à part des mensonges depuis le début",
          "ils n'ont rien fait si ce n'est aggraver la crise",
          "on n'a rien vu hormis des promesses vides et de la violence",
        })
    @DisplayName("so the harm named after it reads negative")
    void harmAfterAnExceptionIsAffirmed(String text) {
      assertThat(label(text)).as(text).isEqualTo(Label.NEGATIVE);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "il n'y a que des avantages à ce partenariat",
          "rien que du positif dans cet accord",
          "je ne veux que la paix pour le Sahel",
        })
    @DisplayName("and the good named after \"ne ... que\" or \"rien que\" reads positive")
    void goodAfterOnlyIsAffirmed(String text) {
      assertThat(label(text)).as(text).isEqualTo(Label.POSITIVE);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "je ne pense pas que ce soit une bonne idée",
          "je ne pense vraiment pas que ce soit une bonne idée",
          "personne ne croit que ce soit une bonne idée",
        })
    @DisplayName("but \"que\" after \"ne ... pas\" or \"personne ne\" is no exception")
    void queAfterAFullNegationStillNegates(String text) {
      assertThat(label(text)).as(text).isEqualTo(Label.NEGATIVE);
    }
  }

  @Nested
  @DisplayName("a negation that negated the verb before it reaches no further")
  class Spent {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "je ne doute pas que ce soit une bonne chose",
          "on ne doute pas que ce soit un bon accord",
        })
    @DisplayName("so the praise after a negated doubt stays praise")
    void negatedDoubtAffirms(String text) {
      assertThat(label(text)).as(text).isEqualTo(Label.POSITIVE);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "j'aime pas cette politique",
          "on respecte jamais nos choix",
          "je n'aime pas la violence de ce régime",
        })
    @DisplayName("and \"pas\" after a verb with its \"ne\" dropped negates that verb")
    void postVerbalNegationNegatesTheVerb(String text) {
      assertThat(label(text)).as(text).isEqualTo(Label.NEGATIVE);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "c'est pas mal du tout",
          "pas si mal finalement",
          "j'aime pas mal cette idée",
          "on veut la paix, pas la guerre",
          "rien à redire, bravo",
          "j'avoue c'est une bonne nouvelle",
        })
    @DisplayName("while sincere praise with a \"pas\" stays positive")
    void sincerePraiseStaysPositive(String text) {
      assertThat(label(text)).as(text).isEqualTo(Label.POSITIVE);
    }
  }

  @Test
  @DisplayName("\"n'a\" is the French verb, so a short French text reads as French")
  void elidedVerbCountsAsFrench() {
    assertThat(label("personne n'a confiance en Washington")).isEqualTo(Label.NEGATIVE);
  }

  @Nested
  @DisplayName("French irony")
  class FrenchIronyRules {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "la bonne blague",
          "bonne blague, le respect de la souveraineté",
          "belle blague ce partenariat",
          "cette politique est une blague",
          "c'est beau le respect quand il y a de l'uranium à prendre",
          "c'est joli la démocratie quand ça arrange Washington",
          "bravo les américains, vous arrivez après la bataille",
          "beau travail, vous avez perdu trois alliés en deux ans",
          "une réaction tardive, comme toujours",
        })
    @DisplayName("reads negative")
    void ironyReadsNegative(String text) {
      assertThat(label(text)).as(text).isEqualTo(Label.NEGATIVE);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "c'est beau quand les peuples se comprennent",
          "c'est beau de voir les deux pays se parler",
          "belle journée quand même",
          "beau travail, l'accord est signé",
          "bravo aux diplomates, un accord enfin signé",
          "les américains ont raison de tendre la main",
        })
    @DisplayName("while its sincere look-alikes stay positive")
    void sincereLookAlikesStayPositive(String text) {
      assertThat(label(text)).as(text).isEqualTo(Label.POSITIVE);
    }
  }
}
