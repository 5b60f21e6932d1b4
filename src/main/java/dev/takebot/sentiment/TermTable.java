package dev.takebot.sentiment;

import java.util.List;
import java.util.function.Predicate;

/**
 * Immutable open-addressing table from folded terms to ids, looked up straight from a char buffer
 * so the hot path allocates no strings. The hash is {@link String#hashCode()}, which the tokenizer
 * computes incrementally while it folds characters.
 *
 * <p>The table is laid out for the cache, since a lookup per word is most of the analyser's memory
 * traffic: each slot is one int holding a 16-bit tag of the hash and the id, so the whole slot
 * array stays small (64 KiB for the bundled lexicons) and a miss almost never reads a key; the keys
 * sit end to end in one char array. About half the words of a text are in no lexicon; a
 * one-bit-per-tag filter (8 KiB) turns most of those away before the slot array is touched.
 */
final class TermTable {
  private static final int ID_BITS = 16;
  private static final int ID_MASK = (1 << ID_BITS) - 1;

  /** Per slot: (tag << 16) | (id + 1); 0 marks an empty slot. */
  private final int[] slots;

  private final int mask;

  /**
   * Every key, end to end; the key of id {@code i} is {@code chars[offsets[i], offsets[i + 1])}.
   */
  private final char[] chars;

  private final int[] offsets;

  /** Bit {@code t} is set when some term's tag is {@code t}. */
  private final long[] tags = new long[1 << (16 - 6)];

  /** A table of every term; a term's id is its index in {@code terms}. */
  TermTable(List<String> terms) {
    this(terms, t -> true);
  }

  /**
   * A table of the terms that pass {@code include}, keeping their ids (indexes in {@code terms}).
   */
  TermTable(List<String> terms, Predicate<String> include) {
    if (terms.size() >= ID_MASK) {
      throw new IllegalArgumentException("too many terms for a 16-bit id: " + terms.size());
    }
    int size = 0;
    int length = 0;
    for (String t : terms) {
      if (include.test(t)) {
        size++;
        length += t.length();
      }
    }
    int cap = Integer.highestOneBit(Math.max(16, size * 2 - 1)) << 1;
    slots = new int[cap];
    mask = cap - 1;
    chars = new char[length];
    offsets = new int[terms.size() + 1];
    int end = 0;
    for (int id = 0; id < terms.size(); id++) {
      String t = terms.get(id);
      offsets[id] = end;
      if (!include.test(t)) {
        offsets[id + 1] = end;
        continue;
      }
      t.getChars(0, t.length(), chars, end);
      end += t.length();
      offsets[id + 1] = end;
      int m = mix(t.hashCode());
      int slot = m & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = tag(m) | (id + 1);
      tags[m >>> 22] |= 1L << (m >>> 16);
    }
  }

  /** The id of {@code buf[off, off+len)} whose String hash is {@code hash}, or -1. */
  int find(char[] buf, int off, int len, int hash) {
    int m = mix(hash);
    if ((tags[m >>> 22] & (1L << (m >>> 16))) == 0) {
      return -1;
    }
    int tag = tag(m);
    int slot = m & mask;
    while (true) {
      int s = slots[slot];
      if (s == 0) {
        return -1;
      }
      if ((s & ~ID_MASK) == tag) {
        int id = (s & ID_MASK) - 1;
        int k = offsets[id];
        if (offsets[id + 1] - k == len && same(k, buf, off, len)) {
          return id;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  private boolean same(int k, char[] buf, int off, int len) {
    for (int i = 0; i < len; i++) {
      if (chars[k + i] != buf[off + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The high half of the mixed hash; the slot index comes from the low bits, so the two are
   * independent.
   */
  private static int tag(int m) {
    return m & ~ID_MASK;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
