package dev.takebot.sentiment;

import java.util.List;

/**
 * Immutable open-addressing table from folded terms to ids, looked up straight from a char buffer so the
 * hot path allocates no strings. The hash is {@link String#hashCode()}, which the tokenizer computes
 * incrementally while it folds characters.
 */
final class TermTable {
  /** Keys by id. */
  private final char[][] keys;
  /** Interleaved (hash, id + 1) per slot, so a probe touches one cache line; id + 1 == 0 marks an empty slot. */
  private final int[] slots;
  private final int mask;

  TermTable(List<String> terms) {
    int cap = Integer.highestOneBit(Math.max(16, terms.size() * 2 - 1)) << 1;
    keys = new char[terms.size()][];
    slots = new int[cap * 2];
    mask = cap - 1;
    for (int id = 0; id < terms.size(); id++) {
      String t = terms.get(id);
      keys[id] = t.toCharArray();
      int slot = mix(t.hashCode()) & mask;
      while (slots[2 * slot + 1] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[2 * slot] = t.hashCode();
      slots[2 * slot + 1] = id + 1;
    }
  }

  /** The id of {@code buf[off, off+len)} whose String hash is {@code hash}, or -1. */
  int find(char[] buf, int off, int len, int hash) {
    int slot = mix(hash) & mask;
    while (true) {
      int id = slots[2 * slot + 1] - 1;
      if (id < 0) {
        return -1;
      }
      if (slots[2 * slot] == hash) {
        char[] k = keys[id];
        if (k.length == len && same(k, buf, off, len)) {
          return id;
        }
      }
      slot = (slot + 1) & mask;
    }
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
