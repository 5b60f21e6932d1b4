package dev.takebot.cli;

import dev.takebot.article.ArticleFormatException;
import dev.takebot.article.ArticleParser;
import dev.takebot.article.CraftedArticles;
import dev.takebot.article.PostBuilder;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code takebot bench-article}: times what {@code preview} does (parse the bytes, build the post)
 * on crafted hostile articles, at the largest size accepted and at 1 MB (refused by size, which
 * must be just as quick). Prints the median milliseconds per case and what the parser answered;
 * asserts nothing. The target is under one second per case: every text pass is linear in the input.
 */
@Command(
    name = "bench-article",
    mixinStandardHelpOptions = true,
    description =
        "Time article previews on crafted hostile inputs (spaces, blank lines, long words, many tags...).")
final class ArticleBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "102400,1048576",
      description =
          "Input sizes in bytes, comma-separated (default: ${DEFAULT-VALUE}: the largest accepted, 1 MB).")
  List<Integer> sizes;

  @Option(
      names = "--runs",
      defaultValue = "5",
      description = "Timed runs per case (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--warmups",
      defaultValue = "2",
      description = "Untimed runs per case first (default: ${DEFAULT-VALUE}).")
  int warmups;

  @Option(
      names = "--case",
      paramLabel = "TEXT",
      description = "Only the cases whose name contains TEXT.")
  String only;

  @Override
  public Integer call() {
    if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1_000 || n > 16 << 20)) {
      throw new IllegalArgumentException("--sizes must list byte counts between 1000 and 16777216");
    }
    if (runs < 1 || warmups < 0) {
      throw new IllegalArgumentException("--runs must be ≥ 1 and --warmups ≥ 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "bench-article: preview (parse + build post) of crafted inputs; median of %d runs after %d"
            + " warm-up; %s %s%n",
        runs,
        warmups,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    out.printf(Locale.ROOT, "%-40s %9s %10s  %s%n", "case", "bytes", "median ms", "outcome");
    double worst = 0;
    for (int size : sizes) {
      for (Map.Entry<String, String> c : CraftedArticles.all(size).entrySet()) {
        if (only != null && !c.getKey().contains(only)) {
          continue;
        }
        byte[] bytes = c.getValue().getBytes(StandardCharsets.UTF_8);
        String outcome = "";
        for (int i = 0; i < warmups; i++) {
          outcome = preview(bytes);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
          long start = System.nanoTime();
          outcome = preview(bytes);
          ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[runs / 2];
        worst = Math.max(worst, median);
        out.printf(
            Locale.ROOT, "%-40s %9d %10.1f  %s%n", c.getKey(), bytes.length, median, outcome);
        out.flush();
      }
    }
    out.printf(Locale.ROOT, "slowest case: %.1f ms (target: under 1000 ms)%n", worst);
    return 0;
  }

  /** One preview; the outcome is "post" or the one-line refusal, shortened. */
  private static String preview(byte[] bytes) {
    try {
      PostBuilder.build(ArticleParser.parse(bytes));
      return "post";
    } catch (ArticleFormatException e) {
      String m = e.getMessage();
      return "refused: " + (m.length() > 70 ? m.substring(0, 69) + "…" : m);
    } catch (RuntimeException | StackOverflowError e) {
      return "crashed: "
          + e.getClass().getSimpleName(); // a bug, shown as a figure rather than ending the run
    }
  }
}
