package dev.takebot.sentiment;

import java.util.List;

/**
 * Immutable open-addressing table from folded terms to ids, looked up straight from a char buffer so the
 * hot path allocates no strings. The hash is {@link String#hashCode()}, which the tokenizer computes
 * incrementally while it folds characters.
 */
final class TermTable {
  private final char[][] keys;
  private final int[] hashes;
  private final int[] ids;
  private final int mask;

  TermTable(List<String> terms) {
    int cap = Integer.highestOneBit(Math.max(16, terms.size() * 3)) << 1;
    keys = new char[cap][];
    hashes = new int[cap];
    ids = new int[cap];
    mask = cap - 1;
    for (int id = 0; id < terms.size(); id++) {
      String t = terms.get(id);
      int slot = mix(t.hashCode()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = t.toCharArray();
      hashes[slot] = t.hashCode();
      ids[slot] = id;
    }
  }

  /** The id of {@code buf[off, off+len)} whose String hash is {@code hash}, or -1. */
  int find(char[] buf, int off, int len, int hash) {
    int slot = mix(hash) & mask;
    while (true) {
      char[] k = keys[slot];
      if (k == null) {
        return -1;
      }
      // Comparing the stored hash first avoids touching most keys' arrays at all.
      if (hashes[slot] == hash && k.length == len && same(k, buf, off, len)) {
        return ids[slot];
      }
      slot = (slot + 1) & mask;
    }
  }

  int find(String s) {
    return find(s.toCharArray(), 0, s.length(), s.hashCode());
  }

  private static boolean same(char[] k, char[] buf, int off, int len) {
    for (int i = 0; i < len; i++) {
      if (k[i] != buf[off + i]) {
        return false;
      }
    }
    return true;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
