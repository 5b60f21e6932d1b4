package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("fitting and checking halves")
class HalfTest {
  @Test
  @DisplayName("are decided by the text alone, by the second-to-last hex digit of its SHA-1")
  void byTheTextsHash() {
    // sha1("a") = 86f7e437faa5a7fce15d1ddcb9eaeaea377667b8: second-to-last digit b is odd.
    assertThat(Half.of("a")).isEqualTo(Half.CHECKING);
    // sha1("d") = 3c363836cf4e16666669a25da280a1865c2d2874: 7 is odd.
    assertThat(Half.of("d")).isEqualTo(Half.CHECKING);
    // sha1("i") = 042dc4512fa3d391c5170cf3aa61e6a638f84342 and sha1("j") ends in 06: 4 and 0 are
    // even.
    assertThat(Half.of("i")).isEqualTo(Half.FITTING);
    assertThat(Half.of("j")).isEqualTo(Half.FITTING);
  }

  @Test
  @DisplayName("put about half of many texts on each side")
  void splitEvenly() {
    long checking =
        IntStream.range(0, 10_000).filter(i -> Half.of("take " + i) == Half.CHECKING).count();
    assertThat(checking).isBetween(4_700L, 5_300L);
  }
}
