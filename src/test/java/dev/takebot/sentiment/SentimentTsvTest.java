package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SentimentTsv")
class SentimentTsvTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("reads id and text in any column order and ignores other columns")
  void reads() throws Exception {
    SentimentTsv.Table t =
        SentimentTsv.parse(utf8("extra\ttext\tid\nx\thello\t7\ny\tbye\t8\n"), false);
    assertThat(t.rows()).extracting(SentimentTsv.Row::id).containsExactly("7", "8");
    assertThat(t.rows()).extracting(SentimentTsv.Row::text).containsExactly("hello", "bye");
    assertThat(t.hasGoldScore()).isFalse();
  }

  @Test
  @DisplayName("reads gold labels and scores, CRLF line ends and a byte order mark")
  void gold() throws Exception {
    SentimentTsv.Table t =
        SentimentTsv.parse(
            utf8("\uFEFFid\tgold_label\tgold_score\ttext\r\n1\tpositive\t0.5\tok\r\n"), true);
    assertThat(t.rows().get(0).goldLabel()).isEqualTo("positive");
    assertThat(t.rows().get(0).goldScore()).isEqualTo(0.5);
    assertThat(t.hasGoldScore()).isTrue();
  }

  @Test
  @DisplayName("reports a missing column on line 1")
  void missingColumn() {
    assertThatThrownBy(() -> SentimentTsv.parse(utf8("id\tbody\n1\tx\n"), false))
        .isInstanceOf(TsvFormatException.class)
        .hasMessageStartingWith("line 1:")
        .hasMessageContaining("'text'");
  }

  @Test
  @DisplayName("reports a ragged line with its number")
  void ragged() {
    assertThatThrownBy(() -> SentimentTsv.parse(utf8("id\ttext\n1\tfine\n2\ttoo\tmany\n"), false))
        .isInstanceOf(TsvFormatException.class)
        .hasMessageStartingWith("line 3:");
  }

  @Test
  @DisplayName("reports bad UTF-8 with its line number")
  void badUtf8() {
    byte[] bytes = {
      'i',
      'd',
      '\t',
      't',
      'e',
      'x',
      't',
      '\n',
      '1',
      '\t',
      'o',
      'k',
      '\n',
      '2',
      '\t',
      (byte) 0xC3,
      (byte) 0x28,
      '\n'
    };
    assertThatThrownBy(() -> SentimentTsv.parse(bytes, false))
        .isInstanceOf(TsvFormatException.class)
        .hasMessageStartingWith("line 3:")
        .hasMessageContaining("UTF-8");
  }

  @Test
  @DisplayName("reports an unknown gold label")
  void unknownLabel() {
    assertThatThrownBy(() -> SentimentTsv.parse(utf8("id\tgold_label\ttext\n1\thappy\tx\n"), true))
        .isInstanceOf(TsvFormatException.class)
        .hasMessageStartingWith("line 2:")
        .hasMessageContaining("happy");
  }
}
