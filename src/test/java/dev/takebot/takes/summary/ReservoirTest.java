package dev.takebot.takes.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sentiment.Label;
import dev.takebot.takes.Take;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reservoir")
class ReservoirTest {

  private static Take take(long id) {
    return new Take(id, 1, 1, id, "m", "take " + id, Instant.EPOCH, null, Label.NEUTRAL, 0, "t");
  }

  @Test
  @DisplayName("keeps everything while the stream is shorter than the reservoir")
  void shortStream() {
    Reservoir r = new Reservoir(10, new SplittableRandom(1));
    for (int i = 0; i < 7; i++) {
      r.offer(take(i));
    }
    assertThat(r.items).extracting(Representative::messageId).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  @DisplayName("samples uniformly from a long stream: early, middle and late takes alike")
  void uniform() {
    int n = 100_000;
    int k = 400;
    int[] perDecile = new int[10];
    double sum = 0;
    for (int seed = 0; seed < 5; seed++) {
      Reservoir r = new Reservoir(k, new SplittableRandom(seed));
      for (int i = 0; i < n; i++) {
        r.offer(take(i));
      }
      assertThat(r.items).hasSize(k);
      assertThat(r.items).extracting(Representative::messageId).doesNotHaveDuplicates();
      for (Representative rep : r.items) {
        perDecile[(int) (rep.messageId() * 10 / n)]++;
        sum += rep.messageId();
      }
    }
    // 2,000 draws: 200 expected per decile, standard deviation about 13
    assertThat(java.util.Arrays.stream(perDecile).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(140, 260));
    assertThat(sum / (5 * k)).isBetween(n * 0.46, n * 0.54);
  }
}
