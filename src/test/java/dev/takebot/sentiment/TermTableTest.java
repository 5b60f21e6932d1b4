package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TermTable")
class TermTableTest {
  private static int find(TermTable table, String text, int off, int len) {
    char[] buf = text.toCharArray();
    return table.find(buf, off, len, text.substring(off, off + len).hashCode());
  }

  @Test
  @DisplayName("finds every term by its id, from any offset of a buffer, and nothing else")
  void findsTermsByRange() {
    // given
    List<String> terms = List.of("good", "bad", "goo", "goods", ":)", "can't", "");
    TermTable table = new TermTable(terms);

    // then
    for (int id = 0; id < terms.size(); id++) {
      String t = terms.get(id);
      assertThat(find(table, "xx " + t + " yy", 3, t.length())).as(t).isEqualTo(id);
    }
    assertThat(find(table, "gooder", 0, 6)).isEqualTo(-1);
    assertThat(find(table, "go", 0, 2)).isEqualTo(-1);
    assertThat(find(table, "dab", 0, 3)).isEqualTo(-1);
  }

  @Test
  @DisplayName("a filtered table keeps the ids of the terms it holds and misses the others")
  void filteredTableKeepsIds() {
    // given
    List<String> terms = List.of("good", ":)", "bad", "<3");
    TermTable symbolic = new TermTable(terms, t -> !t.chars().allMatch(Character::isLetterOrDigit));

    // then
    assertThat(find(symbolic, ":)", 0, 2)).isEqualTo(1);
    assertThat(find(symbolic, "<3", 0, 2)).isEqualTo(3);
    assertThat(find(symbolic, "good", 0, 4)).isEqualTo(-1);
  }

  @Test
  @DisplayName("holds the whole bundled lexicon without losing a term")
  void holdsBundledLexicon() {
    // given
    Lexicon lex = new Lexicon(TermTableTest.class.getClassLoader());

    // then
    for (int id = 0; id < lex.names.length; id++) {
      String t = lex.names[id];
      assertThat(find(lex.table, t, 0, t.length())).as(t).isEqualTo(id);
    }
  }
}
