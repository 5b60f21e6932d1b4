package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The judges' weight table")
class WeightTableTest {
  @Test
  void givesEveryKeyItsWeightBitsExactlyAndZeroForAnyOtherKey() {
    // Enough keys to fill the buckets to their limit, so residents are moved on insertion; a
    // weight read back wrong by a single bit would change a judge's log-odds.
    SplittableRandom random = new SplittableRandom(17);
    Map<Integer, Integer> stored = new HashMap<>();
    while (stored.size() < 20_000) {
      int key = random.nextInt();
      if (key != 0) {
        stored.put(key, Float.floatToRawIntBits((float) random.nextGaussian()));
      }
    }
    int[] keys = new int[stored.size()];
    int[] bits = new int[keys.length];
    int n = 0;
    for (var e : stored.entrySet()) {
      keys[n] = e.getKey();
      bits[n++] = e.getValue();
    }

    WeightTable table = WeightTable.of(keys, bits, n);

    for (var e : stored.entrySet()) {
      assertThat(table.bits(e.getKey())).as("key %d", e.getKey()).isEqualTo(e.getValue());
    }
    for (int i = 0; i < 100_000; i++) {
      int other = random.nextInt();
      if (other != 0 && !stored.containsKey(other)) {
        assertThat(table.bits(other)).isZero();
      }
    }
  }

  @Test
  void holdsASingleKeyAndNone() {
    assertThat(WeightTable.of(new int[] {42}, new int[] {7}, 1).bits(42)).isEqualTo(7);
    assertThat(WeightTable.of(new int[0], new int[0], 0).bits(42)).isZero();
  }
}
