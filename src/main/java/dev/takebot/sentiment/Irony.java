package dev.takebot.sentiment;

import static dev.takebot.sentiment.TokenBuffer.T_CLAUSE;
import static dev.takebot.sentiment.TokenBuffer.T_FACE;
import static dev.takebot.sentiment.TokenBuffer.T_SENTENCE;
import static dev.takebot.sentiment.TokenBuffer.T_UPPER;

/**
 * Reads irony and sarcasm, which a lexicon reads as praise: irony phrases ("thanks for nothing",
 * "oh sure"), scare quotes around praise ("they 'respect' us now"), praise stressed after an opener
 * ("sure, *great* plan"), rhetorical double question marks ("great diplomacy??"), a praise
 * interjection before "another" ("great, another delay", "bravo, encore une belle promesse"),
 * praise followed by a contradicting tail ("great diplomacy, shame about the coup") and praise next
 * to an eye-roll emoji. Ironic praise is turned around by the sarcasm factor; laughter and happy
 * faces in an ironic text mock and count for nothing. It also weighs down the words of questions
 * that open with a question word ("is the stream live?"), which ask rather than judge.
 *
 * <p>It runs after the scorer has given each token its valence, and only on texts with a cue (a cue
 * word, a span, an eye roll), so most texts never reach it.
 */
final class Irony {
  private final Lexicon lex;
  private final float flip;
  private final float scale;
  private final float inquiry;

  /** Factor for laughter that laughs at a third party: scorn, where laughter reads as mirth. */
  private final float scorn = -0.5f;

  /**
   * The longest quote read as scare quotes on its own; a longer one ("respect for Mali's
   * sovereignty") is a slogan held up for scorn only where the text laughs at it, and otherwise
   * quotes a title or a search ("best hotels new york").
   */
  private static final int SHORT_QUOTE = 3;

  /** How many words may name whom praise is said to before its comma ("bravo Washington,"). */
  private static final int VOCATIVE = 2;

  /** The least negative mass after congratulation that makes it a failure ("you lost": 1.3). */
  private final float minFailure;

  Irony(Lexicon lex, Tuning tuning) {
    this.lex = lex;
    this.flip = (float) tuning.sarcasm();
    this.scale = (float) tuning.scale();
    this.inquiry = (float) (tuning.inquiry() / tuning.question());
    this.minFailure = 1.0f * scale;
  }

  /** Whether this emoji rolls its eyes at what it follows: 🙄 🙃 🤡 😒 🤨 😑. */
  static boolean isEyeRoll(int cp) {
    return cp == 0x1F644
        || cp == 0x1F643
        || cp == 0x1F921
        || cp == 0x1F612
        || cp == 0x1F928
        || cp == 0x1F611
        || cp == 0x1F480; // 💀: "this aged well 💀"
  }

  /** Whether the irony pass has anything to look at in {@code tb}. */
  static boolean hasCues(TokenBuffer tb) {
    return tb.cues != 0 || tb.spans != 0 || tb.eyeRoll;
  }

  /**
   * Adjusts the valences of the {@code m} scored tokens of {@code tb} for irony; returns the new
   * number of scored tokens (a phrase may give a valence to a word that had none).
   */
  int apply(TokenBuffer tb, int m) {
    boolean sarcastic = false;
    if (tb.cues != 0) {
      // The sentence bounds are followed along rather than looked up per cue, and turns that share
      // their start skip what they turned before: a flood of cues in one long sentence stays
      // linear.
      Turns turns = new Turns();
      int kudosFrom = -1; // the first congratulation opening a sentence, and its sentence's end
      int kudosTo = -1;
      int kudosEnd = -1;
      int start = 0; // where token i's sentence starts
      int before = 0; // where the sentence before it starts
      int end = 0; // where token i's sentence ends, once asked for
      int leadOf = -1; // the sentence whose leading openers were counted, and where they end
      int leadEnd = 0;
      for (int i = 0; i < tb.count; i++) {
        if (i > 0 && (tb.flags[i] & T_SENTENCE) != 0) {
          before = start;
          start = i;
        }
        int id = tb.term[i];
        if (id < 0) {
          continue;
        }
        int c = lex.cues(id);
        if ((c & Lexicon.CUE_DRAWL) != 0
            && (tb.flags[i] & TokenBuffer.T_BOLD) != 0
            && stretched(tb, i)) {
          // "suuure, they respect us", "oh riiight": drawled, opening its sentence. Bold is
          // emphasis ("I **totally** agree") and a drawl inside a sentence agrees ("you're
          // riiight"). The leading openers are walked once per sentence: a flood stays linear.
          if (leadOf != start) {
            leadOf = start;
            leadEnd = start;
          }
          while (leadEnd < i && cue(tb, leadEnd, Lexicon.CUE_OPENER)) {
            leadEnd++;
          }
          if (leadEnd == i) {
            sarcastic = true;
            tb.ironic = true;
          }
        }
        if ((c & Lexicon.CUE_PHRASE) != 0) {
          int p = phraseAt(tb, i, start);
          if (p >= 0) {
            int last = i + lex.ironyPhrases[p].length - 1;
            if (lex.ironyKudos[p]) {
              if (end <= i) {
                end = tb.sentenceEnd(i);
              }
              if (kudosFrom < 0 && opensSentence(tb, i, start)) {
                // Judged once every phrase has its valence: the failure may be one ("découvrent
                // l'Afrique").
                kudosFrom = i;
                kudosTo = last + 1;
                kudosEnd = end;
              }
              i = last;
              continue;
            }
            for (int k = i; k < last; k++) {
              tb.sent[k] = 0;
            }
            m = tb.setValence(m, last, lex.ironyValences[p] * scale);
            sarcastic |= lex.ironySarcastic[p];
            // Laughter beside a phrase of scorn ("who actually believes this lol") laughs at it.
            tb.ironic |= lex.ironySarcastic[p] || lex.ironyValences[p] < 0;
            i = last;
            continue;
          }
        }
        if ((c & Lexicon.CUE_ANOTHER) != 0) {
          if (end <= i) {
            end = tb.sentenceEnd(i);
          }
          anotherAfterPraise(tb, m, i, start, end, turns);
        }
        if ((c & Lexicon.CUE_TAIL) != 0) {
          tail(tb, m, i, start == i ? before : start, turns);
        }
        if ((c & Lexicon.CUE_HUH) != 0
            && i > 0
            && (i + 1 == tb.count || (tb.flags[i + 1] & T_SENTENCE) != 0)) {
          tb.ironic |= turns.turn(tb, m, start, i); // "wow they really care huh"
        }
      }
      if (kudosFrom >= 0) {
        tb.ironic |= kudos(tb, m, kudosFrom, kudosTo, kudosEnd);
      }
    }
    Openers openers = new Openers();
    // Asked once, not per quote: a flood of quotes stays linear.
    boolean laughing = tb.spans > 0 && laughs(tb, m);
    for (int s = 0; s < tb.spans; s++) {
      int from = tb.spanFrom[s];
      int to = tb.spanTo[s];
      switch (tb.spanKind[s]) {
        case TokenBuffer.SPAN_QUOTED, TokenBuffer.SPAN_QUOTED_AFTER_WORD -> {
          if (isScareQuote(tb, s) && (to - from <= SHORT_QUOTE || laughing)) {
            if (onlyPraise(tb, m, from, to)) {
              tb.ironic |= turn(tb, m, from, to);
            } else if (tb.spanKind[s] == TokenBuffer.SPAN_QUOTED_AFTER_WORD
                && noValence(tb, m, from, to)) {
              // nice "diplomacy": praise of a scare-quoted noun
              tb.ironic |= turn(tb, m, from - 1, from);
            }
          }
        }
        case TokenBuffer.SPAN_ITALIC -> {
          if (openers.before(tb, from)) {
            tb.ironic |= turn(tb, m, from, to);
          }
        }
        case TokenBuffer.SPAN_RHETORICAL -> {
          if (!cue(tb, to - 1, Lexicon.CUE_OPENER)) { // "we won, right??" asks for agreement
            tb.ironic |= turn(tb, m, from, to);
          }
        }
        default -> {
          for (int r = tb.firstScored(m, from); r < m && tb.scored[r] < to; r++) {
            int k = tb.scored[r];
            if (tb.sent[k] > 0) {
              tb.sent[k] *= inquiry;
            }
          }
        }
      }
    }
    tb.ironic |= praiseAfterComplaint(tb, m);
    if (!tb.ironic) {
      laughterAtThem(tb, m);
    }
    if (tb.eyeRoll) {
      tb.ironic |= turn(tb, m, 0, tb.count);
    }
    if (sarcastic) {
      turn(tb, m, 0, tb.count);
    }
    if (tb.ironic) {
      for (int r = 0; r < m; r++) {
        int k = tb.scored[r];
        if (tb.sent[k] > 0 && ((tb.flags[k] & T_FACE) != 0 || cue(tb, k, Lexicon.CUE_LAUGH))) {
          tb.sent[k] = 0; // laughter at ironic praise mocks
        }
      }
    }
    return m;
  }

  /**
   * Turns all the praise of {@code tb} around, as a learned judge found it scorn ({@link
   * WordModel}); laughter and happy faces then mock, as in any ironic text.
   */
  void turnAll(TokenBuffer tb, int m) {
    turn(tb, m, 0, tb.count);
    tb.ironic = true;
    for (int r = 0; r < m; r++) {
      int k = tb.scored[r];
      if (tb.sent[k] > 0) {
        tb.sent[k] = 0;
      }
    }
  }

  /**
   * The irony phrase that starts at token {@code i} within one sentence (which starts at token
   * {@code start}), or -1.
   */
  private int phraseAt(TokenBuffer tb, int i, int start) {
    int[] starting = lex.ironyStarting[tb.term[i]];
    if (starting == null) {
      return -1;
    }
    for (int p : starting) {
      int[] seq = lex.ironyPhrases[p];
      if (i + seq.length > tb.count) {
        continue;
      }
      boolean match = true;
      for (int k = 1; k < seq.length && match; k++) {
        match = tb.term[i + k] == seq[k] && (tb.flags[i + k] & T_SENTENCE) == 0;
      }
      if (match
          && (!lex.ironyClosing[p] || closes(tb, i + seq.length, T_CLAUSE | T_SENTENCE))
          && (!lex.ironyFinal[p] || closes(tb, i + seq.length, T_SENTENCE))
          && (!lex.ironyOpening[p] || opensSentence(tb, i, start))) {
        return p;
      }
    }
    return -1;
  }

  /**
   * Whether token {@code k} reads as a name: capitalised, with no valence and no irony cue but that
   * of an actor ("Washington").
   */
  private boolean isName(TokenBuffer tb, int m, int k) {
    return Character.isUpperCase(tb.src[tb.start[k]])
        && !tb.isScored(m, k)
        && (tb.term[k] < 0
            || (lex.cues(tb.term[k]) & ~(Lexicon.CUE_ACTOR | Lexicon.CUE_ACTOR_CAPS)) == 0);
  }

  /**
   * Whether token {@code i} opens its sentence (which starts at {@code start}), openers aside: "as
   * if", "oh great job".
   */
  private boolean opensSentence(TokenBuffer tb, int i, int start) {
    for (int j = start; j < i; j++) {
      if (!cue(tb, j, Lexicon.CUE_OPENER)) {
        return false;
      }
    }
    return true;
  }

  /**
   * "great job guys, you lost three countries", "bravo les gars, vous avez perdu le Sahel",
   * "congrats on losing the Sahel": congratulation that opens a sentence whose rest reports only a
   * failure is said through the teeth. Its praise (tokens [from, to)) is turned around; a "but" in
   * the rest leaves the sentence to the contrast rule ("good job, but it came late" is mixed).
   */
  private boolean kudos(TokenBuffer tb, int m, int from, int to, int end) {
    if (tb.contrastAt >= to && tb.contrastAt < end) {
      return false;
    }
    float failure = 0;
    float praise = 0;
    int remedy = -1; // the last word of overcoming ("fixing", "ended", "malgré") in the clause
    int walked = to;
    for (int r = tb.firstScored(m, to); r < m && tb.scored[r] < end; r++) {
      int k = tb.scored[r];
      for (; walked <= k; walked++) {
        if ((tb.flags[walked] & (T_CLAUSE | T_SENTENCE)) != 0) {
          remedy = -1;
        }
        if (cue(tb, walked, Lexicon.CUE_REMEDY)) {
          remedy = walked;
        }
      }
      if (tb.sent[k] < 0 && remedy >= 0) {
        // What was overcome is no failure: "good job fixing the broken link", "congratulations,
        // they ended a pointless war", "bravo aux journalistes qui ont dénoncé la corruption".
        continue;
      }
      if (tb.sent[k] < 0) {
        failure -= tb.sent[k];
      } else if ((tb.flags[k] & T_FACE) == 0 && !cue(tb, k, Lexicon.CUE_LAUGH)) {
        praise += tb.sent[k]; // claps and laughter go with the congratulation
      }
    }
    // A mild word ("well done, a hard deal to land") tells of effort, and praise that holds its
    // own against the failure ("good job, a loss but a brave fight") is sincere.
    return failure >= minFailure && 2 * praise < failure && turn(tb, m, from, to);
  }

  /**
   * "they only remembered the Sahel once the uranium price went up lmao", "mdr ils découvrent
   * l'Afrique": laughter about what an actor of the news did, with no praise anywhere, laughs at
   * them. It then reads as mild scorn instead of mirth. (Laughter at quoted words alone was tried:
   * tweets laugh at definitions, "'RT' means 'ReTweet'", and lost.)
   */
  private boolean laughterAtThem(TokenBuffer tb, int m) {
    // The scored words first: most texts the pass reads have no laughter, and they are fewer.
    boolean laughter = false;
    for (int r = 0; r < m; r++) {
      int k = tb.scored[r];
      if (cue(tb, k, Lexicon.CUE_LAUGH)) {
        laughter |= tb.sent[k] > 0;
      } else if (tb.sent[k] > 0) {
        return false;
      }
    }
    if (!laughter || !namesAnActor(tb)) {
      return false;
    }
    for (int r = 0; r < m; r++) {
      int k = tb.scored[r];
      if (cue(tb, k, Lexicon.CUE_LAUGH) && tb.sent[k] > 0) {
        tb.sent[k] *= scorn;
      }
    }
    return true;
  }

  /** Whether the text names an actor of the news, not as a place ("my cousin in Mali"). */
  private boolean namesAnActor(TokenBuffer tb) {
    for (int k = 0; k < tb.count; k++) {
      if ((cue(tb, k, Lexicon.CUE_ACTOR)
              || (cue(tb, k, Lexicon.CUE_ACTOR_CAPS) && (tb.flags[k] & T_UPPER) != 0))
          && !(k > 0 && cue(tb, k - 1, Lexicon.CUE_PLACE))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a phrase ending before token {@code next} closes its clause (or, with {@code bounds}
   * only T_SENTENCE, its sentence): the text or a bound in {@code bounds} comes next, or only
   * laughter or a face follows ("good luck with that lol", but not "good luck with that project").
   */
  private boolean closes(TokenBuffer tb, int next, int bounds) {
    return next >= tb.count
        || (tb.flags[next] & (bounds | T_FACE)) != 0
        || cue(tb, next, Lexicon.CUE_LAUGH);
  }

  /**
   * "great, another delay", "bravo, encore une belle promesse": a sentence that opens with praise
   * set off by a comma and then says "another" turns its praise around.
   */
  private void anotherAfterPraise(TokenBuffer tb, int m, int i, int s, int end, Turns turns) {
    int j = s;
    // An opener the rules did not score has no valence of this text: its slot in sent holds the
    // last text's ("engagement is better..." then "oh great, another..." read no irony).
    if (j < i && cue(tb, j, Lexicon.CUE_OPENER) && (!tb.isScored(m, j) || tb.sent[j] <= 0)) {
      j++; // "oh great, another summit"
    }
    if (j < i && tb.isScored(m, j) && tb.sent[j] > 0) {
      // The praise may be said to someone before the comma: "bravo Washington, encore une
      // promesse".
      int b = j + 1;
      while (b < i && b <= j + VOCATIVE && (tb.flags[b] & T_CLAUSE) == 0 && isName(tb, m, b)) {
        b++;
      }
      if ((tb.flags[b] & T_CLAUSE) != 0 && !exclaims(tb, end)) {
        tb.ironic |= turns.turn(tb, m, s, end);
      }
    }
  }

  /**
   * Whether the sentence ending before token {@code end} ends with an exclamation mark (emoji
   * aside): cheer ("congrats Niger, another gold medal!", "awesome, more episodes tomorrow!"),
   * where irony says it flat ("great, another delay.").
   */
  private static boolean exclaims(TokenBuffer tb, int end) {
    int j = end < tb.count ? tb.start[end] - 1 : tb.n - 1;
    // Emoji and spaces after the mark are skipped, a bounded way back: a flood of them stays cheap.
    for (int stop = Math.max(0, j - 32); j >= stop; j--) {
      char ch = tb.src[j];
      if (ch == '!') {
        return true;
      }
      if (ch == '.' || ch == '?' || Character.isLetterOrDigit(ch)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether token {@code k} is written with a letter drawn out ("suuure"), not only in bold: bold
   * is also where the tokenizer notes stretching.
   */
  private static boolean stretched(TokenBuffer tb, int k) {
    char[] low = tb.low;
    int to = k + 1 < tb.count ? tb.start[k + 1] : tb.n;
    for (int j = tb.start[k] + 2; j < to && Character.isLetter(tb.src[j]); j++) {
      if (low[j] == low[j - 1] && low[j] == low[j - 2]) {
        return true;
      }
    }
    return false;
  }

  /**
   * "great diplomacy, shame about the coup": a tail word opening a clause, followed by a link word,
   * turns around the praise of the clause or sentence before it.
   */
  private void tail(TokenBuffer tb, int m, int i, int before, Turns turns) {
    if (i == 0
        || (tb.flags[i] & (T_CLAUSE | T_SENTENCE)) == 0
        || i + 1 >= tb.count
        || !cue(tb, i + 1, Lexicon.CUE_TAIL_LINK)) {
      return;
    }
    tb.ironic |= turns.turn(tb, m, before, i);
  }

  /**
   * Turns ranges of one text. A range that starts where the last one did is turned only past where
   * that one ended: what was turned is no longer praise (the sarcasm factor is negative), so a
   * second pass over it would change nothing.
   */
  private final class Turns {
    private int from = -1;
    private int to;

    boolean turn(TokenBuffer tb, int m, int f, int t) {
      if (f != from || flip >= 0) {
        from = f;
        to = t;
        return Irony.this.turn(tb, m, f, t);
      }
      int past = Math.max(f, to);
      to = Math.max(to, t);
      return Irony.this.turn(tb, m, past, t);
    }
  }

  /**
   * Whether an opener comes before a token in its sentence, for tokens asked about in text order:
   * one walk through the text answers all of them (asked out of order, it looks back).
   */
  private final class Openers {
    private int next; // the first token not walked yet
    private boolean seen; // an opener between the start of next's sentence and next

    boolean before(TokenBuffer tb, int k) {
      if (k < next) {
        return openerBefore(tb, k);
      }
      for (; next < k; next++) {
        if ((tb.flags[next] & T_SENTENCE) != 0) {
          seen = false;
        }
        seen |= cue(tb, next, Lexicon.CUE_OPENER);
      }
      return seen && (k == 0 || (tb.flags[k] & T_SENTENCE) == 0);
    }
  }

  /**
   * "so they admit it was a mistake, cool": praise set apart at the end of a text whose every other
   * word complains is said through the teeth.
   */
  private boolean praiseAfterComplaint(TokenBuffer tb, int m) {
    if (m < 2) {
      return false;
    }
    int last = tb.scored[m - 1];
    if (last != tb.count - 1
        || tb.sent[last] <= 0
        || (tb.flags[last] & (T_CLAUSE | T_SENTENCE)) == 0
        || (tb.flags[last] & T_FACE) != 0
        || cue(tb, last, Lexicon.CUE_LAUGH)) {
      return false;
    }
    for (int r = 0; r < m - 1; r++) {
      if (tb.sent[tb.scored[r]] > 0) {
        return false;
      }
    }
    if (tb.sent[tb.scored[m - 2]] == 0) {
      return false;
    }
    tb.sent[last] *= flip;
    return true;
  }

  /** Whether an opener ("sure", "oh", "yeah") comes before token {@code k} in its sentence. */
  private boolean openerBefore(TokenBuffer tb, int k) {
    for (int j = tb.sentenceStart(k); j < k; j++) {
      if (cue(tb, j, Lexicon.CUE_OPENER)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether span {@code s} quotes words as scare quotes might: not the whole text, and not after a
   * speech verb ("she said 'thank you'" reports).
   */
  private boolean isScareQuote(TokenBuffer tb, int s) {
    int kind = tb.spanKind[s];
    int from = tb.spanFrom[s];
    return (kind == TokenBuffer.SPAN_QUOTED || kind == TokenBuffer.SPAN_QUOTED_AFTER_WORD)
        && !(from == 0 && tb.spanTo[s] == tb.count)
        && !(from > 0 && cue(tb, from - 1, Lexicon.CUE_SPEECH));
  }

  /** Whether the text laughs: laughter ("lol", "mdr") or a laughing face with a valence. */
  private boolean laughs(TokenBuffer tb, int m) {
    for (int r = 0; r < m; r++) {
      int k = tb.scored[r];
      if (tb.sent[k] > 0
          && (cue(tb, k, Lexicon.CUE_LAUGH) || (tb.flags[k] & TokenBuffer.T_EMOJI) != 0)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the scored tokens in [from, to) hold praise and nothing negative. */
  private static boolean onlyPraise(TokenBuffer tb, int m, int from, int to) {
    boolean praise = false;
    for (int r = tb.firstScored(m, from); r < m && tb.scored[r] < to; r++) {
      int k = tb.scored[r];
      if (tb.sent[k] < 0) {
        return false;
      }
      praise |= tb.sent[k] > 0;
    }
    return praise;
  }

  private static boolean noValence(TokenBuffer tb, int m, int from, int to) {
    for (int r = tb.firstScored(m, from); r < m && tb.scored[r] < to; r++) {
      if (tb.sent[tb.scored[r]] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Turns the praise among the scored tokens in [from, to) around (faces excepted: they show the
   * writer's mood); returns whether there was any.
   */
  private boolean turn(TokenBuffer tb, int m, int from, int to) {
    boolean any = false;
    for (int r = tb.firstScored(m, from); r < m && tb.scored[r] < to; r++) {
      int k = tb.scored[r];
      if (tb.sent[k] > 0 && (tb.flags[k] & T_FACE) == 0 && !cue(tb, k, Lexicon.CUE_LAUGH)) {
        tb.sent[k] *= flip;
        any = true;
      }
    }
    return any;
  }

  private boolean cue(TokenBuffer tb, int k, int kind) {
    int id = tb.term[k];
    return id >= 0 && (lex.cues(id) & kind) != 0;
  }
}
