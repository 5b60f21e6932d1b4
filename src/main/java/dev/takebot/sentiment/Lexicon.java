package dev.takebot.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Every table the analyser reads, compiled once from classpath resources into flat arrays: VADER's
 * human-rated lexicon (MIT, from the vader-sentiment-analyzer jar), our English additions, a French
 * lexicon, emoji valences, modifier words (boosters, negators, contrast words, language markers)
 * and two-word phrases. Immutable after construction and therefore safe to share between threads.
 */
final class Lexicon {
  static final String VADER_RESOURCE = "sentiment/vader_sentiment_lexicon.txt";
  static final String DIR = "sentiment/";

  // Term flags. They sit above TokenBuffer's token flags so that a token carries both in one int:
  // the scorer
  // then reads a neighbour's role ("not", "very", "but") without going back to these tables.
  private static final int FIRST_BIT = TokenBuffer.TOKEN_FLAG_BITS;
  static final int NEGATOR = 1 << FIRST_BIT;
  static final int CONTRAST = 1 << (FIRST_BIT + 1);
  static final int FUNC_EN = 1 << (FIRST_BIT + 2);
  static final int FUNC_FR = 1 << (FIRST_BIT + 3);
  static final int NO = 1 << (FIRST_BIT + 4);
  static final int LEAST = 1 << (FIRST_BIT + 5);
  static final int KIND = 1 << (FIRST_BIT + 6);
  static final int OF = 1 << (FIRST_BIT + 7);
  static final int OR_NOR = 1 << (FIRST_BIT + 8);
  static final int AT_VERY = 1 << (FIRST_BIT + 9);
  static final int SARCASM = 1 << (FIRST_BIT + 10);
  static final int PHRASE_HEAD = 1 << (FIRST_BIT + 11);
  static final int LIKE = 1 << (FIRST_BIT + 12);
  static final int LIKE_SUBJECT = 1 << (FIRST_BIT + 13);
  static final int NE = 1 << (FIRST_BIT + 14);
  static final int SOFT_BOOSTER = 1 << (FIRST_BIT + 15);
  static final int DISCOURSE = 1 << (FIRST_BIT + 16);

  /** Derived: the term has an English or a French valence. */
  static final int VALENCE = 1 << (FIRST_BIT + 17);

  /** Derived: the term has a booster or dampener increment. */
  static final int BOOSTER = 1 << (FIRST_BIT + 18);

  /**
   * Derived: the term may start an irony pattern (see {@link #cues}), so the scorer runs its irony
   * pass over the text. Words that only play a part once another cue is there carry no such flag.
   */
  static final int IRONY = 1 << (FIRST_BIT + 19);

  // Irony cue kinds, per term in cues (an int each: the token flags have no bit left for them).
  /** "sure", "oh", "yeah", "wow": opens a sarcastic sentence when it stresses praise. */
  static final int CUE_OPENER = 1;

  /** "another", "encore", "more": "great, another delay". */
  static final int CUE_ANOTHER = 1 << 1;

  /** "shame", "pity", "dommage": "great diplomacy, shame about the coup". */
  static final int CUE_TAIL = 1 << 2;

  /** "about", "that", "que": what a tail word needs after it to read as a tail. */
  static final int CUE_TAIL_LINK = 1 << 3;

  /** "lol", "lmao", "mdr": laughter, which mocks in an ironic text. */
  static final int CUE_LAUGH = 1 << 4;

  /** "said", "wrote": quotes after them report words; they are no scare quotes. */
  static final int CUE_SPEECH = 1 << 5;

  /** "who", "is", "anyone", "quand": a question opening with one asks rather than judges. */
  static final int CUE_QUESTION = 1 << 6;

  /** The first word of an irony phrase ("thanks for nothing", "oh sure"). */
  static final int CUE_PHRASE = 1 << 7;

  /** "huh", "hein": ending a sentence, it doubts the sentence's praise. */
  static final int CUE_HUH = 1 << 8;

  /** "Washington", "junta", "afrique": an actor of the news, whom laughter about them mocks. */
  static final int CUE_ACTOR = 1 << 9;

  /** "US": an actor of the news when written in capitals (not the pronoun "us"). */
  static final int CUE_ACTOR_CAPS = 1 << 10;

  /** "sure", "right", "totally": drawled ("suuure", "riiight"), it says the opposite. */
  static final int CUE_DRAWL = 1 << 11;

  /**
   * "fixing", "ended", "despite", "dénoncé": what a congratulation names after it was overcome, not
   * a failure.
   */
  static final int CUE_REMEDY = 1 << 12;

  /** "in", "from", "au": before an actor's name, it names a place ("my cousin in Mali"). */
  static final int CUE_PLACE = 1 << 13;

  /** A word of the news the takes argue about ("sovereignty", "sanctions"): see WordModel. */
  static final int CUE_TOPIC = 1 << 14;

  // Chatter kinds, per term in chatterKinds (see Chatter and chatter.tsv).
  /** "ok", "thx", "gm": acknowledges or greets; judges nothing when it is a text's only word. */
  static final int CHAT_ACK = 1;

  /** "channel", "bot", "stream", "link": talk about the chat itself, not the topic. */
  static final int CHAT_META = 1 << 1;

  /** "curious", "wondering": curiosity about what follows, no judgement. */
  static final int CHAT_CURIOUS = 1 << 2;

  /** "how", "if", "whether", "to": what follows a curiosity word that asks. */
  static final int CHAT_ASKED = 1 << 3;

  /** "believe", "crois": a belief verb, whose negation reads as doubt. */
  static final int CHAT_BELIEF = 1 << 4;

  /** "anyone", "what's", "does": opens a question even without a question mark. */
  static final int CHAT_ASKS = 1 << 5;

  /**
   * "wait", "btw", "so": may lead into a question that CHAT_ASKS opens ("wait what's the source").
   */
  static final int CHAT_LEAD = 1 << 6;

  /** "can't", "couldn't": before a belief verb, amazement rather than doubt. */
  static final int CHAT_AMAZED = 1 << 7;

  /** "anyone", "quelqu'un": opens a request when a CHAT_REQUEST verb follows. */
  static final int CHAT_SEEKER = 1 << 8;

  /** "know", "have", "seen": after a CHAT_SEEKER, asks ("anyone know a good podcast"). */
  static final int CHAT_REQUEST = 1 << 9;

  /** The kinds that start the irony pass (the others only matter once it runs). */
  // French negation roles, per term in frRoles (see Tokenizer.frenchRules and Scorer): what makes
  // "pas" a noun, what ends a negation's scope, and what tells a verb.
  /** "un", "le", "premier", "petit": before "pas", it makes it the noun "step". */
  static final int FR_DETERMINER = 1;

  /** "pas": a negation, or the noun "step" after a determiner or before "en avant". */
  static final int FR_STEP = 1 << 1;

  /** "sauf", "hormis", "excepté": what follows is the exception, affirmed, not negated. */
  static final int FR_EXCEPT = 1 << 2;

  /** "que", "qu'": after a lone "ne" ("n'a apporté que la peur"), restricts rather than negates. */
  static final int FR_ONLY = 1 << 3;

  /** "personne", "nul": a negation as the subject before "ne" ("personne ne croit que"). */
  static final int FR_SUBJECT_NEGATOR = 1 << 4;

  /** "je", "on", "ça", "me": a clitic pronoun, so the word after it is a verb. */
  static final int FR_PRONOUN = 1 << 5;

  /** "pas", "jamais": after a verb with "ne" dropped ("j'aime pas"), negates that verb. */
  static final int FR_POST_NEGATOR = 1 << 6;

  /** "quand", "lorsque": "c'est beau le respect quand il y a de l'uranium à prendre". */
  static final int FR_WHEN = 1 << 7;

  /** "beau", "joli": praise that "c'est beau X quand ..." says through the teeth. */
  static final int FR_IRONIC_PRAISE = 1 << 8;

  /** "même": "quand même" concedes; it is no "when". */
  static final int FR_EVEN = 1 << 9;

  /** "ce", "si", "est": the words of "si ce n'est" (except), whose "n'" negates nothing. */
  static final int FR_SI = 1 << 10;

  private static final int TRIGGERS = CUE_ANOTHER | CUE_TAIL | CUE_LAUGH | CUE_PHRASE | CUE_HUH;

  private static final int ENTRY = 4;
  private static final int EMOJI_BMP_BASE = 0x2100;
  private static final int EMOJI_BMP_END = 0x2C00;
  private static final int EMOJI_ASTRAL_BASE = 0x1F000;
  private static final int EMOJI_ASTRAL_END = 0x1FB00;

  final TermTable table;

  /**
   * The terms that hold a character other than a letter or digit (":)", "<3", "/s", "can't"), with
   * the same ids. Only such terms can match a chunk read as an emoticon, so that probe stays in a
   * small, cache-resident table.
   */
  final TermTable symbolic;

  /**
   * Per term id, four ints side by side: flags, then the bits of the English valence (VADER scale
   * -4..4, NaN when none), the French valence (NaN when none) and the booster/dampener increment (0
   * when none). Scoring a word reads all four, so keeping them on one cache line saves three misses
   * per word on a busy machine.
   */
  private final int[] entries;

  final String[] names;

  /**
   * "not " + name per term, made once: negated words are common among the reasons a reading gives.
   */
  final String[] negatedNames;

  /** Each term's name hashed as the learned judges hash words ({@link WordModel}), made once. */
  final int[] nameHashes;

  private final float[] emojiBmp = new float[EMOJI_BMP_END - EMOJI_BMP_BASE];
  private final float[] emojiAstral = new float[EMOJI_ASTRAL_END - EMOJI_ASTRAL_BASE];
  private final String[] emojiBmpNames = new String[emojiBmp.length];
  private final String[] emojiAstralNames = new String[emojiAstral.length];

  /** Phrase valences keyed by (first id << 32 | second id), while loading. */
  private final Map<Long, Float> phraseMap = new HashMap<>();

  /** The same, compiled to open addressing so the hot path does not box. */
  private final long[] phraseKeys;

  private final float[] phraseValues;

  /** Irony cue kinds (CUE_*) per term id, 0 for most. */
  private final int[] cues;

  /**
   * Irony phrases: the term ids of each, and the valence its last word takes (VADER scale). A
   * phrase flagged sarcastic also turns the text's praise around ("oh sure, great plan").
   */
  final int[][] ironyPhrases;

  /**
   * The irony phrases each term starts, by term id (null for most): a cue word looks only at its
   * own few phrases, not at every phrase.
   */
  final int[][] ironyStarting;

  final float[] ironyValences;
  final boolean[] ironySarcastic;

  /** Whether irony phrase k counts only where it closes its clause ("good luck with that."). */
  final boolean[] ironyClosing;

  /** Whether irony phrase k counts only where it ends its sentence ("how kind of them."). */
  final boolean[] ironyFinal;

  /** Whether irony phrase k counts only where it opens its sentence ("as if they cared"). */
  final boolean[] ironyOpening;

  /**
   * Whether irony phrase k is congratulation ("great job", "bravo"): it keeps its words' valences
   * and turns around only when the rest of its sentence reports a failure.
   */
  final boolean[] ironyKudos;

  /** Chatter kinds (CHAT_*) per term id, 0 for most. */
  private final int[] chatterKinds;

  /** French negation roles (FR_*) per term id, 0 for most. */
  private final int[] frRoles;

  /** CRC of every resource byte read, folded into the analyser's version. */
  final long checksum;

  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> terms = new ArrayList<>();
  private final List<float[]> rows = new ArrayList<>();
  private final List<Integer> rowFlags = new ArrayList<>();
  private final Map<Integer, Integer> cueKinds = new HashMap<>();
  private final CRC32 crc = new CRC32();

  Lexicon(ClassLoader loader) {
    Arrays.fill(emojiBmp, Float.NaN);
    List<String[]> phraseLines = new ArrayList<>();
    Map<Integer, Integer> roles = new HashMap<>();
    Arrays.fill(emojiAstral, Float.NaN);
    for (String line : lines(loader, VADER_RESOURCE, false)) {
      // The first two of VADER's four columns, without splitting off its long list of ratings (a
      // one-off run waits for this loop over 7,500 lines).
      int tab = line.indexOf('\t');
      int end = tab < 0 ? -1 : line.indexOf('\t', tab + 1);
      if (tab < 0 || (end < 0 ? line.length() : end) == tab + 1) {
        if (line.split("\t").length >= 2) {
          throw new IllegalStateException("vader lexicon: empty valence in " + line);
        }
        continue; // as split("\t") reads it: fewer than two fields
      }
      String term = line.substring(0, tab);
      String valence = line.substring(tab + 1, end < 0 ? line.length() : end);
      if (term.indexOf(' ') > 0) {
        // VADER lists "fed up", "can't stand": Python VADER never matches these; we do
        phraseLines.add(new String[] {term, valence});
      } else {
        row(term)[0] = Float.parseFloat(valence);
      }
    }
    for (String line : lines(loader, DIR + "en-additions.tsv")) {
      String[] f = line.split("\t");
      row(f[0])[0] = Float.parseFloat(f[1]);
    }
    for (String line : lines(loader, DIR + "fr.tsv")) {
      String[] f = line.split("\t");
      row(f[0])[1] = Float.parseFloat(f[1]);
    }
    for (String line : lines(loader, DIR + "modifiers.tsv")) {
      String[] f = line.split("\t");
      String kind = f[0];
      for (String term : f[1].split(",")) {
        term = term.strip();
        int id = id(term);
        switch (kind) {
          case "booster" -> rows.get(id)[2] = Float.parseFloat(f[2]);
          case "negator" -> flag(id, NEGATOR);
          case "contrast" -> flag(id, CONTRAST);
          case "func-en" -> flag(id, FUNC_EN);
          case "func-fr" -> flag(id, FUNC_FR);
          case "no" -> flag(id, NO);
          case "least" -> flag(id, LEAST);
          case "kind" -> flag(id, KIND);
          case "of" -> flag(id, OF);
          case "or-nor" -> flag(id, OR_NOR);
          case "at-very" -> flag(id, AT_VERY);
          case "sarcasm" -> flag(id, SARCASM);
          case "like" -> flag(id, LIKE);
          case "ne" -> flag(id, NE);
          case "soft-booster" -> flag(id, SOFT_BOOSTER);
          case "discourse" -> flag(id, DISCOURSE);
          case "like-subject" -> flag(id, LIKE_SUBJECT);
          case "irony-opener" -> cue(id, CUE_OPENER);
          case "irony-another" -> cue(id, CUE_ANOTHER);
          case "irony-tail" -> cue(id, CUE_TAIL);
          case "irony-tail-link" -> cue(id, CUE_TAIL_LINK);
          case "laugh" -> cue(id, CUE_LAUGH);
          case "huh" -> cue(id, CUE_HUH);
          case "speech" -> cue(id, CUE_SPEECH);
          case "question" -> cue(id, CUE_QUESTION);
          case "actor" -> cue(id, CUE_ACTOR);
          case "news-topic" -> cue(id, CUE_TOPIC);
          case "actor-caps" -> cue(id, CUE_ACTOR_CAPS);
          case "drawl" -> cue(id, CUE_DRAWL);
          case "place" -> cue(id, CUE_PLACE);
          case "irony-remedy" -> cue(id, CUE_REMEDY);
          case "fr-determiner" -> roles.merge(id, FR_DETERMINER, (a, b) -> a | b);
          case "fr-step" -> roles.merge(id, FR_STEP, (a, b) -> a | b);
          case "fr-except" -> roles.merge(id, FR_EXCEPT, (a, b) -> a | b);
          case "fr-only" -> roles.merge(id, FR_ONLY, (a, b) -> a | b);
          case "fr-subject-negator" -> roles.merge(id, FR_SUBJECT_NEGATOR, (a, b) -> a | b);
          case "fr-pronoun" -> roles.merge(id, FR_PRONOUN, (a, b) -> a | b);
          case "fr-post-negator" -> roles.merge(id, FR_POST_NEGATOR, (a, b) -> a | b);
          case "fr-when" -> roles.merge(id, FR_WHEN, (a, b) -> a | b);
          case "fr-ironic-praise" -> roles.merge(id, FR_IRONIC_PRAISE, (a, b) -> a | b);
          case "fr-even" -> roles.merge(id, FR_EVEN, (a, b) -> a | b);
          case "fr-si" -> roles.merge(id, FR_SI, (a, b) -> a | b);
          default -> throw new IllegalStateException("modifiers.tsv: unknown kind " + kind);
        }
      }
    }
    for (String line : lines(loader, DIR + "phrases.tsv")) {
      phraseLines.add(line.split("\t"));
    }
    for (String[] f : phraseLines) {
      String[] words = f[0].split(" ");
      int a = id(words[0]);
      int b = id(words[1]);
      flag(b, PHRASE_HEAD);
      phraseMap.put(((long) a << 32) | b, Float.parseFloat(f[1]));
    }
    List<int[]> ironyIds = new ArrayList<>();
    List<String[]> ironyLines = new ArrayList<>();
    for (String line : lines(loader, DIR + "irony.tsv")) {
      String[] f = line.split("\t");
      String[] words = f[0].split(" ");
      int[] seq = new int[words.length];
      for (int k = 0; k < words.length; k++) {
        seq[k] = id(words[k]);
      }
      cue(seq[0], CUE_PHRASE);
      ironyIds.add(seq);
      ironyLines.add(f);
    }
    ironyPhrases = ironyIds.toArray(new int[0][]);
    ironyValences = new float[ironyPhrases.length];
    ironySarcastic = new boolean[ironyPhrases.length];
    ironyClosing = new boolean[ironyPhrases.length];
    ironyOpening = new boolean[ironyPhrases.length];
    ironyFinal = new boolean[ironyPhrases.length];
    ironyKudos = new boolean[ironyPhrases.length];
    for (int k = 0; k < ironyPhrases.length; k++) {
      String[] f = ironyLines.get(k);
      ironyValences[k] = Float.parseFloat(f[1]);
      List<String> marks = f.length > 2 ? words(f[2].strip()) : List.of();
      ironySarcastic[k] = marks.contains("sarcastic");
      ironyClosing[k] = marks.contains("closing");
      ironyOpening[k] = marks.contains("opening");
      ironyFinal[k] = marks.contains("final");
      ironyKudos[k] = marks.contains("kudos");
    }
    Map<Integer, Integer> chatter = new HashMap<>();
    for (String line : lines(loader, DIR + "chatter.tsv")) {
      String[] f = line.split("\t");
      int kind =
          switch (f[0]) {
            case "ack" -> CHAT_ACK;
            case "meta" -> CHAT_META;
            case "curious" -> CHAT_CURIOUS;
            case "asked" -> CHAT_ASKED;
            case "belief" -> CHAT_BELIEF;
            case "asks" -> CHAT_ASKS;
            case "lead" -> CHAT_LEAD;
            case "amazed" -> CHAT_AMAZED;
            case "seeker" -> CHAT_SEEKER;
            case "request" -> CHAT_REQUEST;
            default -> throw new IllegalStateException("chatter.tsv: unknown kind " + f[0]);
          };
      for (String term : f[1].split(",")) {
        chatter.merge(id(term.strip()), kind, (a, b) -> a | b);
      }
    }
    for (String line : lines(loader, DIR + "emoji.tsv")) {
      String[] f = line.split("\t");
      int cp = f[0].codePointAt(0);
      float v = Float.parseFloat(f[1]);
      if (cp >= EMOJI_ASTRAL_BASE && cp < EMOJI_ASTRAL_END) {
        emojiAstral[cp - EMOJI_ASTRAL_BASE] = v;
        emojiAstralNames[cp - EMOJI_ASTRAL_BASE] = new String(Character.toChars(cp));
      } else if (cp >= EMOJI_BMP_BASE && cp < EMOJI_BMP_END) {
        emojiBmp[cp - EMOJI_BMP_BASE] = v;
        emojiBmpNames[cp - EMOJI_BMP_BASE] = new String(Character.toChars(cp));
      } else {
        throw new IllegalStateException("emoji.tsv: code point out of range: " + f[0]);
      }
    }
    int n = terms.size();
    entries = new int[ENTRY * n];
    cues = new int[n];
    chatterKinds = new int[n];
    chatter.forEach((id, kind) -> chatterKinds[id] = kind);
    frRoles = new int[n];
    roles.forEach((id, kind) -> frRoles[id] = kind);
    names = terms.toArray(new String[0]);
    negatedNames = new String[n];
    nameHashes = new int[n];
    for (int i = 0; i < n; i++) {
      float[] r = rows.get(i);
      boolean valence = r[0] == r[0] || r[1] == r[1];
      int cue = cueKinds.getOrDefault(i, 0);
      cues[i] = cue;
      entries[ENTRY * i] =
          rowFlags.get(i)
              | (valence ? VALENCE : 0)
              | (r[2] != 0 ? BOOSTER : 0)
              | ((cue & TRIGGERS) != 0 ? IRONY : 0);
      entries[ENTRY * i + 1] = Float.floatToRawIntBits(r[0]);
      entries[ENTRY * i + 2] = Float.floatToRawIntBits(r[1]);
      entries[ENTRY * i + 3] = Float.floatToRawIntBits(r[2]);
      negatedNames[i] = "not ".concat(names[i]); // no string concatenation to bootstrap
      nameHashes[i] = WordModel.hash(names[i]);
    }
    ironyStarting = new int[n][];
    for (int k = 0; k < ironyPhrases.length; k++) {
      int first = ironyPhrases[k][0];
      int[] was = ironyStarting[first];
      int[] now = was == null ? new int[1] : Arrays.copyOf(was, was.length + 1);
      now[now.length - 1] = k; // file order kept: the first phrase that matches wins
      ironyStarting[first] = now;
    }
    table = new TermTable(terms);
    symbolic = new TermTable(terms, Lexicon::hasSymbol);
    int cap = Integer.highestOneBit(Math.max(8, phraseMap.size() * 4)) << 1;
    phraseKeys = new long[cap];
    phraseValues = new float[cap];
    Arrays.fill(phraseKeys, -1L);
    for (Map.Entry<Long, Float> e : phraseMap.entrySet()) {
      int slot = phraseSlot(e.getKey());
      while (phraseKeys[slot] != -1L) {
        slot = (slot + 1) & (phraseKeys.length - 1);
      }
      phraseKeys[slot] = e.getKey();
      phraseValues[slot] = e.getValue();
    }
    checksum = crc.getValue();
  }

  private static boolean hasSymbol(String term) {
    for (int i = 0; i < term.length(); i++) {
      if (!Tokenizer.isWordChar(term.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The flags of term {@code id} (the constants above). */
  int flags(int id) {
    return entries[ENTRY * id];
  }

  /** English valence of term {@code id}, NaN when none. */
  float en(int id) {
    return Float.intBitsToFloat(entries[ENTRY * id + 1]);
  }

  /** French valence of term {@code id}, NaN when none. */
  float fr(int id) {
    return Float.intBitsToFloat(entries[ENTRY * id + 2]);
  }

  /** Booster (positive) or dampener (negative) increment of term {@code id}, 0 when none. */
  float boost(int id) {
    return Float.intBitsToFloat(entries[ENTRY * id + 3]);
  }

  /** Valence of a phrase ending in {@code second}, or NaN. */
  float phrase(int first, int second) {
    long key = ((long) first << 32) | second;
    int slot = phraseSlot(key);
    while (true) {
      long k = phraseKeys[slot];
      if (k == key) {
        return phraseValues[slot];
      }
      if (k == -1L) {
        return Float.NaN;
      }
      slot = (slot + 1) & (phraseKeys.length - 1);
    }
  }

  private int phraseSlot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & (phraseKeys.length - 1);
  }

  /** Valence of an emoji code point, NaN when unknown. */
  float emoji(int cp) {
    if (cp >= EMOJI_ASTRAL_BASE && cp < EMOJI_ASTRAL_END) {
      return emojiAstral[cp - EMOJI_ASTRAL_BASE];
    }
    if (cp >= EMOJI_BMP_BASE && cp < EMOJI_BMP_END) {
      return emojiBmp[cp - EMOJI_BMP_BASE];
    }
    return Float.NaN;
  }

  String emojiName(int cp) {
    return cp >= EMOJI_ASTRAL_BASE
        ? emojiAstralNames[cp - EMOJI_ASTRAL_BASE]
        : emojiBmpNames[cp - EMOJI_BMP_BASE];
  }

  private int id(String raw) {
    String term = Fold.fold(raw);
    Integer id = ids.get(term);
    if (id != null) {
      return id;
    }
    ids.put(term, terms.size());
    terms.add(term);
    rows.add(new float[] {Float.NaN, Float.NaN, 0f});
    rowFlags.add(0);
    return terms.size() - 1;
  }

  private float[] row(String raw) {
    return rows.get(id(raw));
  }

  private void cue(int id, int kind) {
    cueKinds.merge(id, kind, (a, b) -> a | b);
  }

  /** The irony cue kinds of term {@code id} (CUE_*), 0 for most terms. */
  int cues(int id) {
    return cues[id];
  }

  /** The chatter kinds of term {@code id} (CHAT_*), 0 for most terms. */
  int chatter(int id) {
    return chatterKinds[id];
  }

  /** The French negation roles of term {@code id} (FR_*), 0 for most terms and for -1 (none). */
  int frRoles(int id) {
    return id < 0 ? 0 : frRoles[id];
  }

  private void flag(int id, int flag) {
    rowFlags.set(id, rowFlags.get(id) | flag);
  }

  private List<String> lines(ClassLoader loader, String resource) {
    return lines(loader, resource, true);
  }

  private List<String> lines(ClassLoader loader, String resource, boolean comments) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "sentiment resource missing from the classpath: " + resource);
      }
      byte[] bytes = in.readAllBytes();
      crc.update(bytes);
      // Lines as BufferedReader.readLine ends them (\n, \r or \r\n), from one decoding of the file.
      String text = new String(bytes, StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      int pos = 0;
      while (pos < text.length()) {
        int end = pos;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
          end++;
        }
        String line = text.substring(pos, end);
        pos = end + (end + 1 < text.length() && text.startsWith("\r\n", end) ? 2 : 1);
        if (!line.isBlank() && !(comments && line.startsWith("#"))) {
          out.add(stripEnd(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sentiment resource " + resource, e);
    }
  }

  /** The words of {@code s} between runs of spaces, as {@code s.split(" +")} gives them. */
  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i <= s.length()) {
      int end = s.indexOf(' ', i);
      if (end < 0) {
        end = s.length();
      }
      if (end > i || out.isEmpty()) {
        out.add(s.substring(i, end));
      }
      i = end + 1;
    }
    return out;
  }

  private static String stripEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == ' ')) {
      end--;
    }
    return s.substring(0, end);
  }
}
