package dev.takebot.sentiment;

import java.util.SplittableRandom;

/**
 * A judge's weights keyed by feature hash, laid out so that a look-up takes no branch: each hash
 * lives in one of two buckets of two slots (cuckoo hashing), and a look-up reads both buckets and
 * keeps the weight of the slot whose key matches. Most words and pairs of a text are weighed (about
 * two in three), so whether a feature is there is a coin toss the CPU cannot predict; with no
 * branch to mispredict, the look-ups of a text's features overlap instead of waiting on each other.
 *
 * <p>Keys are non-zero hashes (0 marks a free slot), each stored once, so at most one slot matches
 * (the same slot twice where both buckets are one): the weight's bits are OR-ed together, never
 * added, and read back exactly as stored.
 */
final class WeightTable {
  /** Slots per bucket: two key and weight pairs, 16 bytes, never across a cache line. */
  private static final int SLOTS = 2;

  /** Ints per bucket: a key and a weight per slot. */
  private static final int CELLS = 2 * SLOTS;

  /** Interleaved key and weight bits, bucket after bucket. */
  private final int[] cells;

  private final int mask;
  private final int shift;

  private WeightTable(int[] cells, int buckets) {
    this.cells = cells;
    this.mask = buckets - 1;
    this.shift = 32 - Integer.numberOfTrailingZeros(buckets);
  }

  /**
   * The table of {@code n} distinct non-zero keys and their weights' bits. Buckets are sized for a
   * load of at most 0.8 (two-choice buckets of two fill to about 0.9 before insertion fails); if
   * insertion fails anyway, the table doubles.
   */
  static WeightTable of(int[] keys, int[] bits, int n) {
    int buckets = Integer.highestOneBit(Math.max(2, (int) Math.ceil(n / (SLOTS * 0.8))));
    if (buckets * SLOTS * 0.8 < n) {
      buckets <<= 1;
    }
    while (true) {
      WeightTable table = new WeightTable(new int[buckets * CELLS], buckets);
      if (table.fill(keys, bits, n)) {
        return table;
      }
      buckets <<= 1;
    }
  }

  /** The weight's bits for non-zero {@code h}, or 0 (the bits of 0f) if the model lacks it. */
  int bits(int h) {
    final int[] c = cells;
    int a = first(h) * CELLS;
    int b = second(h) * CELLS;
    return c[a + 1] & match(c[a], h)
        | c[a + 3] & match(c[a + 2], h)
        | c[b + 1] & match(c[b], h)
        | c[b + 3] & match(c[b + 2], h);
  }

  /** All ones if {@code key} is {@code h}, else 0: arithmetic, so that the JIT emits no branch. */
  private static int match(int key, int h) {
    int x = key ^ h;
    return ~((x | -x) >> 31);
  }

  private int first(int h) {
    return h & mask;
  }

  private int second(int h) {
    return (h * 0x9E3779B1) >>> shift & mask;
  }

  /** Inserts every key, moving residents to their other bucket as needed; false if stuck. */
  private boolean fill(int[] keys, int[] bits, int n) {
    // A fixed seed: the same model always gets the same layout.
    SplittableRandom random = new SplittableRandom(0x5eed);
    int maxKicks = 500;
    for (int i = 0; i < n; i++) {
      int key = keys[i];
      int value = bits[i];
      int bucket = first(key);
      for (int kick = 0; ; kick++) {
        if (put(bucket, key, value) || put(otherBucket(bucket, key), key, value)) {
          break;
        }
        if (kick == maxKicks) {
          return false;
        }
        // Both buckets full: evict a random resident of one and re-home it.
        bucket = random.nextBoolean() ? bucket : otherBucket(bucket, key);
        int slot = bucket * CELLS + 2 * random.nextInt(SLOTS);
        int evictedKey = cells[slot];
        int evictedValue = cells[slot + 1];
        cells[slot] = key;
        cells[slot + 1] = value;
        key = evictedKey;
        value = evictedValue;
        bucket = otherBucket(bucket, key);
      }
    }
    return true;
  }

  private int otherBucket(int bucket, int key) {
    int a = first(key);
    return bucket == a ? second(key) : a;
  }

  private boolean put(int bucket, int key, int value) {
    int base = bucket * CELLS;
    for (int s = 0; s < SLOTS; s++) {
      int slot = base + 2 * s;
      if (cells[slot] == 0) {
        cells[slot] = key;
        cells[slot + 1] = value;
        return true;
      }
    }
    return false;
  }
}
