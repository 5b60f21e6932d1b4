package dev.takebot.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.text.WordScanner.Word;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("WordScanner")
class WordScannerTest {

  private static List<String> texts(String text) {
    return WordScanner.scan(text).stream().map(Word::text).toList();
  }

  @Test
  @DisplayName("splits prose into words and numbers, dropping punctuation and spaces")
  void words() {
    assertThat(texts("Mali, Niger and Burkina Faso formed an alliance in 2023."))
        .containsExactly(
            "Mali", "Niger", "and", "Burkina", "Faso", "formed", "an", "alliance", "in", "2023");
    assertThat(WordScanner.scan("in 2023").get(1).number()).isTrue();
    assertThat(WordScanner.scan("in 2023").get(0).number()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "don't stop            | don't,stop",
        "rare-earth minerals   | rare-earth,minerals",
        "l’Afrique d'abord     | l’Afrique,d'abord",
        "G7s and COVID-19      | G7s,and,COVID,19",
        "the U.S. and the U.K. | the,U.S.,and,the,U.K.",
        "Mr. Smith, A.Smith    | Mr,Smith,A.Smith",
        "7G 52nd               | 7,G,52,nd"
      })
  @DisplayName("joins apostrophes, hyphens and initialism dots that stand between letters")
  void joiners(String text, String expected) {
    assertThat(texts(text)).containsExactly(expected.split(","));
  }

  @Test
  @DisplayName("skips links, mentions, channels, custom emoji and timestamps whole")
  void skipsMarkup() {
    assertThat(
            texts(
                "<@123> see https://t.co/x and www.example.com/a <#45> <:pepe_sad:99> <a:dance:1> <t:1700:R> ok"))
        .containsExactly("see", "and", "ok");
  }

  @Test
  @DisplayName("reads a comparison with spaces inside angle brackets as prose")
  void comparisonIsProse() {
    assertThat(texts("a < b and c > d")).containsExactly("a", "b", "and", "c", "d");
  }

  @Test
  @DisplayName("marks the first word of each sentence: after the start, . ! ? ; : and line breaks")
  void sentenceStarts() {
    List<Word> words = WordScanner.scan("Hello there. Next one! And\nthen: done");
    assertThat(words.stream().filter(Word::sentenceStart).map(Word::text))
        .containsExactly("Hello", "Next", "And", "then", "done");
  }

  @Test
  @DisplayName("a number breaks a phrase but does not start a sentence")
  void numbersBreakPhrases() {
    List<Word> words = WordScanner.scan("In 2023 Mali left");
    assertThat(words.get(2).text()).isEqualTo("Mali");
    assertThat(words.get(2).breakBefore()).isTrue();
    assertThat(words.get(2).sentenceStart()).isFalse();
  }

  @Test
  @DisplayName(
      "marks a break before a word when punctuation, a link or markup stands before it, not a space")
  void breaks() {
    List<Word> words = WordScanner.scan("Burkina Faso, Mali <@1> Niger https://x.y Chad");
    assertThat(words.stream().map(Word::breakBefore))
        .containsExactly(true, false, true, true, true);
  }
}
