package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sentiment.Half;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("sentiment command")
class SentimentCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new SentimentCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private Path file(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  @DisplayName("tags a TSV file as id, label, score")
  void tags() throws Exception {
    Path in =
        file(
            "in.tsv",
            "id\tauthor\ttext\n1\tx\tI love this 👍\n2\ty\tthis is awful\n3\tz\tmeeting at noon\n");

    int code = run(in.toString());

    assertThat(code).isZero();
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("1\tpositive\t0.");
    assertThat(lines[1]).startsWith("2\tnegative\t-0.");
    assertThat(lines[2]).isEqualTo("3\tneutral\t0.0000");
  }

  @Test
  @DisplayName("evaluates against gold labels and scores")
  void evaluates() throws Exception {
    Path in =
        file(
            "gold.tsv",
            "id\tgold_label\tgold_score\ttext\n1\tpositive\t0.7\tgreat stuff\n"
                + "2\tnegative\t-0.6\tterrible stuff\n3\tneutral\t0.0\tthe bus leaves at nine\n");

    int code = run("--eval", in.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains(
            "n\t3",
            "pearson_r\t",
            "accuracy\t1.000",
            "macro_f1\t1.000",
            "weighted_f1\t1.000",
            "confusion");
  }

  @Test
  @DisplayName("evaluates the fitting and the checking half apart, split by a hash of each text")
  void evaluatesBothHalves() throws Exception {
    Path in =
        file(
            "gold.tsv",
            "id\tgold_label\tgold_score\ttext\n1\tpositive\t0.7\tgreat stuff\n"
                + "2\tnegative\t-0.6\tterrible stuff\n3\tneutral\t0.0\tthe bus leaves at nine\n");

    assertThat(run("--eval", in.toString())).isZero();

    assertThat(out.toString())
        .contains("halves\tchecking half: ")
        .containsPattern("(?m)^takebot all\t3\t")
        .containsPattern("(?m)^takebot fitting\t" + count(in, Half.FITTING) + "\t")
        .containsPattern("(?m)^takebot checking\t" + count(in, Half.CHECKING) + "\t");
  }

  @Test
  @DisplayName(
      "prints Python VADER's whole-file figures only for the whole shared file, not for a file"
          + " that merely has its name")
  void baselineOnlyForTheWholeFile() throws Exception {
    Path in =
        file(
            "vader_nyt.tsv",
            "id\tgold_label\tgold_score\ttext\n1\tpositive\t0.7\tgreat stuff\n"
                + "2\tnegative\t-0.6\tterrible stuff\n");

    assertThat(run("--eval", in.toString())).isZero();

    assertThat(out.toString()).contains("takebot all\t2\t").doesNotContain("vader all");
  }

  private static long count(Path tsv, Half half) throws Exception {
    return Files.readAllLines(tsv).stream()
        .skip(1)
        .filter(l -> Half.of(l.split("\t")[3]) == half)
        .count();
  }

  @Test
  @DisplayName("rejects a file without a text column with a one-line message and exit code 2")
  void missingColumn() throws Exception {
    Path in = file("bad.tsv", "id\tbody\n1\thello\n");

    int code = run(in.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n").contains("line 1").contains("'text'");
  }

  @Test
  @DisplayName("rejects --eval input without gold labels")
  void missingGold() throws Exception {
    Path in = file("nogold.tsv", "id\ttext\n1\thello\n");

    assertThat(run("--eval", in.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("gold_label");
  }

  @Test
  @DisplayName("rejects a ragged line and bad UTF-8 naming the line")
  void ragged() throws Exception {
    Path ragged = file("ragged.tsv", "id\ttext\n1\tok\n2\n");
    assertThat(run(ragged.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("line 3");

    Path bad = dir.resolve("bad-utf8.tsv");
    Files.write(
        bad, new byte[] {'i', 'd', '\t', 't', 'e', 'x', 't', '\n', '1', '\t', (byte) 0xFF, '\n'});
    assertThat(run(bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("line 2").contains("UTF-8");
  }

  /** A thread of takes on the news: most rows name an actor of it, the last two do not. */
  private Path thread() throws Exception {
    StringBuilder tsv = new StringBuilder("id\tgold_label\ttext\n");
    for (int i = 1; i <= 9; i++) {
      tsv.append("a").append(i).append("\tneutral\tWashington sent an envoy to Niamey on day ");
      tsv.append(i).append('\n');
    }
    tsv.append("x\tnegative\tgreat timing as always\n");
    tsv.append("z\tnegative\twow, what a plan, truly inspired\n");
    return file("thread.tsv", tsv.toString());
  }

  @Test
  @DisplayName("reads a file that reads as a thread of takes on the news as the bot reads takes")
  void readsAThreadOfTakesInTheNewsContext() throws Exception {
    Path in = thread();

    assertThat(run(in.toString())).isZero();
    String auto = out.toString();
    out.getBuffer().setLength(0);
    assertThat(run("--context", "any", in.toString())).isZero();
    String any = out.toString();
    out.getBuffer().setLength(0);
    assertThat(run("--context", "news", in.toString())).isZero();

    // Praise that names no actor reads as scorn under a news post, as praise anywhere else.
    assertThat(auto).contains("x\tnegative").contains("z\tnegative").isEqualTo(out.toString());
    assertThat(any).contains("x\tpositive").contains("z\tpositive");
  }

  @Test
  @DisplayName("--eval says which context it read the texts in")
  void evalNamesItsContext() throws Exception {
    assertThat(run("--eval", thread().toString())).isZero();
    assertThat(out.toString()).contains("context\tnews (auto:");
    out.getBuffer().setLength(0);

    Path reviews =
        file(
            "reviews.tsv",
            "id\tgold_label\ttext\n1\tpositive\tgreat phone\n2\tnegative\tawful battery\n");
    assertThat(run("--eval", reviews.toString())).isZero();
    assertThat(out.toString()).contains("context\tany (auto:");
    out.getBuffer().setLength(0);

    assertThat(run("--eval", reviews.toString(), "--context", "news")).isZero();
    assertThat(out.toString()).contains("context\tnews\n");
  }

  @Test
  @DisplayName("rejects an unknown --context in one line, naming the valid ones")
  void unknownContext() throws Exception {
    assertThat(run("--context", "sports", thread().toString())).isEqualTo(2);
    // The full command line prints this first line alone (MainTest).
    assertThat(err.toString().lines().findFirst().orElse("")).contains("auto, news, any");
  }

  @Test
  @DisplayName("refuses to evaluate or benchmark a file with only a header, saying what to add")
  void nothingToMeasure() throws Exception {
    Path in = file("header-only.tsv", "id\tgold_label\tgold_score\ttext\n");

    for (String option : new String[] {"--eval", "--bench"}) {
      assertThat(run(option, in.toString(), "--warm-up-ms", "1"))
          .as(option)
          .isEqualTo(SentimentCommand.BAD_INPUT);
    }
    assertThat(err.toString().lines())
        .hasSize(2)
        .allSatisfy(
            l -> assertThat(l).contains("header-only.tsv").contains("add at least one text"));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  @DisplayName("benchmarks throughput and names the VADER reference or why it is unavailable")
  void bench() throws Exception {
    Path in = file("bench.tsv", "id\ttext\n1\tgreat\n2\tawful 😡\n");

    int code = run("--bench", in.toString(), "--warm-up-ms", "20");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("texts\t2")
        .containsPattern("takebot\t[\\d,]+ texts/s wall")
        .containsPattern("(?m)^vader\t");
  }

  @Test
  @DisplayName("writes scores exactly as %.4f would, including rounding ties and negative zero")
  void scoresFormatLikeStringFormat() {
    java.util.Random random = new java.util.Random(17);
    java.util.List<Double> values =
        new java.util.ArrayList<>(
            java.util.List.of(
                0.0,
                -0.0,
                1.0,
                -1.0,
                0.00005,
                -0.00005,
                0.00004999,
                -0.00001,
                0.12345,
                -0.12345,
                0.99995,
                -0.99995,
                0.6124,
                1e-9,
                -1e-9,
                0.5,
                0.25));
    for (int i = 0; i < 200_000; i++) {
      values.add(random.nextDouble() * 2 - 1);
      values.add(Math.round((random.nextDouble() * 2 - 1) * 100_000) / 100_000.0); // ties
    }
    for (double v : values) {
      StringBuilder b = new StringBuilder();
      SentimentCommand.appendFourDecimals(b, v);
      assertThat(b.toString()).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.4f", v));
    }
  }

  @Test
  @DisplayName("runs on its own (Main's start-up shortcut) exactly as under the full command line")
  void aloneAsUnderTheFullCommandLine() throws Exception {
    Path in = file("in.tsv", "id\ttext\n1\tI love this\n2\tsure, *great* plan\n");
    StringWriter alone = new StringWriter();
    CommandLine sentimentOnly = Main.sentimentOnly();
    sentimentOnly.setOut(new PrintWriter(alone));

    assertThat(sentimentOnly.execute(in.toString())).isZero();
    CommandLine full = Main.commandLine();
    full.setOut(new PrintWriter(out));
    assertThat(full.execute("sentiment", in.toString())).isZero();

    assertThat(alone.toString()).isEqualTo(out.toString()).contains("2\tnegative\t");
  }

  @Test
  @DisplayName(
      "'sentiment FILE' with no option skips the command line and reads as under it, errors too")
  void plainRunAsUnderTheFullCommandLine() throws Exception {
    Path in = file("in.tsv", "id\ttext\n1\tI love this\n2\tsure, *great* plan\n");
    assertThat(Main.plainSentiment(new String[] {"sentiment", in.toString()})).isTrue();
    assertThat(Main.plainSentiment(new String[] {"sentiment", "-"})).isTrue();
    assertThat(Main.plainSentiment(new String[] {"sentiment"})).isTrue();
    assertThat(Main.plainSentiment(new String[] {"sentiment", "--eval", in.toString()})).isFalse();
    assertThat(Main.plainSentiment(new String[] {"sentiment", "--help"})).isFalse();
    assertThat(Main.plainSentiment(new String[] {"sentiment", "@args.txt"})).isFalse();
    assertThat(Main.plainSentiment(new String[] {"demo", in.toString()})).isFalse();
    StringWriter plain = new StringWriter();
    StringWriter plainErr = new StringWriter();

    assertThat(
            Main.sentiment(in.toString(), null, new PrintWriter(plain), new PrintWriter(plainErr)))
        .isZero();
    assertThat(
            Main.sentiment(
                dir.resolve("nope.tsv").toString(),
                null,
                new PrintWriter(plain),
                new PrintWriter(plainErr)))
        .isEqualTo(2);

    CommandLine full = Main.commandLine();
    full.setOut(new PrintWriter(out));
    full.setErr(new PrintWriter(err));
    assertThat(full.execute("sentiment", in.toString())).isZero();
    assertThat(full.execute("sentiment", dir.resolve("nope.tsv").toString())).isEqualTo(2);
    assertThat(plain.toString()).isEqualTo(out.toString()).contains("2\tnegative\t");
    assertThat(plainErr.toString()).isEqualTo(err.toString()).startsWith("sentiment: no such file");
  }

  @Test
  @DisplayName("reports a missing file in one line")
  void missingFile() {
    assertThat(run(dir.resolve("nope.tsv").toString())).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("sentiment: no such file").doesNotContain("\n");
  }

  @Test
  @DisplayName("reports a file too large to read whole in one line, as tagging, --eval and --bench")
  void fileTooLarge() throws Exception {
    Path huge = dir.resolve("huge.tsv");
    try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(3L << 30); // sparse: no disk, no memory
    }
    StringWriter plainOut = new StringWriter();
    StringWriter plainErr = new StringWriter();
    assertThat(
            Main.sentiment(
                huge.toString(), null, new PrintWriter(plainOut), new PrintWriter(plainErr)))
        .isEqualTo(SentimentCommand.BAD_INPUT);
    assertThat(plainErr.toString().strip()).contains("too large").doesNotContain("\n");
    assertThat(plainOut.toString()).isEmpty();
    for (String option : new String[] {"--eval", "--bench"}) {
      err.getBuffer().setLength(0);
      assertThat(run(option, huge.toString())).isEqualTo(SentimentCommand.BAD_INPUT);
      assertThat(err.toString().strip()).contains("too large").doesNotContain("\n");
    }
  }
}
