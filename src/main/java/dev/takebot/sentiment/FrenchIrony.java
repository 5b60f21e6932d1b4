package dev.takebot.sentiment;

import static dev.takebot.sentiment.TokenBuffer.T_CLAUSE;
import static dev.takebot.sentiment.TokenBuffer.T_FACE;
import static dev.takebot.sentiment.TokenBuffer.T_SENTENCE;

/**
 * "C'est beau le respect quand il y a de l'uranium à prendre", "joli discours quand on voit ce
 * qu'ils font": praise of a thing ("beau", "joli"), then "quand" and the circumstance that shows it
 * hollow, is French irony. The praise before "quand" is turned around. Praise of the moment itself
 * ("c'est beau quand les peuples se comprennent", "c'est beau de voir ça") and "quand même" ("belle
 * journée quand même") stay praise.
 *
 * <p>It runs after the scorer, only on texts with a "quand" or "lorsque" (the tokenizer notes the
 * first).
 */
final class FrenchIrony {
  /** How far into its sentence the praise may come: "c'est beau", "oh c'est joli". */
  private static final int LEAD = 3;

  /** How far the "quand" may come after the praise: a noun phrase, not a whole clause. */
  private static final int SPAN = 6;

  private final Lexicon lex;
  private final float flip;

  FrenchIrony(Lexicon lex, Tuning tuning) {
    this.lex = lex;
    this.flip = (float) tuning.sarcasm();
  }

  /** Turns ironic praise around among the {@code m} scored tokens of {@code tb}. */
  void apply(TokenBuffer tb, int m) {
    for (int k = tb.whenAt; k < tb.count; k++) {
      if ((roles(tb, k) & Lexicon.FR_WHEN) == 0
          || (k + 1 < tb.count && (roles(tb, k + 1) & Lexicon.FR_EVEN) != 0)) {
        continue;
      }
      int s = tb.sentenceStart(k);
      int praise = praiseBefore(tb, m, s, k);
      if (praise >= 0) {
        for (int r = tb.firstScored(m, s); r < m && tb.scored[r] < k; r++) {
          int j = tb.scored[r];
          if (tb.sent[j] > 0 && (tb.flags[j] & T_FACE) == 0) {
            tb.sent[j] *= flip;
            tb.ironic = true;
          }
        }
      }
    }
  }

  /**
   * The praise word that opens sentence {@code s} (after at most "c'est" or an opener) and names a
   * thing before the "quand" at {@code k}, in one clause: "c'est beau le respect quand", "belle
   * démocratie quand"; or -1.
   */
  private int praiseBefore(TokenBuffer tb, int m, int s, int k) {
    for (int a = s; a < k && a < s + LEAD; a++) {
      if (tb.isScored(m, a) && tb.sent[a] != 0) {
        if ((roles(tb, a) & Lexicon.FR_IRONIC_PRAISE) == 0 || tb.sent[a] < 0) {
          return -1; // the sentence opens with other words of judgement
        }
        if (k - a < 2 || k - a > SPAN) {
          return -1; // "c'est beau quand ...": the moment itself is praised
        }
        for (int j = a + 1; j <= k; j++) {
          if ((tb.flags[j] & (T_CLAUSE | T_SENTENCE)) != 0) {
            return -1;
          }
        }
        // "c'est beau le respect" names a thing; "c'est beau de voir", "c'est beau que" do not.
        boolean thing =
            (roles(tb, a + 1) & Lexicon.FR_DETERMINER) != 0 || (a == s && !joins(tb, a + 1));
        return thing ? a : -1;
      }
    }
    return -1;
  }

  /** Whether token {@code j} links the praise to a clause or a verb ("de", "que", "à"). */
  private boolean joins(TokenBuffer tb, int j) {
    return (roles(tb, j) & (Lexicon.FR_ONLY | Lexicon.FR_WHEN)) != 0
        || (tb.flags[j] & Lexicon.FUNC_FR) != 0 && (roles(tb, j) & Lexicon.FR_DETERMINER) == 0;
  }

  private int roles(TokenBuffer tb, int k) {
    return lex.frRoles(tb.term[k]);
  }
}
