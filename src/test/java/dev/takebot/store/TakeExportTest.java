package dev.takebot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("CSV cells of an export")
class TakeExportTest {
  @ParameterizedTest(name = "[{0}] is written as [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "plain text|plain text",
      "a, b|\"a, b\"",
      "say \"hi\"|\"say \"\"hi\"\"\"",
      "=SUM(A1:A2)|'=SUM(A1:A2)",
      "+1 for this|'+1 for this",
      "-1|'-1",
      "@here look|'@here look",
      "=HYPERLINK(\"x\",\"y\")|\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"",
      "a = b|a = b",
  })
  @DisplayName("quote per RFC 4180 and defuse formulas")
  void cells(String value, String expected) {
    assertThat(TakeExport.csvText(value)).isEqualTo(expected);
  }

  @Test
  @DisplayName("line breaks are quoted, and an empty cell stays empty")
  void lineBreaks() {
    assertThat(TakeExport.csvText("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
    assertThat(TakeExport.csvText("")).isEmpty();
  }

  @Test
  @DisplayName("an unknown format names the ones that exist")
  void unknownFormat() {
    assertThatThrownBy(() -> TakeExport.Format.parse("xml")).hasMessage("unknown export format 'xml': use csv or json");
    assertThat(TakeExport.Format.parse(" Json ")).isEqualTo(TakeExport.Format.JSON);
  }
}
