package dev.takebot.sentiment;

import static dev.takebot.sentiment.TokenBuffer.T_CLAUSE;
import static dev.takebot.sentiment.TokenBuffer.T_FACE;
import static dev.takebot.sentiment.TokenBuffer.T_NEGATED;
import static dev.takebot.sentiment.TokenBuffer.T_NT;
import static dev.takebot.sentiment.TokenBuffer.T_QUESTION;
import static dev.takebot.sentiment.TokenBuffer.T_SENTENCE;

/**
 * Reads what chat says besides takes, which the lexicon would give a polarity: acknowledgements and
 * greetings ("ok", "thx", "gm"), talk about the chat itself ("wrong channel sorry", "mute the bot
 * pls"), curiosity ("curious how France will respond"), questions whose question mark was left off
 * ("anyone know a good podcast on the Sahel"), and negated belief, which reads as doubt ("je n'y
 * crois pas", "I don't believe it") rather than as a bare negation. Words in the chatter word list
 * ({@code sentiment/chatter.tsv}) name each pattern.
 *
 * <p>It runs after the scorer and the irony pass have given each token its valence, on texts with
 * some valence; faces and emoji keep theirs, since they show the writer's mood whatever the words
 * are about.
 */
final class Chatter {
  /** How far a belief verb and its negation may be apart in their clause ("je n'y crois pas"). */
  private static final int BELIEF_REACH = 4;

  /**
   * The longest text read as talk about the chat when it names it: "wrong channel sorry", "lol the
   * youtube link is broken for me"; longer texts that name a thread or a link judge more than it
   * ("all the people in this thread are disgusting").
   */
  private static final int META_TOKENS = 8;

  /**
   * The smallest valence (VADER's scale) that still judges in talk about the chat: "great" (3.1)
   * does, "wrong" (-2.1), "broken" and "sorry" do not.
   */
  private static final float STRONG = 2.5f;

  /** A negated belief reads as VADER's rating of "doubt". */
  private static final float DOUBT = -1.5f;

  private final Lexicon lex;
  private final float scale;
  private final float inquiry;

  Chatter(Lexicon lex, Tuning tuning) {
    this.lex = lex;
    this.scale = (float) tuning.scale();
    this.inquiry = (float) tuning.inquiry();
  }

  /**
   * Adjusts the valences of the {@code m} scored tokens of {@code tb} for chatter; returns the new
   * number of scored tokens (a negated belief verb gains a valence).
   */
  int apply(TokenBuffer tb, int m) {
    final int count = tb.count;
    // Most of what the rules look for is among the few scored tokens; the text's other tokens are
    // read only where a cue calls for them, so that a text with no chatter costs one pass over
    // its scored tokens (a pass over every token cost about 4% of the reading).
    boolean bareNegation = false;
    boolean praise = false;
    for (int r = 0; r < m; r++) {
      int k = tb.scored[r];
      float v = tb.sent[k];
      if (v < 0) {
        bareNegation |= negator(tb, k); // a negator is scored when it negates no judgement
      } else if (v > 0) {
        praise = true;
        if (k + 1 < count
            && kind(tb, k, Lexicon.CHAT_CURIOUS)
            && (tb.flags[k + 1] & (T_SENTENCE | T_CLAUSE)) == 0
            && kind(tb, k + 1, Lexicon.CHAT_ASKED)) {
          tb.sent[k] = 0; // "curious how France will respond": curiosity, no judgement
        }
      }
    }
    if (bareNegation) {
      for (int i = 0; i < count; i++) {
        if (kind(tb, i, Lexicon.CHAT_BELIEF)) {
          m = belief(tb, m, i);
        }
      }
    }
    if (count <= META_TOKENS) {
      for (int i = 0; i < count; i++) {
        if (kind(tb, i, Lexicon.CHAT_META)) {
          int end = tb.sentenceEnd(i);
          silenceMild(tb, m, tb.sentenceStart(i), end);
          i = end - 1;
        }
      }
    }
    if (praise) {
      for (int s = 0, end; s < count; s = end) {
        end = tb.sentenceEnd(s);
        if ((tb.flags[s] & T_QUESTION) == 0 && asks(tb, m, s, end)) {
          damp(tb, m, s, end);
        }
      }
    }
    if (kind(tb, 0, Lexicon.CHAT_ACK) && onlyAcknowledges(tb)) {
      silenceAcknowledgements(tb, m);
    }
    return m;
  }

  /**
   * Whether sentence [s, end) asks though no question mark ends it: it opens (after a lead word
   * such as "wait" or "btw") with a question word that no judgement follows ("what's the uranium
   * share", not "what's great is the battery"), or with "anyone" and a request verb ("anyone know a
   * good podcast", not "anyone looking for a great player should buy it").
   */
  private boolean asks(TokenBuffer tb, int m, int s, int end) {
    int q = kind(tb, s, Lexicon.CHAT_LEAD) ? s + 1 : s;
    if (q + 1 >= end) {
      return false;
    }
    if (kind(tb, q, Lexicon.CHAT_SEEKER)) {
      return kind(tb, q + 1, Lexicon.CHAT_REQUEST);
    }
    return kind(tb, q, Lexicon.CHAT_ASKS) && !judges(tb, m, q + 1);
  }

  /** Whether token {@code k} carries a valence. */
  private static boolean judges(TokenBuffer tb, int m, int k) {
    int r = tb.firstScored(m, k);
    return r < m && tb.scored[r] == k && tb.sent[k] != 0;
  }

  /**
   * A belief verb whose clause holds a negation that reached no judgement: the negation doubts the
   * belief. The verb takes the valence of doubt and the bare negation words count for nothing.
   */
  private int belief(TokenBuffer tb, int m, int b) {
    int from = b;
    while (from > 0 && b - from < BELIEF_REACH && (tb.flags[from] & (T_SENTENCE | T_CLAUSE)) == 0) {
      from--;
    }
    int to = b + 1;
    while (to < tb.count
        && to - b <= BELIEF_REACH
        && (tb.flags[to] & (T_SENTENCE | T_CLAUSE)) == 0) {
      to++;
    }
    // What the negation is about is unclear when the verb's clause judges something after it
    // ("I can't believe how good this is", "I don't believe this is good"): left as it reads.
    int first = tb.firstScored(m, from);
    for (int r = first; r < m && tb.scored[r] < to; r++) {
      int k = tb.scored[r];
      if (k > b && tb.sent[k] != 0 && !negator(tb, k)) {
        return m;
      }
    }
    boolean negated = false;
    for (int r = first; r < m && tb.scored[r] < to; r++) {
      int k = tb.scored[r];
      if (tb.sent[k] < 0 && negator(tb, k)) {
        if (kind(tb, k, Lexicon.CHAT_AMAZED) || (k > 0 && kind(tb, k - 1, Lexicon.CHAT_AMAZED))) {
          return m; // "I can't believe they did it", "can not believe": amazement
        }
        tb.sent[k] = 0;
        negated = true;
      }
    }
    if (!negated) {
      return m;
    }
    tb.flags[b] |= T_NEGATED;
    return tb.setValence(m, b, DOUBT * scale);
  }

  private static boolean negator(TokenBuffer tb, int k) {
    return (tb.flags[k] & (Lexicon.NEGATOR | T_NT)) != 0;
  }

  /**
   * Whether the text is made of acknowledgements and greetings alone ("ok", "ok ok", "gm"), faces
   * aside: "ok i'll check" or "battery life is ok" say more, and tweets rate such an "ok" as mild
   * praise.
   */
  private boolean onlyAcknowledges(TokenBuffer tb) {
    for (int k = 0; k < tb.count; k++) {
      if ((tb.flags[k] & T_FACE) == 0 && !kind(tb, k, Lexicon.CHAT_ACK)) {
        return false;
      }
    }
    return true;
  }

  /** Sets the valence of the acknowledgements among the scored words to zero. */
  private void silenceAcknowledgements(TokenBuffer tb, int m) {
    for (int r = 0; r < m; r++) {
      int k = tb.scored[r];
      if (kind(tb, k, Lexicon.CHAT_ACK)) {
        tb.sent[k] = 0;
      }
    }
  }

  /**
   * Sets the valence of the mild words in [from, to) to zero ("wrong channel sorry", "the bot is
   * broken"): strong ones still judge ("great stream today"), and faces keep theirs.
   */
  private void silenceMild(TokenBuffer tb, int m, int from, int to) {
    float strong = STRONG * scale;
    for (int r = tb.firstScored(m, from); r < m && tb.scored[r] < to; r++) {
      int k = tb.scored[r];
      if ((tb.flags[k] & T_FACE) == 0 && Math.abs(tb.sent[k]) < strong) {
        tb.sent[k] = 0;
      }
    }
  }

  /** Weighs the praise in [from, to) as a question's: it asks rather than judges. */
  private void damp(TokenBuffer tb, int m, int from, int to) {
    for (int r = tb.firstScored(m, from); r < m && tb.scored[r] < to; r++) {
      int k = tb.scored[r];
      if (tb.sent[k] > 0 && (tb.flags[k] & T_FACE) == 0) {
        tb.sent[k] *= inquiry;
      }
    }
  }

  private boolean kind(TokenBuffer tb, int k, int kind) {
    int id = tb.term[k];
    return id >= 0 && (lex.chatter(id) & kind) != 0;
  }
}
