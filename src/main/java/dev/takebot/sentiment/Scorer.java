package dev.takebot.sentiment;

import static dev.takebot.sentiment.TokenBuffer.T_BOLD;
import static dev.takebot.sentiment.TokenBuffer.T_CLAUSE;
import static dev.takebot.sentiment.TokenBuffer.T_CUSTOM;
import static dev.takebot.sentiment.TokenBuffer.T_EMOJI;
import static dev.takebot.sentiment.TokenBuffer.T_FACE;
import static dev.takebot.sentiment.TokenBuffer.T_INTERJECTION;
import static dev.takebot.sentiment.TokenBuffer.T_NEGATED;
import static dev.takebot.sentiment.TokenBuffer.T_NT;
import static dev.takebot.sentiment.TokenBuffer.T_QUESTION;
import static dev.takebot.sentiment.TokenBuffer.T_QUOTED;
import static dev.takebot.sentiment.TokenBuffer.T_SENTENCE;
import static dev.takebot.sentiment.TokenBuffer.T_UPPER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a text's tokens by VADER's published rules (boosters, ALL CAPS, negation over three words,
 * "but", punctuation emphasis, {@code x / sqrt(x² + alpha)}) with the fitted numbers of {@link
 * Tuning}, and decides "mixed" from the positive and negative mass before contrast reweights it.
 */
final class Scorer {
  static final int MAX_REASONS = 5;

  /**
   * How far back a French negation reaches a sentiment word in its clause ("ne ... pas" wraps the
   * verb).
   */
  private static final int FAR_REACH = 8;

  private static final float B_INCR = 0.293f;
  private static final float C_INCR = 0.733f;
  private static final float[] DECAY = {1f, 0.95f, 0.9f};

  private final Lexicon lex;
  private final Tuning tuning;
  private final float scale;
  private final Irony irony;
  private final FrenchIrony frenchIrony;
  private final Chatter chatter;
  private final Calibration calibration;

  /** The learned decision of the label, or null for the rules' own. */
  private final LabelModel model;

  private final WordModel praiseJudge;
  private final WordModel mixedJudge;
  private final WordModel cynicismJudge;
  private final WordModel factJudge;

  /**
   * The score of a take the judge of cynicism reads negative: what one mild word of blame reads
   * ("the reset is a letdown"), since no word says how strong the scorn is.
   */
  static final double CYNICAL_SCORE = -0.3;

  /** The largest score that still reads neutral ({@link Label#threeClass}). */
  private static final double NEUTRAL_EDGE = 0.05;

  /** A scorer whose label is the rules' decision alone (the fitting commands read it). */
  Scorer(Lexicon lex, Tuning tuning, Calibration calibration) {
    this(lex, tuning, calibration, null);
  }

  Scorer(Lexicon lex, Tuning tuning, Calibration calibration, LabelModel model) {
    this(lex, tuning, calibration, model, Judges.NONE);
  }

  /** With {@code judges} weighing what the rules read (see {@link Judges}). */
  Scorer(Lexicon lex, Tuning tuning, Calibration calibration, LabelModel model, Judges judges) {
    this.praiseJudge = judges.praise();
    this.mixedJudge = judges.mixed();
    this.cynicismJudge = judges.cynicism();
    this.factJudge = judges.fact();
    this.lex = lex;
    this.tuning = tuning;
    this.calibration = calibration;
    this.model = model;
    this.scale = (float) tuning.scale();
    this.irony = new Irony(lex, tuning);
    this.frenchIrony = new FrenchIrony(lex, tuning);
    this.chatter = new Chatter(lex, tuning);
  }

  /** The reading of the tokens in {@code tb}; overwrites their valences and flags. */
  Sentiment score(TokenBuffer tb) {
    final int count = tb.count;
    if (count == 0) {
      return Sentiment.neutral();
    }
    final int[] term = tb.term;
    final int[] tf = tb.flags;
    final Lexicon lex = this.lex;
    final boolean french = tb.frWords >= 2 && tb.frWords > tb.enWords;
    final boolean frFallback = tb.enWords == 0;
    // French negation words agree rather than cancel, in texts read as French.
    final boolean concord = french || frFallback;
    final boolean capDiff = tb.upperWords > 0 && tb.upperWords < count;
    final float negation = (float) tuning.negation();
    // Only the tokens given a valence are listed in scored, in order, and only their slots of sent
    // are read: the
    // passes after this loop then go over a few tokens rather than all of them.
    final float[] sent = tb.sent;
    final int[] scored = tb.scored;
    int m = 0;
    // Degree words that modified a sentiment word: they strengthen it rather than lengthen the
    // text.
    int modifiers = 0;
    for (int i = 0; i < count; i++) {
      int f = tf[i];
      float base;
      int firstModifier = 0;
      if ((f & (T_EMOJI | T_CUSTOM)) != 0) {
        base = tb.val[i];
      } else {
        if ((f & (Lexicon.VALENCE | Lexicon.NEGATOR | Lexicon.PHRASE_HEAD)) == 0
            || (f & Lexicon.BOOSTER) != 0) {
          // Most words: no valence, no phrase, nothing to negate. VADER: degree adverbs modify
          // their neighbour
          // and carry no valence of their own.
          continue;
        }
        int id = term[i];
        if ((f & Lexicon.NEGATOR) != 0
            && tb.quest == 0
            && !valenceAhead(tb, i, french, concord)
            && !(concord && spent(tb, i))) {
          // A negation with nothing to negate ("it does not work", "didn't last") leans negative.
          sent[i] = (float) tuning.bareNegation();
          scored[m++] = i;
          continue;
        }
        if ((f & Lexicon.KIND) != 0 && i + 1 < count && (tf[i + 1] & Lexicon.OF) != 0) {
          continue;
        }
        // French readings apply to French texts, and to texts with no English function word at all
        // ("génial").
        base =
            french
                ? pick(lex.fr(id), lex.en(id))
                : frFallback ? pick(lex.en(id), lex.fr(id)) : lex.en(id);
        if ((f & Lexicon.PHRASE_HEAD) != 0
            && i > 0
            && term[i - 1] >= 0
            && (tf[i - 1] & T_EMOJI) == 0) {
          float p = lex.phrase(term[i - 1], id);
          if (p == p) {
            base = p;
            firstModifier = 1;
            sent[i - 1] = 0; // the first word now counts in the phrase only
          }
        }
        if (base != base) {
          continue;
        }
        if ((f & Lexicon.LIKE) != 0 && !(i > 0 && (tf[i - 1] & Lexicon.LIKE_SUBJECT) != 0)) {
          continue; // "like" as a verb ("I like it") carries sentiment; "looks like", "like a" do
          // not
        }
        if ((f & T_INTERJECTION) != 0) {
          continue;
        }
        if ((f & Lexicon.SOFT_BOOSTER) != 0 && i + 1 < count && hasValence(tf[i + 1])) {
          continue; // "pretty good", "damn good": an intensifier here, not a word of its own
        }
        if ((f & Lexicon.NO) != 0 && i + 1 < count && hasValence(tf[i + 1]) && !isNo(tf[i + 1])) {
          continue; // "no" negates the next word rather than carrying its own valence
        }
      }
      float v = base * scale;
      int reach = 0; // how many preceding tokens share this clause (at most 3)
      while (reach < 3 && i - reach - 1 >= 0 && (tf[i - reach] & (T_CLAUSE | T_SENTENCE)) == 0) {
        reach++;
      }
      if ((f & T_FACE) != 0) {
        reach = 0;
      }
      // "no no no!" repeats a refusal; the second "no" does not cancel the first.
      if (!isNo(f)
          && ((reach >= 1 && isNo(tf[i - 1]))
              || (reach >= 2 && isNo(tf[i - 2]))
              || (reach >= 3 && isNo(tf[i - 3]) && (tf[i - 1] & Lexicon.OR_NOR) != 0))) {
        v = base * scale * negation;
        f |= T_NEGATED;
      }
      if ((f & T_UPPER) != 0 && capDiff) {
        v += v > 0 ? C_INCR : -C_INCR;
      }
      if ((f & T_BOLD) != 0) {
        v += v > 0 ? C_INCR / 2 : -C_INCR / 2;
      }
      boolean frenchPair = false;
      for (int k = firstModifier; k < reach; k++) {
        int j = i - k - 1;
        int g = tf[j];
        if (hasValence(g) && (!concord || polar(tb, j))) {
          break; // a modifier reaches only the nearest sentiment word: "don't care don't care" is
          // not a double negation (a word French rates neutral is none: "pas du tout bon")
        }
        if ((g & (Lexicon.BOOSTER | Lexicon.SOFT_BOOSTER)) != 0) {
          float s = k == 0 && (g & Lexicon.SOFT_BOOSTER) != 0 ? B_INCR : lex.boost(term[j]);
          if (s != 0) {
            if (v < 0) {
              s = -s;
            }
            if ((g & T_UPPER) != 0 && capDiff) {
              s += v > 0 ? C_INCR : -C_INCR;
            }
            v += s * DECAY[k];
            modifiers++;
          }
        }
        if ((g & (Lexicon.NEGATOR | T_NT)) != 0) {
          // French "ne ... pas" is one negation in two words: the second of the pair does not flip
          // again.
          // Other French negations join the first too ("sans aucun respect", "ne ... jamais
          // rien"): French negation words agree rather than cancel.
          boolean pair = concord && term[j] >= 0 && frenchPair;
          if (!pair && !(concord && spent(tb, j))) {
            v *= negation;
            f ^= T_NEGATED;
          }
          frenchPair = true;
        }
      }
      if (french && reach == 3 && (f & T_FACE) == 0 && farNegator(tb, i)) {
        v *= negation;
        f ^= T_NEGATED;
      }
      if (concord
          && reach >= 1
          && i + 1 < count
          && (tf[i + 1] & Lexicon.NEGATOR) != 0
          && (f & (T_NEGATED | T_FACE)) == 0
          && negatedAfter(tb, i)) {
        v *= negation; // "j'aime pas", "on respecte jamais": the "ne" dropped, as people write
        f |= T_NEGATED;
      }
      if (reach > 0
          && (tf[i - 1] & Lexicon.LEAST) != 0
          && !(i > 1 && (tf[i - 2] & Lexicon.AT_VERY) != 0)) {
        v *= negation;
      }
      if ((f & T_QUOTED) != 0) {
        v *= (float) tuning.quoted();
      }
      if ((f & T_QUESTION) != 0 && (f & T_FACE) == 0) {
        v *= (float) tuning.question(); // "any good films out?" asks; it does not judge
      }
      tf[i] = f;
      sent[i] = v;
      scored[m++] = i;
    }
    if (tb.whenAt >= 0 && m > 0) {
      frenchIrony.apply(tb, m);
    }
    if (Irony.hasCues(tb)) {
      m = irony.apply(tb, m);
    }
    if (m > 0) {
      m = chatter.apply(tb, m);
    }
    tb.learnedIrony = false;
    if (praiseJudge != null && WordModel.inScope(tb, m) && praiseJudge.passes(tb, m, lex)) {
      irony.turnAll(tb, m);
      tb.learnedIrony = true;
    }
    tb.scoredCount = m;
    Sentiment reading = m == 0 ? Sentiment.neutral() : reading(tb, m, count - modifiers);
    if (factJudge != null && WordModel.inFactScope(reading, tb) && factJudge.passes(tb, m, lex)) {
      // Words that judge, in a take that states a fact ("the coup in Niger was in July 2023"): the
      // learned judge reads it neutral, keeping the side it leaned to.
      double score = Math.max(-NEUTRAL_EDGE, Math.min(NEUTRAL_EDGE, reading.score()));
      return new Sentiment(Label.NEUTRAL, score, reasons(tb, m, true));
    }
    if (cynicismJudge != null
        && WordModel.inCynicismScope(reading, tb)
        && cynicismJudge.passes(tb, m, lex)) {
      // No word judges, yet the take scorns ("local superpower discovers africa for the fourth
      // time this century"): the learned judge reads the words that carry it.
      List<String> reasons = new ArrayList<>(reasons(tb, m, false));
      reasons.add(Sentiment.CYNICISM);
      reasons.add(Sentiment.LEARNED);
      return new Sentiment(Label.NEGATIVE, CYNICAL_SCORE, reasons);
    }
    return reading;
  }

  /**
   * Sums the valences of the {@code m} scored tokens into the reading, with its label and reasons;
   * {@code length} is the text's token count less the degree words, for the calibration.
   */
  private Sentiment reading(TokenBuffer tb, int m, int length) {
    final float[] sent = tb.sent;
    final int[] scored = tb.scored;
    // Mixed is judged on the words as written, before contrast shifts the weight towards one side.
    double pos = 0;
    double neg = 0;
    for (int r = 0; r < m; r++) {
      float v = sent[scored[r]];
      if (v > 0) {
        pos += v;
      } else {
        neg -= v;
      }
    }
    // Contrast: the part after "but"/"mais" carries the writer's point.
    int c = tb.contrastAt;
    if (c >= 0) {
      float before = (float) tuning.beforeContrast();
      float after = (float) tuning.afterContrast();
      for (int r = 0; r < m; r++) {
        int k = scored[r];
        if (k < c) {
          sent[k] *= before;
        } else if (k > c) {
          sent[k] *= after;
        }
      }
    }
    if (tb.sarcasm) {
      float s = (float) tuning.sarcasm();
      for (int r = 0; r < m; r++) {
        sent[scored[r]] *= s;
      }
    }
    double sum = 0;
    double positive = 0;
    for (int r = 0; r < m; r++) {
      float v = sent[scored[r]];
      sum += v;
      if (v > 0) {
        positive += v;
      }
    }
    double negative = positive - sum;
    double amp = Math.min(tb.excl, 4) * 0.292;
    if (tb.quest > 1) {
      amp += tb.quest <= 3 ? tb.quest * 0.18 : 0.96;
    }
    if (sum > 0) {
      sum += amp;
    } else if (sum < 0) {
      sum -= amp;
    }
    double dz = tuning.deadZone();
    if (Math.abs(sum) <= dz) {
      sum = 0;
    } else {
      sum -= Math.signum(sum) * dz;
    }
    double score = sum / Math.sqrt(sum * sum + tuning.alpha());
    score = Math.max(-1, Math.min(1, score));
    double strong = Math.max(pos, neg);
    double weak = Math.min(pos, neg);
    // A "/s" says the whole text means the opposite of its words: one side, never mixed.
    boolean mixed =
        !tb.sarcasm && weak >= tuning.mixedMin() && weak >= tuning.mixedRatio() * strong;
    Label label = mixed ? Label.MIXED : Label.threeClass(score);
    tb.ruleScore = score;
    tb.positive = positive;
    tb.negative = negative;
    tb.emphasis = amp;
    tb.length = length;
    score = calibration.score(score, positive, negative, length, amp);
    boolean learned = tb.learnedIrony;
    if (model != null) {
      double[] f = tb.features;
      LabelModel.features(tb, m, score, mixed, f);
      double decided = model.score(f, length, calibration);
      // A mixed reading stays mixed; the model sets which way it leans.
      learned |= Label.threeClass(decided) != Label.threeClass(score);
      score = decided;
      if (!mixed) {
        label = Label.threeClass(score);
      }
    }
    if (mixedJudge != null && WordModel.mixedCandidate(tb, m)) {
      // The learned judge finds mixed takes the rules read one-sided ("nice tone, thin
      // substance"), and one-sided takes the rules read mixed ("finally a reset after years of
      // failed policy"); the score, and so the three-class reading, stays.
      if (label != Label.MIXED && mixedJudge.findsMixed(tb, m, lex)) {
        label = Label.MIXED;
        learned = true;
      } else if (label == Label.MIXED && mixedJudge.rejects(tb, m, lex)) {
        label = Label.threeClass(score);
        learned = true;
      }
    }
    return new Sentiment(label, score, reasons(tb, m, learned));
  }

  private static float pick(float first, float second) {
    return first == first ? first : second;
  }

  /**
   * Whether a negator four to six words back, in the same clause and with no sentiment word or
   * negator between, negates token {@code i}: French wraps the verb in "ne ... pas", so the judged
   * word often comes well after the negation ("je ne trouve pas cette décision très bonne").
   */
  private boolean farNegator(TokenBuffer tb, int i) {
    final int[] tf = tb.flags;
    for (int j = i - 1; j >= i - 3; j--) {
      if (unnegatedPolar(tb, j) || (tf[j] & (Lexicon.NEGATOR | T_NT)) != 0) {
        return false; // the near window already decided
      }
    }
    for (int j = i - 4; j >= 0 && j >= i - FAR_REACH; j--) {
      // The tokens from j + 2 to i share i's clause (the near window's), so only j + 1 may open a
      // new one. A word the same negation already reached ("pas ... un grand succès") lets it
      // reach on.
      if ((tf[j + 1] & (T_SENTENCE | T_CLAUSE)) != 0 || unnegatedPolar(tb, j)) {
        return false;
      }
      if ((tf[j] & (Lexicon.NEGATOR | T_NT)) != 0) {
        return !spent(tb, j);
      }
    }
    return false;
  }

  /**
   * Whether the French negation word at {@code j} has already negated the word just before it, a
   * verb, and so reaches no further: "je ne doute pas que ce soit une bonne chose", "j'aime pas
   * cette politique stupide". Only read for texts read as French.
   */
  private boolean spent(TokenBuffer tb, int j) {
    return j > 0
        && (tb.flags[j - 1] & T_NEGATED) != 0
        && (tb.flags[j] & (T_CLAUSE | T_SENTENCE)) == 0
        && (lex.frRoles(tb.term[j]) & Lexicon.FR_POST_NEGATOR) != 0;
  }

  /**
   * Whether the sentiment word at {@code i} is a verb negated by the "pas" or "jamais" right after
   * it, its "ne" dropped ("j'aime pas cette politique"): a clitic pronoun before it says it is a
   * verb ("la paix, pas la guerre" has none), and "pas mal", "pas terrible" are phrases of their
   * own.
   */
  private boolean negatedAfter(TokenBuffer tb, int i) {
    final int[] tf = tb.flags;
    int n = i + 1;
    if ((tf[n] & (T_CLAUSE | T_SENTENCE)) != 0
        || (lex.frRoles(tb.term[n]) & Lexicon.FR_POST_NEGATOR) == 0
        || (lex.frRoles(tb.term[i - 1]) & Lexicon.FR_PRONOUN) == 0) {
      return false;
    }
    int after = n + 1;
    return !(after < tb.count
        && (tf[after] & Lexicon.PHRASE_HEAD) != 0
        && (tf[after] & (T_CLAUSE | T_SENTENCE)) == 0
        && tb.term[after] >= 0
        && lex.phrase(tb.term[n], tb.term[after]) == lex.phrase(tb.term[n], tb.term[after]));
  }

  /**
   * Whether a sentiment word follows negator {@code i} within its reach (further in French: see
   * farNegator).
   */
  private boolean valenceAhead(TokenBuffer tb, int i, boolean french, boolean concord) {
    int reach = french ? FAR_REACH : 3;
    for (int k = i + 1; k < tb.count && k <= i + reach && (tb.flags[k] & T_SENTENCE) == 0; k++) {
      if (k > i + 3 && (tb.flags[k] & T_CLAUSE) != 0) {
        break;
      }
      if (hasValence(tb.flags[k]) && (!concord || polar(tb, k))) {
        return true;
      }
    }
    return false;
  }

  private boolean unnegatedPolar(TokenBuffer tb, int j) {
    return (tb.flags[j] & T_NEGATED) == 0 && polar(tb, j);
  }

  /** Whether a token with these flags is "no" (or "non", "nope"...): emoji carry no term flags. */
  private static boolean isNo(int tokenFlags) {
    return (tokenFlags & Lexicon.NO) != 0;
  }

  /**
   * Like hasValence, but read as French (only farNegator asks): a word whose French valence is zero
   * is neutral even if English rates it ("tout" in "pas du tout", which VADER reads as English
   * "tout", to tout).
   */
  private boolean polar(TokenBuffer tb, int j) {
    if (!hasValence(tb.flags[j])) {
      return false;
    }
    int id = tb.term[j];
    if (id < 0) {
      return true; // an emoji
    }
    float v = pick(lex.fr(id), lex.en(id));
    return v != 0;
  }

  /** Whether a token with these flags is a sentiment word or emoji. */
  private static boolean hasValence(int tokenFlags) {
    return (tokenFlags & (T_EMOJI | T_CUSTOM | Lexicon.VALENCE)) != 0;
  }

  private List<String> reasons(TokenBuffer tb, int m, boolean learned) {
    // Collected in an array and handed over as an immutable list, which Sentiment keeps without
    // copying.
    // One pass keeps the strongest few in order: the larger |valence| first, the earlier token on a
    // tie.
    final float[] sent = tb.sent;
    final int[] top = tb.top;
    int kept = 0;
    for (int r = 0; r < m; r++) {
      int i = tb.scored[r];
      if (i >= 64) {
        break; // only the first 64 tokens give reasons
      }
      float a = Math.abs(sent[i]);
      if (a == 0 || (kept == MAX_REASONS && a <= Math.abs(sent[top[kept - 1]]))) {
        continue;
      }
      int k = kept < MAX_REASONS ? kept++ : MAX_REASONS - 1;
      while (k > 0 && Math.abs(sent[top[k - 1]]) < a) {
        top[k] = top[k - 1];
        k--;
      }
      top[k] = i;
    }
    String[] out = tb.reasons;
    int size = 0;
    for (int r = 0; r < kept; r++) {
      out[size++] = name(tb, top[r]);
    }
    if (tb.ironic) {
      out[size++] = Sentiment.IRONY;
    }
    if (tb.sarcasm) {
      out[size++] = "/s";
    }
    if (learned) {
      out[size++] = Sentiment.LEARNED;
    }
    // List.of with the names one by one: the array form copies its argument, which the caller would
    // copy first.
    return switch (size) {
      case 0 -> List.of();
      case 1 -> List.of(out[0]);
      case 2 -> List.of(out[0], out[1]);
      case 3 -> List.of(out[0], out[1], out[2]);
      case 4 -> List.of(out[0], out[1], out[2], out[3]);
      case 5 -> List.of(out[0], out[1], out[2], out[3], out[4]);
      case 6 -> List.of(out[0], out[1], out[2], out[3], out[4], out[5]);
      case 7 -> List.of(out[0], out[1], out[2], out[3], out[4], out[5], out[6]);
      default -> List.of(Arrays.copyOf(out, size));
    };
  }

  private String name(TokenBuffer tb, int i) {
    int f = tb.flags[i];
    if ((f & (T_CUSTOM | T_EMOJI)) == 0) {
      int id = tb.term[i];
      return (f & T_NEGATED) != 0 ? lex.negatedNames[id] : lex.names[id];
    }
    String name =
        (f & T_CUSTOM) != 0
            ? tb.customNames[i]
            : lex.emojiName(Character.codePointAt(tb.src, tb.start[i]));
    return (f & T_NEGATED) != 0 ? "not " + name : name;
  }
}
