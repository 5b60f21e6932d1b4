package dev.takebot.takes.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.sentiment.Label;
import dev.takebot.store.Stores;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("exports of a discussion's takes")
class TakeExportTest {
  private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
  private static final long POST = 100;

  @Test
  @DisplayName("a discussion's takes stream out as RFC 4180 CSV with formulas defused, or as JSON")
  void export(@TempDir Path dir) throws Exception {
    try (TakeRepository store =
        Stores.open("jdbc:sqlite:" + dir.resolve("export.db"), null, null)) {
      store.saveDiscussion(new Discussion(POST, 1, 10, POST, "key", "Title " + POST, T0));
      store.insertTake(
          new Take(
              1, POST, 10, 5, "=cmd|' /C calc'!A0", "plain", T0, null, Label.POSITIVE, 0.5, "v1"));
      store.insertTake(
          new Take(
              2,
              POST,
              10,
              6,
              "Bo",
              "says \"hi\",\nthen -1",
              T0,
              T0.plusSeconds(1),
              Label.NEGATIVE,
              -0.5,
              "v1"));
      TakeExport export =
          new TakeExport(
              new TakeService(store, new KeywordAnalyzer(), Clock.fixed(T0, ZoneOffset.UTC)));

      ByteArrayOutputStream csv = new ByteArrayOutputStream();
      export.write(POST, TakeExport.Format.parse("CSV"), csv);
      ByteArrayOutputStream json = new ByteArrayOutputStream();
      export.write(POST, TakeExport.Format.JSON, json);

      assertThat(csv.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "message_id,author_id,author,created_at,edited_at,label,score,analyzer_version,text\r\n"
                  + "1,5,'=cmd|' /C calc'!A0,2026-11-27T12:00:00Z,,positive,0.5,v1,plain\r\n"
                  + "2,6,Bo,2026-11-27T12:00:00Z,2026-11-27T12:00:01Z,negative,-0.5,v1,\"says \"\"hi\"\",\nthen -1\"\r\n");
      JsonNode root = new ObjectMapper().readTree(json.toByteArray());
      assertThat(root.get("title").asText()).isEqualTo("Title " + POST);
      assertThat(root.get("takes")).hasSize(2);
      assertThat(root.get("takes").get(1).get("text").asText()).isEqualTo("says \"hi\",\nthen -1");
      assertThat(root.get("takes").get(0).get("message_id").asText()).isEqualTo("1");
      assertThat(root.get("takes").get(0).get("edited_at").isNull()).isTrue();
    }
  }

  @ParameterizedTest(name = "[{0}] is written as [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
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
    assertThatThrownBy(() -> TakeExport.Format.parse("xml"))
        .hasMessage("unknown export format 'xml': use csv or json");
    assertThat(TakeExport.Format.parse(" Json ")).isEqualTo(TakeExport.Format.JSON);
  }
}
