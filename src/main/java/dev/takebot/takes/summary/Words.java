package dev.takebot.takes.summary;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Word lists for theme extraction: English and French stopwords, opinion and filler words that say how
 * someone feels rather than what they talk about, and aliases that merge demonyms and spellings into
 * one entity (Russian → Russia, U.S. → United States).
 */
final class Words {
  private Words() {}

  private static final Set<String> STOP = Set.copyOf(java.util.List.of(
      // English function words
      "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "aren't",
      "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
      "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing",
      "don't", "down", "during", "each", "few", "for", "from", "further", "had", "hadn't", "has", "hasn't",
      "have", "haven't", "having", "he", "he'd", "he'll", "he's", "her", "here", "here's", "hers",
      "herself", "him", "himself", "his", "how", "how's", "i", "i'd", "i'll", "i'm", "i've", "if", "in",
      "into", "is", "isn't", "it", "it's", "its", "itself", "let's", "me", "more", "most", "mustn't", "my",
      "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "ought", "our",
      "ours", "ourselves", "out", "over", "own", "same", "shan't", "she", "she'd", "she'll", "she's",
      "should", "shouldn't", "so", "some", "such", "than", "that", "that's", "the", "their", "theirs",
      "them", "themselves", "then", "there", "there's", "these", "they", "they'd", "they'll", "they're",
      "they've", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "wasn't",
      "we", "we'd", "we'll", "we're", "we've", "were", "weren't", "what", "what's", "when", "when's",
      "where", "where's", "which", "while", "who", "who's", "whom", "why", "why's", "will", "with",
      "won't", "would", "wouldn't", "you", "you'd", "you'll", "you're", "you've", "your", "yours",
      "yourself", "yourselves", "also", "just", "even", "still", "yet", "now", "ever", "never", "much",
      "many", "lot", "lots", "every", "another", "via", "per", "may", "might", "must", "shall", "within",
      "without", "across", "along", "around", "upon", "onto", "toward", "towards", "since", "though",
      "although", "unless", "whether", "either", "neither", "else", "etc", "yes", "yeah", "nah", "ok",
      "okay", "lol", "lmao", "tbh", "imo", "imho", "idk", "btw", "gonna", "wanna", "gotta", "get", "gets",
      "got", "getting", "make", "makes", "made", "making", "go", "goes", "going", "went", "gone", "come",
      "comes", "came", "take", "takes", "took", "taken", "see", "seen", "saw", "say", "says", "said",
      "know", "knows", "knew", "want", "wants", "need", "needs", "let", "put", "keep", "keeps", "give",
      "gives", "use", "used", "using", "try", "trying", "tried", "seem", "seems", "seemed", "look",
      "looks", "looking", "mean", "means", "thing", "things", "something", "anything", "everything",
      "nothing", "someone", "anyone", "everyone", "nobody", "somebody", "people", "guys", "stuff", "way",
      "ways", "time", "times", "year", "years", "day", "days", "part", "kind", "sort", "fact", "point",
      "actually", "basically", "literally", "probably", "maybe", "perhaps", "already", "really", "quite",
      "rather", "pretty", "enough", "almost", "well", "back", "first", "last", "next", "new", "old",
      "one", "two", "three", "us", "end", "long", "little", "big", "whole", "sure", "right", "left",
      "article", "news", "story", "take", "thread", "post", "today", "tomorrow", "yesterday", "week",
      "far", "less", "least", "better", "best", "worse", "worst", "again", "always", "often", "sometimes",
      "finally", "instead", "anyway", "though", "able", "unable", "like", "likely", "unlikely", "true",
      "false", "real", "thanks", "thank", "please", "lets", "dont", "doesnt", "cant", "wont", "isnt",
      "im", "ive", "youre", "theyre", "thats", "whats", "hes", "shes",
      // opinion and feeling words: they carry tone, not topic
      "think", "thinks", "thought", "believe", "feel", "feels", "felt", "hope", "hopes", "guess", "agree",
      "disagree", "love", "loves", "hate", "hates", "like", "likes", "good", "great", "bad", "terrible",
      "awful", "horrible", "amazing", "awesome", "excellent", "nice", "wonderful", "fantastic", "poor",
      "sad", "happy", "glad", "angry", "worried", "wrong", "stupid", "smart", "clever", "dumb", "fine",
      "interesting", "boring", "important", "huge", "bigger", "small", "obvious", "obviously", "clearly",
      "honestly", "seriously", "totally", "completely", "absolutely", "definitely", "certainly", "simply",
      "positive", "negative", "neutral", "mixed", "move", "idea", "step", "deal", "time", "news", "hmm",
      "wow", "yay", "ugh", "meh", "sounds", "sound", "makes", "doubt", "care", "cares", "worth", "happen",
      "happens", "happened", "matter", "matters", "work", "works", "working", "done", "start", "started",
      "world", "country", "countries", "nation", "nations", "thing", "problem", "problems", "question",
      "change", "changes", "side", "sides", "reason", "reasons", "case", "place", "hand", "course",
      "help", "helps", "helped", "helping", "trust", "trusts", "trusted", "protect", "protects", "hurt",
      "hurts", "follow", "lost", "lose", "loses", "losing", "win", "wins", "won", "read", "reading",
      "agreed", "expected", "signed", "proposed", "commented", "known", "worried", "hopeful", "welcome",
      // French function and filler words
      "au", "aux", "avec", "ce", "ces", "cette", "cet", "dans", "de", "des", "du", "elle", "elles", "en",
      "et", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me",
      "même", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou", "où", "par", "pas", "pour",
      "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un",
      "une", "vos", "votre", "vous", "est", "sont", "été", "être", "avoir", "ont", "avait", "était",
      "fait", "faire", "plus", "moins", "très", "trop", "tout", "tous", "toute", "toutes", "aussi",
      "bien", "encore", "déjà", "alors", "donc", "car", "comme", "si", "sans", "sous", "entre", "vers",
      "chez", "ça", "cela", "ceci", "c'est", "quoi", "quand", "comment", "pourquoi", "peut", "peu",
      "rien", "tout", "autre", "autres", "chose", "choses", "gens", "fois", "ici", "là", "oui", "non",
      "bon", "bonne", "mauvais", "mauvaise", "pense", "crois", "vraiment", "enfin", "juste", "après",
      "avant", "depuis", "pendant", "selon", "leurs", "celui", "celle", "ceux", "dont", "y", "a", "à",
      "va", "vont", "aller", "être", "suis", "es", "sommes", "êtes", "soit", "sera", "seront", "était"));

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

  static boolean isStop(String lower) {
    return STOP.contains(lower);
  }

  /** The canonical display form for an alias, or {@code null}. */
  static String alias(String lower) {
    return ALIASES.get(lower);
  }

  /**
   * Folds an English plural into its singular so that "minerals" and "mineral" count together. Only
   * for keys; the display keeps what people wrote.
   */
  static String fold(String lower) {
    int n = lower.length();
    if (n > 4 && lower.endsWith("ies")) {
      return lower.substring(0, n - 3) + "y";
    }
    if (n > 4 && lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us")
        && !lower.endsWith("is")) {
      return lower.substring(0, n - 1);
    }
    return lower;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
