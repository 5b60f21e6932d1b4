package dev.takebot.sentiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Texts per second of our analyser and of the VADER reference port ({@code
 * com.vader.sentiment.analyzer}, the Java port shipped with VADER's lexicon), side by side on the
 * same texts, one thread. Each operation reads one text, so JMH's ops/s are texts/s.
 *
 * <p>Run it on purpose, not in the build (see README, "Performance"):
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) dev.takebot.sentiment.SentimentBenchmark
 * </pre>
 *
 * The texts are a dev set from {@code ../shared/data/sentiment/dev} ({@code
 * -Dfile=vader_movies.tsv} picks another), or the bundled fingerprint corpus when the shared folder
 * is absent.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 7, time = 2)
@Fork(value = 2, jvmArgs = "-Xmx1g")
public class SentimentBenchmark {
  @Param("vader_tweets.tsv")
  public String file;

  private String[] texts;
  private int next;
  private final SentimentAnalyzer ours = LexiconSentimentAnalyzer.standard();

  @Setup
  public void load() throws IOException, TsvFormatException {
    Path shared =
        Path.of(System.getProperty("takebot.shared", "../shared"), "data/sentiment/dev", file);
    if (Files.isReadable(shared)) {
      texts =
          SentimentTsv.parse(Files.readAllBytes(shared), false).rows().stream()
              .map(SentimentTsv.Row::text)
              .toArray(String[]::new);
    } else {
      try (var in =
          SentimentBenchmark.class
              .getClassLoader()
              .getResourceAsStream("sentiment/fingerprint-corpus.txt")) {
        texts =
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toArray(String[]::new);
      }
    }
  }

  private String nextText() {
    String t = texts[next];
    next = next + 1 == texts.length ? 0 : next + 1;
    return t;
  }

  @Benchmark
  public void takebot(Blackhole bh) {
    bh.consume(ours.analyze(nextText()));
  }

  @Benchmark
  public void vaderPort(Blackhole bh) throws IOException {
    com.vader.sentiment.analyzer.SentimentAnalyzer vader =
        new com.vader.sentiment.analyzer.SentimentAnalyzer(nextText());
    vader.analyze();
    Map<String, Float> polarity = vader.getPolarity();
    bh.consume(polarity.get("compound"));
  }

  public static void main(String[] args) throws RunnerException {
    String file = System.getProperty("file", "vader_tweets.tsv");
    new Runner(
            new OptionsBuilder()
                .include(SentimentBenchmark.class.getSimpleName())
                .param("file", file)
                .jvmArgsAppend(
                    "-Dtakebot.shared=" + System.getProperty("takebot.shared", "../shared"))
                .build())
        .run();
  }
}
