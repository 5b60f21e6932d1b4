package dev.takebot.cli;

import dev.takebot.sentiment.Context;
import dev.takebot.sentiment.Evaluation;
import dev.takebot.sentiment.Half;
import dev.takebot.sentiment.Label;
import dev.takebot.sentiment.LexiconSentimentAnalyzer;
import dev.takebot.sentiment.Sentiment;
import dev.takebot.sentiment.SentimentAnalyzer;
import dev.takebot.sentiment.SentimentTsv;
import dev.takebot.sentiment.TsvFormatException;
import dev.takebot.sentiment.VaderBaselines;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sentiment [FILE|-]} tags a TSV of texts; {@code --eval FILE} scores the analyser against
 * gold labels; {@code --bench FILE} measures texts per second next to the VADER reference port.
 */
@Command(
    name = "sentiment",
    mixinStandardHelpOptions = true,
    description = {
      "Tags texts by sentiment. Reads TSV with a header naming 'id' and 'text' columns (others are",
      "ignored) and writes id<TAB>label<TAB>score."
    })
public final class SentimentCommand implements Callable<Integer> {
  static final int BAD_INPUT = 2;
  private static final int BENCH_ROUNDS = 7;
  private static final long ROUND_NANOS_PER_WARM_UP_MS = 100_000L;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "TSV input; '-' or absent for stdin")
  String input;

  @Option(
      names = "--eval",
      paramLabel = "FILE",
      description =
          "Compare with gold_label (and gold_score) columns: Pearson r, accuracy, F1, confusion matrix")
  Path eval;

  @Option(
      names = "--bench",
      paramLabel = "FILE",
      description = "Measure texts/second against the VADER reference")
  Path bench;

  /** The reading context the command line names: a {@link Context}, or {@code auto}. */
  enum ContextChoice {
    auto,
    news,
    any
  }

  @Option(
      names = "--context",
      paramLabel = "CONTEXT",
      defaultValue = "auto",
      description = {
        "Where the texts were written: news (takes in a discussion of a news article, as the bot"
            + " reads them), any (nothing known) or ${DEFAULT-VALUE}: news when at least 30% of the"
            + " first 1,000 texts name an actor or topic of the news. Valid: ${COMPLETION-CANDIDATES}"
      })
  ContextChoice context = ContextChoice.auto;

  @Option(
      names = "--warm-up-ms",
      hidden = true,
      defaultValue = "4000",
      description = "Benchmark warm-up in milliseconds; each timed round lasts a tenth of it")
  long warmUpMs;

  /**
   * Taken when the command runs, not when it is built: picocli builds every subcommand for any
   * command line, and {@code takebot --help} need not load the lexicons.
   */
  private final Supplier<SentimentAnalyzer> analyzers;

  /**
   * Set for a one-off run of {@link #tag(String, ShortRunCompilation, PrintWriter, PrintWriter)},
   * which starts reading before the analyser is loaded.
   */
  private SplitTagging started;

  public SentimentCommand() {
    this.analyzers = LexiconSentimentAnalyzer::standard;
  }

  SentimentCommand(SentimentAnalyzer analyzer) {
    this.analyzers = () -> analyzer;
  }

  @Override
  public Integer call() {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * Tags {@code input} ('-' or null for stdin) as {@code sentiment [FILE|-]} does, without a
   * command line: picocli's model of this command costs a one-off run about 100 ms of reflection.
   */
  static int tag(String input, ShortRunCompilation jit, PrintWriter out, PrintWriter err) {
    // The input is read on another thread while this one loads the lexicons (the constructor).
    SplitTagging started = SplitTagging.start(input, jit, LexiconSentimentAnalyzer::standard, null);
    SentimentCommand command = new SentimentCommand();
    command.input = input;
    command.started = started;
    return command.run(out, err);
  }

  private int run(PrintWriter out, PrintWriter err) {
    try {
      if (eval != null) {
        return evaluate(measurable(read(eval, true)), out);
      }
      if (bench != null) {
        return bench(measurable(read(bench, false)), out);
      }
      return tag(out);
    } catch (TsvFormatException e) {
      err.println(
          "sentiment: "
              + (eval != null ? eval : bench != null ? bench : source())
              + ": "
              + e.getMessage());
      return BAD_INPUT;
    } catch (NoSuchFileException e) {
      err.println("sentiment: no such file: " + e.getFile());
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("sentiment: cannot read input: " + e.getMessage());
      return BAD_INPUT;
    }
  }

  private String source() {
    return input == null || input.equals("-") ? "stdin" : input;
  }

  private int tag(PrintWriter out) throws IOException, TsvFormatException {
    // Rows are tagged as they are read and written in chunks, half of them on a second thread: a
    // one-off run over a large file spends its time on the texts.
    SplitTagging run =
        started != null ? started : SplitTagging.start(input, null, analyzers, namedContext());
    return run.run(analyzers.get(), out);
  }

  /** The context the rows are read in: the one named, or the one their texts suggest. */
  private Context contextFor(SentimentAnalyzer analyzer, List<SentimentTsv.Row> rows) {
    return switch (context) {
      case news -> Context.NEWS;
      case any -> Context.ANY;
      case auto -> analyzer.contextOf(rows.stream().map(SentimentTsv.Row::text).toList());
    };
  }

  private String describe(Context read) {
    String name = read == Context.NEWS ? "news" : "any";
    return context == ContextChoice.auto
        ? name
            + " (auto: news when at least 30% of the first 1,000 texts name an actor or topic of"
            + " the news; --context news|any to choose)"
        : name;
  }

  /** The context to name to the split tagger: null to let it tell from the texts. */
  private Context namedContext() {
    return switch (context) {
      case news -> Context.NEWS;
      case any -> Context.ANY;
      case auto -> null;
    };
  }

  /** Appends the output line of a row: id, label and score, tab-separated. */
  static void appendRow(StringBuilder b, String id, Sentiment s) {
    b.append(id).append('\t').append(s.label().id()).append('\t');
    appendFourDecimals(b, s.score());
    b.append('\n');
  }

  /**
   * Appends {@code v} as {@code String.format(Locale.ROOT, "%.4f", v)} does (the shortest decimal
   * that reads back as {@code v}, rounded half up to four places, keeping the minus sign of a
   * negative value that rounds to zero), several times faster.
   */
  static void appendFourDecimals(StringBuilder b, double v) {
    double a = Math.abs(v) * 10_000;
    double floor = Math.floor(a);
    double frac = a - floor;
    if (Double.isNaN(v) || a >= 1e15 || Math.abs(frac - 0.5) < 1e-6) {
      // Near a tie the product's rounding error could tip the result; Formatter's own rule
      // decides (rare: the fast path below skips BigDecimal and its JIT compilation).
      b.append(String.format(Locale.ROOT, "%.4f", v));
      return;
    }
    long units = (long) floor + (frac > 0.5 ? 1 : 0);
    if (v < 0 || (v == 0 && 1 / v < 0)) {
      b.append('-');
    }
    long whole = units / 10_000;
    int part = (int) (units % 10_000);
    b.append(whole).append('.');
    for (int d = 1_000; d > 0; d /= 10) {
      b.append((char) ('0' + part / d % 10));
    }
  }

  /**
   * A table with rows, or the reason there is nothing to measure: figures over no texts (an
   * evaluation of zeros, a rate of nothing) would read as a result, and a script would go on.
   */
  private static SentimentTsv.Table measurable(SentimentTsv.Table table) throws TsvFormatException {
    if (table.rows().isEmpty()) {
      throw new TsvFormatException(2, "no rows below the header: add at least one text to measure");
    }
    return table;
  }

  private static SentimentTsv.Table read(Path file, boolean gold)
      throws IOException, TsvFormatException {
    return SentimentTsv.parse(SplitTagging.readFile(file), gold);
  }

  private int evaluate(SentimentTsv.Table table, PrintWriter out) {
    List<SentimentTsv.Row> rows = table.rows();
    SentimentAnalyzer analyzer = analyzers.get();
    Context read = contextFor(analyzer, rows);
    Sentiment[] ours = new Sentiment[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      ours[i] = analyzer.analyze(rows.get(i).text(), read);
    }
    Half[] half = new Half[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      half[i] = Half.of(rows.get(i).text());
    }
    out.println("analyzer\t" + analyzer.version());
    out.println("context\t" + describe(read));
    out.print(evaluation(table, ours, half, null).format());
    // Rules and numbers are fitted on the fitting half of the shared dev sets; the checking half's
    // figures are the ones that say whether a change generalises.
    out.println();
    out.println("halves\t" + Half.RULE);
    out.println(Evaluation.ROW_HEADER);
    out.println(evaluation(table, ours, half, null).row("takebot all"));
    for (Half h : Half.values()) {
      out.println(evaluation(table, ours, half, h).row("takebot " + h.id()));
    }
    VaderBaselines.forFile(eval.getFileName().toString(), rows.size())
        .ifPresent(
            b ->
                out.printf(
                    Locale.ROOT,
                    "vader all (Python, BASELINES.md)\t%d\t%s\t%.3f\t%.3f\t%.3f\t-%n",
                    rows.size(),
                    Double.isNaN(b.pearson())
                        ? "-"
                        : String.format(Locale.ROOT, "%.3f", b.pearson()),
                    b.accuracy(),
                    b.macroF1(),
                    b.weightedF1()));
    VaderReference vader = VaderReference.load();
    if (vader != null) {
      Sentiment[] port = new Sentiment[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        double c = Math.max(-1, Math.min(1, vader.score(rows.get(i).text())));
        port[i] = new Sentiment(Label.threeClass(c), c, List.of());
      }
      out.println(evaluation(table, port, half, null).row("vader-port all"));
      for (Half h : Half.values()) {
        out.println(evaluation(table, port, half, h).row("vader-port " + h.id()));
      }
    }
    out.flush();
    return 0;
  }

  /** The evaluation of {@code predicted} on the rows of one half, or on all rows when null. */
  private static Evaluation evaluation(
      SentimentTsv.Table table, Sentiment[] predicted, Half[] half, Half only) {
    List<SentimentTsv.Row> rows = table.rows();
    int n = 0;
    for (Half h : half) {
      if (only == null || h == only) {
        n++;
      }
    }
    Label[] gold = new Label[n];
    double[] goldScore = new double[n];
    Sentiment[] pred = new Sentiment[n];
    int k = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (only == null || half[i] == only) {
        gold[k] = Label.parse(rows.get(i).goldLabel());
        goldScore[k] = rows.get(i).goldScore();
        pred[k++] = predicted[i];
      }
    }
    return Evaluation.of(gold, table.hasGoldScore() ? goldScore : null, pred);
  }

  private int bench(SentimentTsv.Table table, PrintWriter out) {
    String[] texts = table.rows().stream().map(SentimentTsv.Row::text).toArray(String[]::new);
    SentimentAnalyzer analyzer = analyzers.get();
    Context read = contextFor(analyzer, table.rows());
    Rate ours = measure(texts, t -> analyzer.analyze(t, read).score());
    out.printf(Locale.ROOT, "texts\t%d%n", texts.length);
    out.printf(
        Locale.ROOT,
        "takebot\t%,.0f texts/s wall\t%,.0f texts/s cpu\t(%s; median of %d rounds after warm-up,"
            + " one thread)%n",
        ours.wall(),
        ours.cpu(),
        analyzer.version(),
        BENCH_ROUNDS);
    VaderReference vader = VaderReference.load();
    if (vader == null) {
      out.println(
          "vader\tnot on this classpath (the port and its lucene and log4j dependencies stay out of the jar); "
              + "SentimentBenchmark runs it side by side (README, Performance); Python VADER: ~25,000 texts/s");
    } else {
      Rate ref = measure(texts, vader::score);
      out.printf(
          Locale.ROOT,
          "vader\t%,.0f texts/s wall\t%,.0f texts/s cpu\t(Java port"
              + " com.vader.sentiment.analyzer.SentimentAnalyzer 1.0)%n",
          ref.wall(),
          ref.cpu());
      out.printf(
          Locale.ROOT,
          "ratio\t%.1fx wall\t%.1fx cpu%n",
          ours.wall() / ref.wall(),
          ours.cpu() / ref.cpu());
    }
    out.flush();
    return 0;
  }

  /**
   * Throughput as texts per second of wall-clock time and of this thread's CPU time (the latter
   * stays meaningful on a shared, loaded machine), each the median of several rounds after a
   * warm-up that lets the JIT settle. Each pass over the texts is its own method call so that it is
   * compiled normally, not on the stack.
   */
  private Rate measure(String[] texts, ToDoubleFunction<String> f) {
    long roundNanos = Math.max(1, warmUpMs) * ROUND_NANOS_PER_WARM_UP_MS;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    double sink = 0;
    long warmEnd = System.nanoTime() + Math.max(1, warmUpMs) * 1_000_000L;
    while (System.nanoTime() < warmEnd) {
      sink += pass(texts, f);
    }
    double[] wall = new double[BENCH_ROUNDS];
    double[] onCpu = new double[BENCH_ROUNDS];
    for (int r = 0; r < BENCH_ROUNDS; r++) {
      long start = System.nanoTime();
      long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
      long done = 0;
      long elapsed;
      do {
        sink += pass(texts, f);
        done += texts.length;
        elapsed = System.nanoTime() - start;
      } while (elapsed < roundNanos);
      wall[r] = done * 1e9 / elapsed;
      onCpu[r] =
          cpu ? done * 1e9 / Math.max(1, threads.getCurrentThreadCpuTime() - cpuStart) : Double.NaN;
    }
    if (sink == 42.4242) {
      System.out.print(""); // keeps the results alive so the JIT cannot drop the work
    }
    Arrays.sort(wall);
    Arrays.sort(onCpu);
    return new Rate(wall[BENCH_ROUNDS / 2], onCpu[BENCH_ROUNDS / 2]);
  }

  private record Rate(double wall, double cpu) {}

  private static double pass(String[] texts, ToDoubleFunction<String> f) {
    double sink = 0;
    for (String t : texts) {
      sink += f.applyAsDouble(t);
    }
    return sink;
  }

  /**
   * The Java VADER port, when it is on the classpath with its runtime dependencies (the test
   * classpath; the runnable jar carries only VADER's lexicon). Reached by reflection so that main
   * code does not depend on it.
   */
  private record VaderReference(Constructor<?> create, Method analyze, Method polarity) {
    static VaderReference load() {
      try {
        Class<?> c = Class.forName("com.vader.sentiment.analyzer.SentimentAnalyzer");
        VaderReference ref =
            new VaderReference(
                c.getConstructor(String.class), c.getMethod("analyze"), c.getMethod("getPolarity"));
        ref.score0("warm up");
        return ref;
      } catch (LinkageError | RuntimeException | ReflectiveOperationException e) {
        return null;
      }
    }

    double score(String text) {
      try {
        return score0(text);
      } catch (ReflectiveOperationException e) {
        return 0;
      }
    }

    private double score0(String text) throws ReflectiveOperationException {
      Object a = create.newInstance(text);
      analyze.invoke(a);
      Object c = ((Map<?, ?>) polarity.invoke(a)).get("compound");
      return c instanceof Float f ? f : 0;
    }
  }
}
