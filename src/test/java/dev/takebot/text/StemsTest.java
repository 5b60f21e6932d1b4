package dev.takebot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Stems")
class StemsTest {

  /**
   * {@code singular} (theme keys) folds plurals of five letters or more and nothing else; {@code
   * light} (article terms) also folds four-letter plurals and cuts "-ing" and "-ed".
   */
  @ParameterizedTest(name = "{0} → singular {1}, light {2}")
  @CsvSource({
    "minerals,  mineral,   mineral",
    "countries, country,   country",
    "press,     press,     press",
    "virus,     virus,     virus",
    "crisis,    crisis,    crisis",
    "jobs,      jobs,      job",
    "talking,   talking,   talk",
    "signed,    signed,    sign",
    "agreed,    agreed,    agreed",
    "ring,      ring,      ring",
    "bus,       bus,       bus"
  })
  @DisplayName(
      "singular folds plurals of five letters or more; light also four-letter plurals, -ing and -ed")
  void stems(String word, String singular, String light) {
    assertThat(Stems.singular(word)).isEqualTo(singular);
    assertThat(Stems.light(word)).isEqualTo(light);
  }
}
