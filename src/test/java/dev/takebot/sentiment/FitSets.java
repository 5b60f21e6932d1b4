package dev.takebot.sentiment;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a fitting command reads: each set's texts split into its fitting and checking halves ({@link
 * Half}), and the provenance header naming every file read.
 *
 * @param fitting per set, in the order given, its points on the fitting half
 * @param checking per set, its points on the checking half
 * @param provenance one {@link #provenanceLine} per set
 */
record FitSets<P>(List<List<P>> fitting, List<List<P>> checking, String provenance) {
  /** A set's bytes by its file name. */
  @FunctionalInterface
  interface Source {
    byte[] bytes(String set) throws IOException;
  }

  /** Reads each of {@code sets}: every row made a point, kept when {@code keep} accepts it. */
  static <P> FitSets<P> read(
      String[] sets, Source source, Function<SentimentTsv.Row, P> point, Predicate<P> keep)
      throws Exception {
    List<List<P>> fitting = new ArrayList<>();
    List<List<P>> checking = new ArrayList<>();
    StringBuilder provenance = new StringBuilder();
    for (String set : sets) {
      byte[] bytes = source.bytes(set);
      List<P> fit = new ArrayList<>();
      List<P> check = new ArrayList<>();
      for (SentimentTsv.Row r : SentimentTsv.parse(bytes, true).rows()) {
        P p = point.apply(r);
        if (keep.test(p)) {
          (Half.of(r.text()) == Half.FITTING ? fit : check).add(p);
        }
      }
      fitting.add(fit);
      checking.add(check);
      provenance.append(provenanceLine(set, bytes, fit.size(), check.size()));
    }
    return new FitSets<>(fitting, checking, provenance.toString());
  }

  /** {@code raw} tokenized as the analyser reads it, HTML escapes decoded when the text has any. */
  static TokenBuffer tokens(Tokenizer tokenizer, String raw) {
    TokenBuffer tb = new TokenBuffer();
    String text = LexiconSentimentAnalyzer.compatible(raw);
    tokenizer.tokenize(tb.reset(text, Math.min(text.length(), LexiconSentimentAnalyzer.MAX_CHARS)));
    if (tb.escaped) {
      text = text.replace("&lt;", "<").replace("&gt;", ">");
      tokenizer.tokenize(
          tb.reset(text, Math.min(text.length(), LexiconSentimentAnalyzer.MAX_CHARS)));
    }
    return tb;
  }

  /** The header line naming a shared file, its SHA-256 and how many of its texts each half has. */
  static String provenanceLine(String set, byte[] bytes, int fitting, int checking)
      throws Exception {
    return String.format(
        Locale.ROOT,
        "#   %s sha256 %s: %d fitting, %d checking%n",
        set,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
        fitting,
        checking);
  }
}
