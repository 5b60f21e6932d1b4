package dev.takebot.sentiment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * How the time to read a hostile text grows with its length: per shape (floods of one word, of
 * irony cues, of quotes, emoji, zalgo, NULs, lone surrogates…) the median time of one reading at
 * 1,000 and 8,000 characters (the length read, {@link LexiconSentimentAnalyzer#MAX_CHARS}) and at
 * 1,000,000, and the ratio 8,000 / 1,000: about 8 where the time is linear, 64 where quadratic.
 * Shapes above 16 are marked. A printout to read, not a test (wall-clock asserts would be flaky):
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) dev.takebot.sentiment.HostileTextBench
 * </pre>
 */
public class HostileTextBench {
  public static void main(String[] args) {
    SentimentAnalyzer a = LexiconSentimentAnalyzer.standard();
    Map<String, IntFunction<String>> shapes = new LinkedHashMap<>();
    shapes.put(
        "prose",
        n -> "the deal is good but the coup was bad, sure. ".repeat(n / 45 + 1).substring(0, n));
    shapes.put("one word", n -> "great ".repeat(n / 6 + 1).substring(0, n));
    shapes.put("no spaces", n -> "g".repeat(n));
    shapes.put("emoji", n -> "🙄".repeat(n / 2));
    shapes.put(
        "zalgo",
        n -> ("g" + "\u0301\u0302\u0303\u0304".repeat(10)).repeat(n / 41 + 1).substring(0, n));
    shapes.put("rtl", n -> "\u202Egreat\u202C ".repeat(n / 8 + 1).substring(0, n));
    shapes.put("nul", n -> "great\u0000".repeat(n / 6 + 1).substring(0, n));
    shapes.put("lone surr", n -> "\uD83Dgreat\uDE00 ".repeat(n / 8 + 1).substring(0, n));
    shapes.put("quotes", n -> "'".repeat(n));
    shapes.put("dquotes", n -> "\"great\" ".repeat(n / 8 + 1).substring(0, n));
    shapes.put("??", n -> "??".repeat(n / 2));
    shapes.put("great??", n -> "great?? ".repeat(n / 8 + 1).substring(0, n));
    shapes.put("not", n -> "not ".repeat(n / 4 + 1).substring(0, n) + " good");
    shapes.put("another", n -> "great, another ".repeat(n / 15 + 1).substring(0, n));
    shapes.put("shame about", n -> "great, shame about ".repeat(n / 19 + 1).substring(0, n));
    shapes.put("huh", n -> "great huh. ".repeat(n / 11 + 1).substring(0, n));
    shapes.put("italic", n -> "sure *great* ".repeat(n / 13 + 1).substring(0, n));
    shapes.put("oh sure", n -> "oh sure ".repeat(n / 8 + 1).substring(0, n));
    shapes.put("thanks for", n -> "thanks for ".repeat(n / 11 + 1).substring(0, n));
    shapes.put("one sentence", n -> "great good nice ".repeat(n / 16 + 1).substring(0, n) + " 🙄");
    shapes.put("star", n -> "*".repeat(n));
    shapes.put("sure*great", n -> "sure ".repeat(n / 10) + "*great* ".repeat(n / 16));
    shapes.put(
        "long quotes",
        n -> "\"respect for our great sovereignty\" lol ".repeat(n / 40 + 1).substring(0, n));
    shapes.put("kudos", n -> "great job guys, you lost ".repeat(n / 25 + 1).substring(0, n));
    shapes.put("actor lol", n -> "washington lol ".repeat(n / 15 + 1).substring(0, n));
    shapes.put("as if", n -> "as if as if ".repeat(n / 12 + 1).substring(0, n));
    // A drawl opens its sentence only after openers: asked per drawl from the sentence start, a
    // flood of them in one sentence grew quadratically (8k/1k was 18).
    shapes.put("drawl", n -> "riiight, ".repeat(n / 9 + 1).substring(0, n));
    shapes.put(
        "kudos remedy", n -> "good job fixing the broken ".repeat(n / 27 + 1).substring(0, n));
    // Shapes the learned judges read (their features stop after 64 tokens): hashes, digits, CRLF
    // lines, and many distinct words in one sentence.
    shapes.put("hash", n -> "#".repeat(n));
    shapes.put("digits", n -> "0123456789".repeat(n / 10 + 1).substring(0, n));
    shapes.put("crlf", n -> "great plan\r\nsure\r\n".repeat(n / 18 + 1).substring(0, n));
    shapes.put(
        "distinct",
        n -> {
          StringBuilder b = new StringBuilder();
          for (int i = 0; b.length() < n; i++) {
            b.append("great w").append(i).append(' ');
          }
          return b.substring(0, n);
        });
    int[] lens = {1000, 8000, 1_000_000};
    System.out.printf(
        "%-14s %12s %12s %12s %8s  %s%n", "shape", "1k chars", "8k", "1M", "8k/1k", "label");
    for (var e : shapes.entrySet()) {
      StringBuilder sb = new StringBuilder(String.format("%-14s", e.getKey()));
      double[] med = new double[lens.length];
      for (int li = 0; li < lens.length; li++) {
        int n = lens[li];
        String t = e.getValue().apply(n);
        for (int w = 0; w < 200; w++) {
          a.analyze(t);
        }
        int reps = 301;
        long[] ts = new long[reps];
        for (int r = 0; r < reps; r++) {
          long s = System.nanoTime();
          a.analyze(t);
          ts[r] = System.nanoTime() - s;
        }
        Arrays.sort(ts);
        med[li] = ts[reps / 2] / 1000.0;
        sb.append(String.format(" %10.1fus", med[li]));
      }
      double ratio = med[1] / med[0];
      sb.append(String.format(" %8.1f%s", ratio, ratio > 16 ? " !" : "  "));
      System.out.println(sb + " " + a.analyze(e.getValue().apply(8000)).label());
    }
  }
}
