package dev.takebot.sentiment;

import static dev.takebot.sentiment.TokenBuffer.T_BOLD;
import static dev.takebot.sentiment.TokenBuffer.T_CLAUSE;
import static dev.takebot.sentiment.TokenBuffer.T_CUSTOM;
import static dev.takebot.sentiment.TokenBuffer.T_EMOJI;
import static dev.takebot.sentiment.TokenBuffer.T_EMOTICON;
import static dev.takebot.sentiment.TokenBuffer.T_INTERJECTION;
import static dev.takebot.sentiment.TokenBuffer.T_NT;
import static dev.takebot.sentiment.TokenBuffer.T_QUOTED;
import static dev.takebot.sentiment.TokenBuffer.T_SENTENCE;
import static dev.takebot.sentiment.TokenBuffer.T_UPPER;

import java.util.Arrays;

/**
 * Turns Discord text into tokens for the {@link Scorer}: words (folded and looked up in the
 * lexicon), Unicode and custom emoji, emoticons, sentence breaks and the punctuation VADER counts.
 * Markdown sets context flags (quoted, bold) instead of becoming tokens; mentions, links, code and
 * HTML entities are skipped. Regex-free and allocation-free on the usual path.
 */
final class Tokenizer {
  // ASCII character classes (see asciiClasses), above the folded character in the low bits.
  private static final int FOLDED = 0xFF;
  private static final int WORD = 1 << 8;
  private static final int UPPER = 1 << 9;
  private static final int LOWER = 1 << 10;
  private static final int SPACE = 1 << 11;
  private static final int[] ASCII = asciiClasses();

  /**
   * The longest chunk starting with a letter or digit that is probed as an emoticon ("o_O", "xD",
   * "8-)").
   */
  private static final int MAX_WORD_EMOTICON = 4;

  /** The term flags that call for termRules: most words have none of them. */
  private static final int RARE_RULES =
      Lexicon.DISCOURSE
          | Lexicon.NO
          | Lexicon.FUNC_FR
          | Lexicon.FUNC_EN
          | Lexicon.CONTRAST
          | Lexicon.IRONY;

  private final Lexicon lex;

  Tokenizer(Lexicon lex) {
    this.lex = lex;
  }

  /** Splits the text in {@code tb} into tokens, folding words in place. */
  void tokenize(TokenBuffer tb) {
    final char[] src = tb.src;
    final int n = tb.n;
    int i = 0;
    boolean lineStart = true;
    boolean quoteLine = false;
    boolean quoteAll = false;
    boolean bold = false;
    int ctx =
        0; // the context flags of quoteLine, quoteAll and bold, updated when one of them changes
    while (i < n) {
      char c = src[i];
      int k = c < 128 ? ASCII[c] : 0;
      if ((k & WORD) != 0) {
        // Most tokens are ASCII words: they go first, past the checks for the line start and
        // symbols.
        lineStart = false;
        i = word(tb, i, ctx);
        continue;
      }
      if (c == '\n') {
        lineStart = true;
        quoteLine = false;
        ctx = context(quoteAll, bold);
        tb.endSentence();
        i++;
        continue;
      }
      if ((k & SPACE) != 0 || (c >= 128 && isSpace(c))) {
        i++;
        continue;
      }
      if (lineStart) {
        lineStart = false;
        if (c == '>' && i + 1 < n && (src[i + 1] == ' ' || src[i + 1] == '>')) {
          if (i + 3 < n && src[i + 1] == '>' && src[i + 2] == '>' && src[i + 3] == ' ') {
            quoteAll = true;
            i += 4;
          } else {
            quoteLine = true;
            i += src[i + 1] == ' ' ? 2 : 1;
          }
          ctx = context(true, bold);
          continue;
        }
      }
      if (c >= 128 && isWordChar(c)) {
        i = word(tb, i, ctx);
        continue;
      }
      if (c == '<') {
        int e = discordEntity(tb, i, ctx);
        if (e > i) {
          i = e;
          continue;
        }
      }
      if (c != '*' && c != '`' && startsChunk(src, i)) {
        int e = chunkEnd(src, i, n);
        if (e - i >= 2 && e - i <= 12 && emoticon(tb, i, e, ctx)) {
          i = e;
          continue;
        }
      }
      switch (c) {
        case '!' -> {
          tb.excl++;
          tb.endSentence();
          i++;
        }
        case '?' -> {
          tb.quest++;
          if ((tb.pending & TokenBuffer.T_SENTENCE) == 0 && tb.count > 0) {
            tb.markQuestion();
            questionSpan(tb, i);
          }
          tb.endSentence();
          i++;
        }
        case '"', '\'', '\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB' -> {
          quote(tb, i);
          i++;
        }
        case '_' -> {
          italic(tb, i);
          i++;
        }
        case '.', ';' -> {
          tb.endSentence();
          i++;
        }
        case ',' -> {
          tb.pending |= TokenBuffer.T_CLAUSE;
          i++;
        }
        case '@' -> {
          // Mentions are names, not sentiment: "@united" must not read as the word "united".
          i++;
          while (i < n && (isWordChar(src[i]) || src[i] == '_' || src[i] == '.')) {
            i++;
          }
        }
        case '`' -> {
          int e = code(src, i, n);
          noteEscapes(tb, i, e);
          i = e;
        }
        case '&' -> {
          tb.escaped |= escapeAt(src, i, n);
          i = entity(src, i, n);
        }
        case '*' -> {
          int r = 0;
          while (i < n && src[i] == '*') {
            i++;
            r++;
          }
          if (r >= 2) {
            bold = !bold;
            ctx = context(quoteLine || quoteAll, bold);
          } else {
            italic(tb, i - 1);
          }
        }
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < n) {
            int cp = Character.toCodePoint(c, src[i + 1]);
            tb.eyeRoll |= Irony.isEyeRoll(cp);
            float v = lex.emoji(cp);
            if (v == v) {
              tb.addEmoji(i, T_EMOJI | ctx, v);
            }
            noteEscapes(
                tb, i + 1, i + 2); // the pair is read whole, even when the surrogate is alone
            i += 2;
          } else {
            if (c >= 0x2100 && c < 0x2C00) {
              float v = lex.emoji(c);
              if (v == v) {
                tb.addEmoji(i, T_EMOJI | ctx, v);
              }
            }
            i++;
          }
        }
      }
    }
  }

  /**
   * A question just ended at {@code q}: notes its sentence as an inquiry when it opens with a
   * question word ("is the stream live?"), else as rhetorical when the mark is doubled ("great
   * diplomacy??").
   */
  private void questionSpan(TokenBuffer tb, int q) {
    int s = tb.sentenceStart(tb.count - 1);
    if (asks(tb, s) || (s + 1 < tb.count && !hasValence(tb.flags[s]) && asks(tb, s + 1))) {
      tb.addSpan(TokenBuffer.SPAN_INQUIRY, s, tb.count);
    } else if ((q + 1 < tb.n && (tb.src[q + 1] == '?' || tb.src[q + 1] == '!'))
        || (s == 0 && tb.count == 1 && moreAfter(tb, q + 1) && endsInQuestion(tb))) {
      // "great diplomacy??", and a word echoed back before a question that answers it: "respect?
      // after decades of interference?" (not "ready? let's go")
      tb.addSpan(TokenBuffer.SPAN_RHETORICAL, s, tb.count);
    }
  }

  /** Whether the text read ends in a question mark. */
  private static boolean endsInQuestion(TokenBuffer tb) {
    int k = tb.n - 1;
    while (k >= 0 && isSpace(tb.src[k])) {
      k--;
    }
    return k >= 0 && tb.src[k] == '?';
  }

  /** Whether a word follows {@code from} in the text. */
  private static boolean moreAfter(TokenBuffer tb, int from) {
    for (int k = from; k < tb.n; k++) {
      if (isWordChar(tb.src[k])) {
        return true;
      }
    }
    return false;
  }

  private boolean asks(TokenBuffer tb, int k) {
    int id = tb.term[k];
    return id >= 0 && (lex.cues(id) & Lexicon.CUE_QUESTION) != 0;
  }

  private static boolean hasValence(int tokenFlags) {
    return (tokenFlags & (T_EMOJI | T_CUSTOM | Lexicon.VALENCE)) != 0;
  }

  /**
   * The longest quote that may be scare quotes: a slogan held up for scorn ("respect for Mali's
   * sovereignty") runs to four or five words; longer quotes report what was said.
   */
  private static final int SCARE_QUOTE_MAX = 5;

  /**
   * A quotation mark at {@code i}: opens a quote before a word, closes one after a word. A quote of
   * one to five words is noted as a span: scare quotes ("they 'respect' us now") if it holds
   * praise.
   */
  private static void quote(TokenBuffer tb, int i) {
    final char[] src = tb.src;
    char c = src[i];
    boolean before = i == 0 || isSpace(src[i - 1]) || src[i - 1] == '(';
    boolean after =
        i + 1 < tb.n && (isWordChar(src[i + 1]) || (c == '\u00AB' && src[i + 1] == ' '));
    if (c != '\u00BB' && c != '\u201D' && before && after) {
      tb.quoteOpen = tb.count;
      tb.quoteAfterWord = i >= 2 && src[i - 1] == ' ' && isWordChar(src[i - 2]);
    } else if (c != '\u00AB' && c != '\u201C' && !before && tb.quoteOpen >= 0) {
      int len = tb.count - tb.quoteOpen;
      if (len >= 1 && len <= SCARE_QUOTE_MAX && !title(tb, tb.quoteOpen, tb.count)) {
        tb.addSpan(
            tb.quoteAfterWord ? TokenBuffer.SPAN_QUOTED_AFTER_WORD : TokenBuffer.SPAN_QUOTED,
            tb.quoteOpen,
            tb.count);
      }
      tb.quoteOpen = -1;
    }
  }

  /**
   * Whether the quoted words [from, to) are a title ("Love Story"): two or more, each capitalised.
   */
  private static boolean title(TokenBuffer tb, int from, int to) {
    if (to - from < 2) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (!Character.isUpperCase(tb.src[tb.start[k]])) {
        return false;
      }
    }
    return true;
  }

  /** A single '*' or '_' at {@code i}: opens or closes italics, noted as a span of 1 to 3 words. */
  private static void italic(TokenBuffer tb, int i) {
    final char[] src = tb.src;
    boolean before = i == 0 || isSpace(src[i - 1]);
    boolean after = i + 1 < tb.n && isWordChar(src[i + 1]);
    if (before && after) {
      tb.italicOpen = tb.count;
    } else if (!before && tb.italicOpen >= 0) {
      int len = tb.count - tb.italicOpen;
      if (len >= 1 && len <= 3) {
        tb.addSpan(TokenBuffer.SPAN_ITALIC, tb.italicOpen, tb.count);
      }
      tb.italicOpen = -1;
    }
  }

  /**
   * Reads the word at {@code s}, folding it into {@code tb.low}, and adds its token; returns the
   * index after it.
   *
   * <p>A chunk (a run of non-space characters) that starts with a letter or digit may also be a
   * link ("ow.ly/x") or an emoticon ("xD", "D:"). Both need a symbol, so a word that fills its
   * whole chunk, as most do, is read in this one pass; only a word that stops at a symbol, or a
   * short chunk with an apostrophe or hyphen, has the rest of its chunk looked at.
   */
  private int word(TokenBuffer tb, int s, int ctx) {
    final char[] src = tb.src;
    final char[] low = tb.low;
    final int n = tb.n;
    int i = s;
    int h = 0;
    int cases = 0; // UPPER if some letter is upper case, LOWER if some is lower case
    // The usual word, ASCII letters and digits only, in a loop kept small.
    while (i < n) {
      char c = src[i];
      int k = c < 128 ? ASCII[c] : 0;
      if ((k & WORD) == 0) {
        break;
      }
      char f = (char) (k & FOLDED);
      low[i] = f;
      h = 31 * h + f;
      cases |= k;
      i++;
    }
    boolean joined = false;
    if (i < n && mayContinueWord(src[i])) {
      i = mixedWord(tb, s); // read again by the full rules
      h = tb.wordHash;
      cases = tb.wordCases;
      joined = tb.wordJoined;
    }
    return endWord(tb, s, i, h, cases, joined, ctx);
  }

  /**
   * Whether a word may go on past this character: a letter beyond ASCII, an apostrophe or a hyphen.
   */
  private static boolean mayContinueWord(char c) {
    return c >= 128 || c == '\'' || c == '-';
  }

  /**
   * Reads a word with letters beyond ASCII, apostrophes or hyphens ("génial", "don't", "n'est",
   * "well-made"); returns where it ends, and leaves its hash, cases and whether it is joined in
   * {@code tb}.
   */
  private static int mixedWord(TokenBuffer tb, int s) {
    final char[] src = tb.src;
    final char[] low = tb.low;
    final int n = tb.n;
    int i = s;
    int h = 0;
    int cases = 0;
    boolean joined = false;
    while (i < n) {
      char c = src[i];
      int k = c < 128 ? ASCII[c] : 0;
      char f;
      if ((k & WORD) != 0) {
        f = (char) (k & FOLDED);
        cases |= k;
      } else if (c >= 128 && Character.isLetterOrDigit(c)) {
        f = Fold.fold(c);
        cases |= Character.isUpperCase(c) ? UPPER : Character.isLowerCase(c) ? LOWER : 0;
      } else if ((c == '\'' || c == '\u2019' || c == '-')
          && i > s
          && i + 1 < n
          && isWordChar(src[i + 1])) {
        f = c == '-' ? '-' : '\'';
        low[i] = f;
        h = 31 * h + f;
        i++;
        joined = true;
        if (f == '\'' && isElision(low, s, i - s - 1)) {
          break; // French elision: "n'est" reads as "n'" + "est", "c'est" as "c'" + "est".
        }
        continue;
      } else {
        break;
      }
      low[i] = f;
      h = 31 * h + f;
      i++;
    }
    tb.wordHash = h;
    tb.wordCases = cases;
    tb.wordJoined = joined;
    return i;
  }

  /**
   * Adds the word read as {@code low[s, e)}, unless the chunk it starts is a link or an emoticon;
   * returns the index after what was read. The chunk is looked at only when it holds a symbol: the
   * character the word stopped at, or an apostrophe or hyphen inside it.
   */
  private int endWord(TokenBuffer tb, int s, int e, int h, int cases, boolean joined, int ctx) {
    if (((e < tb.n && !isSpace(tb.src[e])) || (joined && e - s <= MAX_WORD_EMOTICON))
        && startsChunk(tb.src, s)) {
      int end = linkOrEmoticon(tb, s, e, ctx);
      if (end >= 0) {
        return end;
      }
    }
    addWord(tb, s, e, h, cases, joined, ctx);
    // The space after a word would only be stepped over by the main loop: a pass of it saved per
    // word.
    return e < tb.n && tb.src[e] == ' ' ? e + 1 : e;
  }

  /**
   * Reads the chunk that starts with the word {@code [s, e)} as a link (skipped) or an emoticon
   * ("o_O", "xD", "D:", "8)"); returns the index after the chunk, or -1 when it is neither.
   */
  private int linkOrEmoticon(TokenBuffer tb, int s, int e, int ctx) {
    int end = chunkEndUnlessLink(tb.src, s, e, tb.n);
    if (end < 0) {
      end = chunkEnd(tb.src, e, tb.n);
      noteEscapes(tb, e, end);
      return end;
    }
    if (end - s >= 2 && end - s <= MAX_WORD_EMOTICON && emoticon(tb, s, end, ctx)) {
      return end;
    }
    return -1;
  }

  /**
   * Looks the folded word {@code low[s, e)} up and adds its token, with the case and context it was
   * written in. The rarer rules sit in methods of their own so that this stays small enough for the
   * JIT to inline.
   */
  private void addWord(TokenBuffer tb, int s, int e, int h, int cases, boolean joined, int ctx) {
    final char[] low = tb.low;
    int l = e - s;
    int id = lex.table.find(low, s, l, h);
    if (l == 1 && id >= 0) {
      id = loneLetter(tb, e, id, cases);
    }
    int f = ctx;
    if ((cases & (UPPER | LOWER)) == UPPER) {
      f |= capitals(tb, s, e);
    }
    if (joined && l >= 3 && low[e - 1] == 't' && low[e - 2] == '\'' && low[e - 3] == 'n') {
      f |= T_NT; // only a word read with its apostrophe (joined) can end in "n't"
    }
    if (id < 0 && l >= 4) {
      id = stretchedWord(low, s, e);
      if (id >= 0) {
        f |= T_BOLD; // "soooo good", "yesss": stretched words are emphatic
        if ((lex.cues(id) & Lexicon.CUE_DRAWL) != 0) {
          tb.cues++; // "suuure": the irony pass reads it
        }
      }
    }
    if (id >= 0) {
      int lf = lex.flags(id);
      f |= lf;
      if ((lf & RARE_RULES) != 0) {
        f = termRules(tb, id, s, e, f | lf);
      }
      int c = lex.cues(id);
      if ((c & (Lexicon.CUE_ACTOR | Lexicon.CUE_TOPIC)) != 0
          || ((c & Lexicon.CUE_ACTOR_CAPS) != 0 && (f & T_UPPER) != 0)) {
        tb.namesActor = true;
      }
    }
    tb.add(s, id, f);
  }

  /**
   * A lone letter is a sentiment word only as the capital W / L of internet register, never in
   * "w/o".
   */
  private int loneLetter(TokenBuffer tb, int e, int id, int cases) {
    final char[] src = tb.src;
    if ((cases & UPPER) == 0 || (e < tb.n && (src[e] == '/' || src[e] == '&' || src[e] == '.'))) {
      return singleLetterFallback(id);
    }
    return id;
  }

  /**
   * Counts a word written in capitals; returns T_UPPER if it has two capitals or more ("BAD", not
   * "I").
   */
  private static int capitals(TokenBuffer tb, int s, int e) {
    tb.upperWords++;
    return upperCount(tb.src, s, e) >= 2 ? T_UPPER : 0;
  }

  /** The id of a stretched word read with its letter runs cut ("soooo" as "so"), or -1. */
  private int stretchedWord(char[] low, int s, int e) {
    return stretched(low, s, e) ? elongated(low, s, e - s) : -1;
  }

  /**
   * Counts function and contrast words and applies the French negation rules; returns the token's
   * flags {@code f}, with T_INTERJECTION for a word that opens a sentence rather than judges.
   */
  private int termRules(TokenBuffer tb, int id, int s, int e, int f) {
    if ((f & Lexicon.IRONY) != 0) {
      tb.cues++;
    }
    if (e - s == 1 && tb.src[s] == '\u00E0') {
      tb.frWords++; // "à" folds to the English "a" but is French
      if (followedBy(tb, e, "part")) {
        f |= T_CLAUSE; // "rien apporté à part la censure": the exception is affirmed
      }
    } else if (e - s == 1 && tb.low[s] == 'a' && afterElision(tb, s)) {
      tb.frWords++; // "n'a", "qu'a": the French verb, not the English article
    } else {
      countLanguage(tb, f);
    }
    noteContrast(tb, f);
    f |= interjection(tb, s, e, f);
    int roles = lex.frRoles(id);
    return roles == 0 && (f & Lexicon.NE) == 0 ? f : frenchRules(tb, s, e, f, roles);
  }

  /**
   * French negation scope, decided as the words come: "pas" after a determiner is the noun "step",
   * and an exception ("sauf", "à part", "si ce n'est", "que" after a lone "ne") opens a clause of
   * its own, which the negation before it does not reach: what follows it is affirmed.
   */
  private int frenchRules(TokenBuffer tb, int s, int e, int f, int roles) {
    final int k = tb.count - 1; // the token before this one, if it shares its clause
    final boolean joined = k >= 0 && (tb.pending & (T_CLAUSE | T_SENTENCE)) == 0;
    if ((roles & Lexicon.FR_STEP) != 0
        && (f & Lexicon.NEGATOR) != 0
        && ((joined && (lex.frRoles(tb.term[k]) & Lexicon.FR_DETERMINER) != 0)
            || ((followedBy(tb, e, "en", "avant") || followedBy(tb, e, "de", "plus"))
                && neBefore(tb) < 0))) {
      f &= ~Lexicon.NEGATOR; // "un pas dans la bonne direction", "pas en avant"
    }
    if ((roles & Lexicon.FR_EXCEPT) != 0) {
      f |= T_CLAUSE;
    }
    if ((f & Lexicon.NE) != 0
        && joined
        && k >= 1
        && (lex.frRoles(tb.term[k]) & Lexicon.FR_SI) != 0
        && (lex.frRoles(tb.term[k - 1]) & Lexicon.FR_SI) != 0
        && (tb.flags[k] & (T_CLAUSE | T_SENTENCE)) == 0) {
      // "rien fait si ce n'est aggraver la crise": this "n'" says "except", and negates nothing
      f = (f & ~Lexicon.NEGATOR) | T_CLAUSE;
    }
    if ((roles & Lexicon.FR_ONLY) != 0 && joined) {
      int ne = restricted(tb);
      if (ne >= 0) {
        tb.flags[ne] &= ~Lexicon.NEGATOR; // "n'a apporté que la peur": only fear, affirmed
        f |= T_CLAUSE;
      }
    }
    if ((roles & Lexicon.FR_WHEN) != 0 && tb.whenAt < 0) {
      tb.whenAt = tb.count;
    }
    return f;
  }

  /** How far back a restrictive "que" looks for its "ne": "n'ont jamais fait que ...". */
  private static final int ONLY_REACH = 8;

  /**
   * For a "que" about to be added: the "ne" it restricts ("ne ... que": "only"), or "rien" in "rien
   * que", or -1 when the "ne" has a partner that negates ("je ne pense pas que", "personne ne croit
   * que") or there is none in the clause.
   */
  private int restricted(TokenBuffer tb) {
    final int[] flags = tb.flags;
    int last = tb.count - 1;
    if ((flags[last] & Lexicon.NEGATOR) != 0
        && (lex.frRoles(tb.term[last]) & Lexicon.FR_SUBJECT_NEGATOR) != 0) {
      return last; // "rien que du positif": nothing but
    }
    for (int j = last; j >= 0 && j > last - ONLY_REACH; j--) {
      int g = flags[j];
      if ((g & Lexicon.NE) != 0) {
        boolean subject =
            j > 0
                && (flags[j] & (T_CLAUSE | T_SENTENCE)) == 0
                && ((flags[j - 1] & Lexicon.NEGATOR) != 0
                    || (lex.frRoles(tb.term[j - 1]) & Lexicon.FR_SUBJECT_NEGATOR) != 0);
        return subject || (g & Lexicon.NEGATOR) == 0 ? -1 : j;
      }
      if ((g & Lexicon.NEGATOR) != 0 || (g & (T_CLAUSE | T_SENTENCE)) != 0) {
        return -1;
      }
    }
    return -1;
  }

  /** The "ne" or "n'" in the clause before the token about to be added, or -1. */
  private static int neBefore(TokenBuffer tb) {
    if ((tb.pending & (T_CLAUSE | T_SENTENCE)) != 0) {
      return -1;
    }
    for (int j = tb.count - 1; j >= 0 && j >= tb.count - ONLY_REACH; j--) {
      if ((tb.flags[j] & Lexicon.NE) != 0) {
        return j;
      }
      if ((tb.flags[j] & (T_CLAUSE | T_SENTENCE)) != 0) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Whether the word "a" at {@code s} follows an elided word in its chunk ("n'a", "qu'a"): it is
   * then the French verb. A quoted "'a'" follows a space, not a letter.
   */
  private static boolean afterElision(TokenBuffer tb, int s) {
    return s >= 2
        && (tb.src[s - 1] == '\'' || tb.src[s - 1] == '\u2019')
        && isWordChar(tb.src[s - 2]);
  }

  /**
   * Whether the words come next in the text after {@code e}, spaces aside, each ending at a
   * non-word character: "pas en avant", "à part". Compared folded ("À PART").
   */
  private static boolean followedBy(TokenBuffer tb, int e, String... words) {
    final char[] src = tb.src;
    final int n = tb.n;
    int i = e;
    for (String w : words) {
      int spaces = i;
      while (i < n && src[i] == ' ') {
        i++;
      }
      if (i == spaces || n - i < w.length()) {
        return false;
      }
      for (int k = 0; k < w.length(); k++, i++) {
        if (Fold.fold(src[i]) != w.charAt(k)) {
          return false;
        }
      }
      if (i < n && isWordChar(src[i])) {
        return false;
      }
    }
    return true;
  }

  /** T_INTERJECTION for a word that opens a sentence rather than judges, else 0. */
  private static int interjection(TokenBuffer tb, int s, int e, int lf) {
    if ((lf & (Lexicon.DISCOURSE | Lexicon.NO)) == 0 || e >= tb.n) {
      return 0;
    }
    char next = tb.src[e];
    if ((lf & Lexicon.DISCOURSE) != 0 && next == ',' && opensSentence(tb.src, s)) {
      return T_INTERJECTION; // "well, ...", "yeah, ..." open a sentence rather than judge
    }
    if ((lf & Lexicon.NO) != 0 && (next == ',' || next == '.')) {
      return T_INTERJECTION; // "no, I had not..." answers a question; it does not judge
    }
    return 0;
  }

  /**
   * Counts the function words of each language: a text reads as French when French ones outnumber
   * English.
   */
  private static void countLanguage(TokenBuffer tb, int lf) {
    if ((lf & Lexicon.FUNC_FR) != 0) {
      tb.frWords++;
    }
    if ((lf & Lexicon.FUNC_EN) != 0) {
      tb.enWords++;
    }
  }

  /**
   * The upper-case letters in {@code src[s, e)}, counted only for words written in capitals (rarely
   * more than one).
   */
  private static int upperCount(char[] src, int s, int e) {
    int upper = 0;
    for (int k = s; k < e; k++) {
      char c = src[k];
      if (c < 128 ? (ASCII[c] & UPPER) != 0 : Character.isUpperCase(c)) {
        upper++;
      }
    }
    return upper;
  }

  /**
   * Whether a letter repeats three times in a row ("sooo"). Checked only for words the lexicon
   * lacks, which is cheaper than tracking runs while every word is scanned. Apostrophes and hyphens
   * never repeat (each must be followed by a letter or digit), so any run of three is letters or
   * digits.
   */
  private static boolean stretched(char[] low, int s, int e) {
    for (int k = s + 2; k < e; k++) {
      if (low[k] == low[k - 1] && low[k] == low[k - 2]) {
        return true;
      }
    }
    return false;
  }

  /** Notes the first contrast word while tokens are added, so the scorer need not search for it. */
  private static void noteContrast(TokenBuffer tb, int lf) {
    if (tb.contrastAt < 0 && (lf & Lexicon.CONTRAST) != 0) {
      tb.contrastAt = tb.count;
    }
  }

  /**
   * Looks a stretched word up with its letter runs cut to two, then to one ("sooo" -> "soo", "so").
   */
  private int elongated(char[] low, int s, int l) {
    char[] buf = new char[l];
    for (int keep = 2; keep >= 1; keep--) {
      int m = 0;
      int h = 0;
      int run = 0;
      for (int k = s; k < s + l; k++) {
        char c = low[k];
        run = k > s && c == low[k - 1] ? run + 1 : 1;
        if (run <= keep) {
          buf[m++] = c;
          h = 31 * h + c;
        }
      }
      int id = lex.table.find(buf, 0, m, h);
      if (id >= 0) {
        return id;
      }
    }
    return -1;
  }

  /** Whether the word at {@code s} opens a sentence (after start, . ! ? : or a masked mention). */
  private static boolean opensSentence(char[] src, int s) {
    int k = s - 1;
    while (k >= 0 && isSpace(src[k])) {
      k--;
    }
    if (k < 0) {
      return true;
    }
    char c = src[k];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '>' || c == ')') {
      return true;
    }
    while (k >= 0 && !isSpace(src[k])) {
      k--;
    }
    return src[k + 1] == '@';
  }

  /** Single lowercase letters keep their modifier role (none today) but lose any valence. */
  private int singleLetterFallback(int id) {
    return (lex.flags(id) & Lexicon.VALENCE) != 0 ? -1 : id;
  }

  private static boolean isElision(char[] low, int s, int l) {
    if (l == 1) {
      char c = low[s];
      return c == 'n' || c == 'c' || c == 'l' || c == 'j' || c == 'd' || c == 's' || c == 'm'
          || c == 't';
    }
    return l == 2 && low[s] == 'q' && low[s + 1] == 'u';
  }

  /**
   * A whitespace-delimited chunk that is a lexicon emoticon (":)", "<3", ":-(") or a sarcasm
   * marker.
   */
  private boolean emoticon(TokenBuffer tb, int s, int e, int ctx) {
    if (e - s > tb.scratch.length) {
      return false;
    }
    // Folded into scratch: the chunk's first word may already be folded into low, and if this is no
    // emoticon
    // that word is added as it is.
    int h = 0;
    for (int k = s; k < e; k++) {
      char f = Fold.fold(tb.src[k]);
      tb.scratch[k - s] = f;
      h = 31 * h + f;
    }
    // The chunk holds a symbol and folding keeps symbols symbols (FoldTest), so only symbolic terms
    // can match.
    int id = lex.symbolic.find(tb.scratch, 0, e - s, h);
    if (id < 0) {
      return false;
    }
    noteEscapes(tb, s, e); // a few emoticons hold an '&' (":-&")
    int lf = lex.flags(id);
    if ((lf & Lexicon.SARCASM) != 0) {
      tb.sarcasm = true;
      return true;
    }
    if (lex.en(id) == lex.en(id)) {
      for (int k = s; k < e; k++) {
        if (tb.src[k] == '!') {
          tb.excl++;
        } else if (tb.src[k] == '?') {
          tb.quest++;
        }
      }
      noteContrast(tb, lf);
      tb.add(s, id, ctx | T_EMOTICON | lf);
      return true;
    }
    return false;
  }

  /**
   * Discord's angle-bracket syntax: user, role and channel mentions and slash-command links are
   * masked; custom emoji read by their name; {@code <https://...>} links are skipped. Returns the
   * index after the entity, or {@code i} when there is none.
   */
  private int discordEntity(TokenBuffer tb, int i, int ctx) {
    final char[] src = tb.src;
    final int n = tb.n;
    int close = -1;
    for (int k = i + 1; k < n && k < i + 120; k++) {
      char c = src[k];
      if (c == '>') {
        close = k;
        break;
      }
      if (isSpace(c) || c == '<') {
        return i;
      }
    }
    if (close < 0 || close == i + 1) {
      return i;
    }
    char c1 = src[i + 1];
    if (c1 == '@'
        || c1 == '#'
        || c1 == '/'
        || (c1 == 't' && src[i + 2] == ':')
        || isUrl(src, i + 1, close)) {
      noteEscapes(tb, i, close);
      return close + 1;
    }
    int nameStart;
    if (c1 == ':') {
      nameStart = i + 2;
    } else if (c1 == 'a' && i + 2 < close && src[i + 2] == ':') {
      nameStart = i + 3;
    } else {
      return i;
    }
    int nameEnd = nameStart;
    while (nameEnd < close && src[nameEnd] != ':') {
      nameEnd++;
    }
    if (nameEnd >= close || nameEnd == nameStart) {
      return i;
    }
    noteEscapes(tb, i, close);
    customEmoji(tb, nameStart, nameEnd, ctx);
    return close + 1;
  }

  /**
   * Reads a custom emoji by its name: the whole name if known ("sadge"), else its most polar part
   * ("pepe_sad").
   */
  private void customEmoji(TokenBuffer tb, int s, int e, int ctx) {
    final char[] orig =
        Arrays.copyOfRange(tb.src, s, e); // original case, for camelCase and display
    final char[] low = tb.low;
    int h = 0;
    for (int k = s; k < e; k++) {
      char f = Fold.fold(orig[k - s]);
      low[k] = f;
      h = 31 * h + f;
    }
    float best = polarity(lex.table.find(low, s, e - s, h));
    if (best != best) {
      int ps = s;
      for (int k = s; k <= e; k++) {
        boolean boundary =
            k == e
                || orig[k - s] == '_'
                || orig[k - s] == '-'
                || (k > ps
                    && Character.isUpperCase(orig[k - s])
                    && Character.isLowerCase(orig[k - s - 1]));
        if (!boundary) {
          continue;
        }
        if (k > ps) {
          int ph = 0;
          for (int q = ps; q < k; q++) {
            ph = 31 * ph + low[q];
          }
          float v = polarity(lex.table.find(low, ps, k - ps, ph));
          if (v == v && (best != best || Math.abs(v) > Math.abs(best))) {
            best = v;
          }
        }
        ps = (k < e && (orig[k - s] == '_' || orig[k - s] == '-')) ? k + 1 : k;
      }
    }
    if (best == best) {
      if (tb.count == tb.start.length) {
        tb.grow();
      }
      tb.customNames[tb.count] = ":" + new String(orig) + ":";
      tb.addEmoji(s, T_CUSTOM | ctx, best);
    }
  }

  private float polarity(int id) {
    if (id < 0) {
      return Float.NaN;
    }
    float v = lex.en(id);
    return v == v ? v : lex.fr(id);
  }

  /**
   * Flags the text for a decoded reading (see TokenBuffer.escaped) when {@code src[from, to)},
   * about to be skipped as a whole, holds an escape. Every '&' the tokenizer passes goes through
   * here or escapeAt.
   */
  private static void noteEscapes(TokenBuffer tb, int from, int to) {
    for (int k = from; k < to; k++) {
      if (tb.src[k] == '&' && escapeAt(tb.src, k, tb.n)) {
        tb.escaped = true;
      }
    }
  }

  /** Whether the '&' at {@code i} starts "&lt;" or "&gt;", or sits too close to the cut to tell. */
  private static boolean escapeAt(char[] src, int i, int n) {
    return i + 3 >= n
        || ((src[i + 1] == 'l' || src[i + 1] == 'g') && src[i + 2] == 't' && src[i + 3] == ';');
  }

  /**
   * Skips an HTML entity such as {@code &amp;} or {@code &gt;} (common in scraped and bridged
   * text).
   */
  private static int entity(char[] src, int i, int n) {
    int k = i + 1;
    while (k < n && k < i + 10 && (isWordChar(src[k]) || src[k] == '#')) {
      k++;
    }
    return k < n && src[k] == ';' && k > i + 1 ? k + 1 : i + 1;
  }

  private static int code(char[] src, int i, int n) {
    if (i + 2 < n && src[i + 1] == '`' && src[i + 2] == '`') {
      for (int k = i + 3; k + 2 < n; k++) {
        if (src[k] == '`' && src[k + 1] == '`' && src[k + 2] == '`') {
          return k + 3;
        }
      }
      return i + 3;
    }
    for (int k = i + 1; k < n && src[k] != '\n'; k++) {
      if (src[k] == '`') {
        return k + 1;
      }
    }
    return i + 1;
  }

  /**
   * The end of the chunk that starts at {@code s} with a letter or digit, or -1 when the chunk is a
   * link (a "://", a "www." or a dot followed later by a slash). {@code [s, from)} is a word
   * already read: it holds letters, digits, apostrophes and hyphens only, so the scan for dots and
   * slashes starts at {@code from}.
   */
  private static int chunkEndUnlessLink(char[] src, int s, int from, int n) {
    char c0 = src[s];
    if ((c0 == 'h' || c0 == 'H' || c0 == 'w' || c0 == 'W')
        && (starts(src, s, n, "http://")
            || starts(src, s, n, "https://")
            || starts(src, s, n, "www."))) {
      return -1;
    }
    boolean dot = false;
    int k = from;
    for (; k < n; k++) {
      char c = src[k];
      if (c < 128 && (ASCII[c] & WORD) != 0) {
        continue;
      }
      if (isSpace(c)) {
        break;
      }
      if (c == '.' && k > s && k + 1 < n && isWordChar(src[k + 1])) {
        dot = true;
      } else if (c == '/' && dot && k + 1 < n && isWordChar(src[k + 1])) {
        return -1;
      }
    }
    return k;
  }

  private static boolean isUrl(char[] src, int i, int n) {
    if (starts(src, i, n, "http://")
        || starts(src, i, n, "https://")
        || starts(src, i, n, "www.")) {
      return true;
    }
    // Bare links such as "ow.ly/6QZ9Q" or "youtu.be/x": a dot then a slash inside one chunk.
    int dot = -1;
    for (int k = i; k < n && !isSpace(src[k]); k++) {
      char c = src[k];
      if (c == '.' && dot < 0 && k + 1 < n && isWordChar(src[k + 1])) {
        dot = k;
      } else if (c == '/' && dot > i && k + 1 < n && isWordChar(src[k + 1])) {
        return true;
      }
    }
    return false;
  }

  private static boolean starts(char[] src, int i, int n, String p) {
    if (n - i < p.length()) {
      return false;
    }
    for (int k = 0; k < p.length(); k++) {
      if (Fold.fold(src[i + k]) != p.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a chunk (a run of non-space characters) starts at {@code i}. */
  private static boolean startsChunk(char[] src, int i) {
    return i == 0 || isSpace(src[i - 1]);
  }

  /** The token flags of the markdown context: a quote and bold text. */
  private static int context(boolean quoted, boolean bold) {
    return (quoted ? T_QUOTED : 0) | (bold ? T_BOLD : 0);
  }

  private static int chunkEnd(char[] src, int i, int n) {
    while (i < n && !isSpace(src[i])) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    if (c < 128) {
      return (ASCII[c] & SPACE) != 0;
    }
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u200B';
  }

  static boolean isWordChar(char c) {
    if (c < 128) {
      return (ASCII[c] & WORD) != 0;
    }
    return Character.isLetterOrDigit(c);
  }

  /**
   * Classes of the ASCII characters, and the folded character for letters and digits: one table
   * load is cheaper than a chain of range tests per character.
   */
  private static int[] asciiClasses() {
    int[] t = new int[128];
    for (char c = '0'; c <= '9'; c++) {
      t[c] = WORD | c;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      t[c] = WORD | LOWER | c;
      t[c - ('a' - 'A')] = WORD | UPPER | c;
    }
    for (char c : new char[] {' ', '\n', '\t', '\r'}) {
      t[c] = SPACE;
    }
    return t;
  }
}
