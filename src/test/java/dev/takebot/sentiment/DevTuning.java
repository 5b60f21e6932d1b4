package dev.takebot.sentiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Development harness (not a test): scores every dev file with a tuning given as system properties
 * and prints the figures next to VADER's, to fit the few global numbers in {@link Tuning}. Run with
 * the test classpath: {@code java -cp ... dev.takebot.sentiment.DevTuning
 * ../shared/data/sentiment/dev}.
 */
final class DevTuning {
  private DevTuning() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment/dev");
    Tuning d = Tuning.DEFAULT;
    Tuning t =
        new Tuning(
            p("alpha", d.alpha()),
            p("scale", d.scale()),
            p("deadZone", d.deadZone()),
            p("negation", d.negation()),
            p("beforeContrast", d.beforeContrast()),
            p("afterContrast", d.afterContrast()),
            p("sarcasm", d.sarcasm()),
            p("quoted", d.quoted()),
            p("mixedMin", d.mixedMin()),
            p("mixedRatio", d.mixedRatio()),
            p("bareNegation", d.bareNegation()),
            p("question", d.question()),
            p("inquiry", d.inquiry()));
    LexiconSentimentAnalyzer a =
        new LexiconSentimentAnalyzer(
            new Lexicon(DevTuning.class.getClassLoader()),
            t,
            Calibration.load(DevTuning.class.getClassLoader()));
    System.out.println(t);
    System.out.println(
        "goemotions.mixed.tsv read as mixed: "
            + mixedCount(a, dir.resolve("goemotions.mixed.tsv"))
            + "/109");
    String takesHalf = System.getProperty("half");
    System.out.println(
        "discord takes: "
            + DiscordTakesTest.figures(
                DiscordTakesTest.read(a).stream()
                    .filter(k -> takesHalf == null || k.half().id().equals(takesHalf))
                    .toList()));
    for (DevBaselines.Baseline b : DevBaselines.ALL) {
      Path f = dir.resolve(b.file());
      SentimentTsv.Table all = SentimentTsv.parse(Files.readAllBytes(f), true);
      // -Dhalf=fitting (or checking) scores one half only: fit on the fitting half, report the
      // other.
      String half = System.getProperty("half");
      SentimentTsv.Table table =
          half == null
              ? all
              : new SentimentTsv.Table(
                  all.rows().stream().filter(r -> Half.of(r.text()).id().equals(half)).toList(),
                  all.hasGoldScore());
      int n = table.rows().size();
      Label[] gold = new Label[n];
      double[] score = new double[n];
      Sentiment[] pred = new Sentiment[n];
      int mixed = 0;
      for (int i = 0; i < n; i++) {
        SentimentTsv.Row r = table.rows().get(i);
        gold[i] = Label.parse(r.goldLabel());
        score[i] = r.goldScore();
        pred[i] = a.analyze(r.text());
        if (pred[i].label() == Label.MIXED) {
          mixed++;
        }
      }
      Evaluation e = Evaluation.of(gold, score, pred);
      String dump = System.getProperty("dump");
      if (dump != null) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
          out.append(table.rows().get(i).id())
              .append('\t')
              .append(pred[i].score())
              .append('\t')
              .append(pred[i].label().id())
              .append('\t')
              .append(String.join("|", pred[i].reasons()))
              .append('\n');
        }
        Files.writeString(Path.of(dump, b.file() + ".ours"), out);
      }
      System.out.printf(
          Locale.ROOT,
          "%-22s r %.4f (%.3f)  acc %.3f (%.3f)  macro %.3f (%.3f)  wF1 %.4f (%.3f) %s mixed %d/%d%n",
          b.file(),
          e.pearson(),
          b.pearson(),
          e.accuracy(),
          b.accuracy(),
          e.macroF1(),
          b.macroF1(),
          e.weightedF1(),
          b.weightedF1(),
          (Double.isNaN(b.pearson()) || e.pearson() > b.pearson())
                  && e.weightedF1() > b.weightedF1()
              ? "OK  "
              : "FAIL",
          mixed,
          n);
    }
  }

  static int mixedCount(SentimentAnalyzer a, Path f) throws Exception {
    int k = 0;
    String half = System.getProperty("half");
    for (SentimentTsv.Row r : SentimentTsv.parse(Files.readAllBytes(f), true).rows()) {
      if (half != null && !Half.of(r.text()).id().equals(half)) {
        continue;
      }
      if (a.analyze(r.text()).label() == Label.MIXED) {
        k++;
      }
    }
    return k;
  }

  private static double p(String name, double def) {
    String v = System.getProperty(name);
    return v == null ? def : Double.parseDouble(v);
  }
}
