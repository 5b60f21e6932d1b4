package dev.takebot.takes.summary;

import dev.takebot.text.StopWords;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Word lists for theme extraction: which words never name a topic (the shared English and French stop
 * words, plus chat filler and opinion words that say how someone feels rather than what they talk
 * about), words that join names, and aliases that merge demonyms and spellings into
 * one entity (Russian → Russia, U.S. → United States).
 */
final class Words {
  private Words() {}

  /**
   * Words that are not stop words of the language ({@link StopWords}) but never name what a discussion
   * is about: chat filler, everyday verbs and nouns, and opinion words, which carry tone, not topic.
   */
  private static final Set<String> TOPICLESS = Set.of(
      // chat filler, everyday verbs and nouns
      "lot", "lots", "yes", "yeah", "nah", "ok", "okay", "lol", "lmao", "tbh", "imo", "imho", "idk", "btw",
      "gonna", "wanna", "gotta", "get", "gets", "got", "getting", "makes", "making", "go", "goes", "going",
      "went", "gone", "come", "comes", "came", "take", "takes", "took", "taken", "see", "seen", "saw", "know",
      "knows", "knew", "want", "wants", "need", "needs", "let", "put", "keep", "keeps", "give", "gives",
      "use", "used", "using", "try", "trying", "tried", "seem", "seems", "seemed", "look", "looks", "looking",
      "mean", "means", "thing", "things", "something", "anything", "everything", "nothing", "someone",
      "anyone", "everyone", "nobody", "somebody", "people", "guys", "stuff", "way", "ways", "time", "times",
      "day", "days", "part", "kind", "sort", "fact", "point", "actually", "basically", "literally",
      "probably", "maybe", "perhaps", "already", "really", "quite", "pretty", "enough", "back", "first",
      "last", "next", "old", "end", "long", "little", "big", "whole", "sure", "right", "left", "article",
      "news", "story", "thread", "post", "today", "tomorrow", "yesterday", "week", "far", "better", "best",
      "worse", "worst", "always", "often", "sometimes", "finally", "instead", "anyway", "able", "unable",
      "likely", "unlikely", "true", "false", "real", "thanks", "thank", "please", "lets", "doesnt", "cant",
      "wont", "isnt", "im", "ive", "youre", "theyre", "thats", "whats", "hes", "shes",
      // opinion and feeling words: they carry tone, not topic
      "think", "thinks", "thought", "believe", "feel", "feels", "felt", "hope", "hopes", "guess", "agree",
      "disagree", "love", "loves", "hate", "hates", "likes", "good", "great", "bad", "terrible", "awful",
      "horrible", "amazing", "awesome", "excellent", "nice", "wonderful", "fantastic", "poor", "sad", "happy",
      "glad", "angry", "worried", "wrong", "stupid", "smart", "clever", "dumb", "fine", "interesting",
      "boring", "important", "huge", "bigger", "small", "obvious", "obviously", "clearly", "honestly",
      "seriously", "totally", "completely", "absolutely", "definitely", "certainly", "simply", "positive",
      "negative", "neutral", "mixed", "move", "idea", "step", "deal", "hmm", "wow", "yay", "ugh", "meh",
      "sounds", "sound", "doubt", "care", "cares", "worth", "happen", "happens", "happened", "matter",
      "matters", "work", "works", "working", "done", "start", "started", "world", "country", "countries",
      "nation", "nations", "problem", "problems", "question", "change", "changes", "side", "sides", "reason",
      "reasons", "case", "place", "hand", "course", "help", "helps", "helped", "helping", "trust", "trusts",
      "trusted", "protect", "protects", "hurt", "hurts", "follow", "lost", "lose", "loses", "losing", "win",
      "wins", "won", "read", "reading", "agreed", "expected", "signed", "proposed", "commented", "hopeful",
      "welcome");

  /** Words that may join capitalised words into one name: "Alliance of Sahel States", "Côte d'Ivoire". */
  static final Set<String> CONNECTORS = Set.of("of", "de", "du", "des", "la", "le", "d'", "and");

  /** Canonical entity per alias, keyed by lower case. The value is the display form. */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("russia", "Russia"), Map.entry("russian", "Russia"), Map.entry("russians", "Russia"),
      Map.entry("russie", "Russia"), Map.entry("russe", "Russia"), Map.entry("russes", "Russia"),
      Map.entry("france", "France"), Map.entry("french", "France"), Map.entry("français", "France"),
      Map.entry("française", "France"), Map.entry("francais", "France"), Map.entry("paris", "France"),
      Map.entry("united states", "United States"), Map.entry("us", "United States"),
      Map.entry("u.s", "United States"), Map.entry("u.s.", "United States"), Map.entry("usa", "United States"),
      Map.entry("u.s.a", "United States"), Map.entry("u.s.a.", "United States"),
      Map.entry("america", "United States"), Map.entry("american", "United States"),
      Map.entry("americans", "United States"), Map.entry("états-unis", "United States"),
      Map.entry("etats-unis", "United States"), Map.entry("américains", "United States"),
      Map.entry("washington", "United States"), Map.entry("us government", "United States"),
      Map.entry("mali", "Mali"), Map.entry("malian", "Mali"), Map.entry("malians", "Mali"),
      Map.entry("malien", "Mali"), Map.entry("maliens", "Mali"),
      Map.entry("niger", "Niger"), Map.entry("nigerien", "Niger"), Map.entry("nigeriens", "Niger"),
      Map.entry("nigérien", "Niger"), Map.entry("nigériens", "Niger"),
      Map.entry("burkina faso", "Burkina Faso"), Map.entry("burkina", "Burkina Faso"),
      Map.entry("burkinabe", "Burkina Faso"), Map.entry("burkinabè", "Burkina Faso"),
      Map.entry("wagner", "Wagner"), Map.entry("wagner group", "Wagner"), Map.entry("groupe wagner", "Wagner"),
      Map.entry("china", "China"), Map.entry("chinese", "China"), Map.entry("chine", "China"),
      Map.entry("europe", "Europe"), Map.entry("european", "Europe"), Map.entry("europeans", "Europe"),
      Map.entry("eu", "Europe"), Map.entry("africa", "Africa"), Map.entry("african", "Africa"),
      Map.entry("africans", "Africa"), Map.entry("afrique", "Africa"), Map.entry("africain", "Africa"),
      Map.entry("africains", "Africa"), Map.entry("sahel", "Sahel"), Map.entry("sahelian", "Sahel"),
      Map.entry("west", "the West"), Map.entry("western", "the West"), Map.entry("westerners", "the West"),
      Map.entry("occident", "the West"), Map.entry("occidental", "the West"),
      Map.entry("aes", "Alliance of Sahel States"), Map.entry("alliance of sahel states", "Alliance of Sahel States"),
      Map.entry("state department", "State Department"), Map.entry("uk", "United Kingdom"),
      Map.entry("britain", "United Kingdom"), Map.entry("british", "United Kingdom"),
      Map.entry("ukraine", "Ukraine"), Map.entry("ukrainian", "Ukraine"), Map.entry("ukrainians", "Ukraine"));

  /** A stop word of either language members write in, or a word that never names a topic. */
  static boolean isStop(String lower) {
    return StopWords.isEnglishOrFrench(lower) || TOPICLESS.contains(lower);
  }

  /** The canonical display form for an alias, or {@code null}. */
  static String alias(String lower) {
    return ALIASES.get(lower);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
