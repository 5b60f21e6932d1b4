package dev.takebot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Stems")
class StemsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"minerals, mineral", "countries, country", "relations, relation", "press, press", "virus, virus",
      "crisis, crisis", "jobs, jobs", "talking, talking", "signed, signed"})
  @DisplayName("singular folds plurals of five letters or more and nothing else")
  void singular(String word, String expected) {
    assertThat(Stems.singular(word)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"minerals, mineral", "countries, country", "jobs, job", "talking, talk", "signed, sign",
      "agreed, agreed", "ring, ring", "bus, bus", "red, red"})
  @DisplayName("light also folds four-letter plurals and cuts -ing and -ed")
  void light(String word, String expected) {
    assertThat(Stems.light(word)).isEqualTo(expected);
  }
}
