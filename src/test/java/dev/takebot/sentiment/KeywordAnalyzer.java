package dev.takebot.sentiment;

import java.util.List;
import java.util.Locale;

/**
 * A test double of {@link SentimentAnalyzer} with fully predictable readings, so end-to-end tests
 * can assert exact summary numbers: each of "good", "great", "love" adds 0.5, each of "bad",
 * "awful", "hate" subtracts 0.5; both kinds present make it mixed.
 */
public final class KeywordAnalyzer implements SentimentAnalyzer {
  private static final List<String> POS = List.of("good", "great", "love");
  private static final List<String> NEG = List.of("bad", "awful", "hate");

  @Override
  public Sentiment analyze(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    int p = (int) POS.stream().filter(t::contains).count();
    int n = (int) NEG.stream().filter(t::contains).count();
    double score = Math.max(-1, Math.min(1, 0.5 * (p - n)));
    Label label =
        p > 0 && n > 0
            ? Label.MIXED
            : p > 0 ? Label.POSITIVE : n > 0 ? Label.NEGATIVE : Label.NEUTRAL;
    return new Sentiment(label, score, List.of());
  }

  @Override
  public String version() {
    return "keyword-test-1";
  }
}
