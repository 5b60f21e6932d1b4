package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fold")
class FoldTest {
  @Test
  @DisplayName("folds case and accents")
  void foldsCaseAndAccents() {
    assertThat(Fold.fold("GÉNIAL")).isEqualTo("genial");
    assertThat(Fold.fold("Don’t")).isEqualTo("don't");
  }

  @Test
  @DisplayName(
      "never turns a symbol into a letter or digit, so emoticons are looked up among symbolic terms only")
  void keepsSymbolsSymbols() {
    // given every char
    List<String> turned = new ArrayList<>();
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      // when a symbol is folded
      if (!Tokenizer.isWordChar((char) c) && Tokenizer.isWordChar(Fold.fold((char) c))) {
        turned.add(String.format("U+%04X", c));
      }
    }
    // then it stays a symbol
    assertThat(turned).isEmpty();
  }
}
