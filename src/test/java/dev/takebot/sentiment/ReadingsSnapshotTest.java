package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Stored takes are re-tagged when, and only when, {@link SentimentAnalyzer#version()} changes. So a
 * code change that alters any reading must change the version, and a speed-up must alter none. This
 * test compares the readings with a snapshot committed next to it, {@code
 * src/test/resources/sentiment/readings.tsv}: one line per text (id, label, score to six decimals,
 * and for our own texts the reasons), headed by the version that produced them. A change that moves
 * readings shows in the snapshot's diff, line by line.
 *
 * <p>The texts: the project's own corpus ({@code corpus:LINE}), seeded variants of it ({@code
 * variant:K}), texts past the length cap ({@code long:K}), the hand-labelled Discord takes ({@code
 * takes:ID}) and the blind second set ({@code takes2:ID}), and, when {@code ../shared} is present,
 * every text of the shared dev sets ({@code SET:LINE}, the line in its file). The shared texts are
 * never copied: the snapshot holds their ids and readings only, and without the shared folder their
 * lines are not compared.
 */
@DisplayName("The analyser's readings")
class ReadingsSnapshotTest {
  private static final String SNAPSHOT = "sentiment/readings.tsv";
  private static final String TAKES = "sentiment/discord-takes.tsv";
  private static final String BLIND_TAKES = "sentiment/discord-takes-2.tsv";
  private static final String VERSION_PREFIX = "# version\t";
  private static final List<String> SHARED_SETS =
      List.of(
          "vader_tweets",
          "vader_nyt",
          "vader_movies",
          "vader_amazon",
          "goemotions",
          "goemotions.mixed");
  private static final int VARIANTS = 20_000;

  /**
   * The variants whose readings the snapshot lists: enough to reach every branch, few enough to
   * keep the file reviewable (the other tests read all of them).
   */
  private static final int SNAPSHOT_VARIANTS = 5_000;

  /** Pieces spliced into the corpus texts to reach every branch of the tokenizer and the scorer. */
  private static final String[] PIECES = {
    "**",
    "||",
    "> ",
    ">>> ",
    "\n",
    "`",
    "```",
    "<:pepe_sad:123>",
    "<a:PepeHappy:9>",
    "<@123>",
    "<#55>",
    "https://x.com/a",
    "ow.ly/6QZ9Q",
    "😂",
    "💀",
    "❤",
    "❤️",
    "☹",
    "/s",
    ":)",
    ":-(",
    "<3",
    "xD",
    "D:",
    "!!!",
    "???",
    " but ",
    " mais ",
    " not ",
    " n'est pas ",
    " très ",
    " NOT ",
    " sooo ",
    " goooood ",
    " W ",
    " L ",
    " w/o ",
    "&amp;",
    "&gt;",
    "@user.name",
    " no, ",
    " well, ",
    " kind of ",
    " at least ",
    " Génial ",
    " c'est ",
    " pas ",
    " ne ",
    " ",
    "\u200B",
    "\uD83D",
    "é",
    "’",
    "\t",
    "."
  };

  private final SentimentAnalyzer analyzer = LexiconSentimentAnalyzer.standard();

  @Test
  @DisplayName("match the committed snapshot, which changes only together with the version")
  void matchTheSnapshot() throws IOException {
    Map<String, String> actual = readings();
    List<String> recorded = resource(SNAPSHOT).lines().toList();
    String recordedVersion = recorded.get(0).substring(VERSION_PREFIX.length());
    boolean shared = devDir() != null;
    List<String> moved = new ArrayList<>();
    int compared = 0;
    for (String line : recorded.subList(2, recorded.size())) {
      int tab = line.indexOf('\t');
      String id = line.substring(0, tab);
      if (!shared && isShared(id)) {
        continue;
      }
      compared++;
      String now = actual.remove(id);
      if (!line.equals(now)) {
        moved.add("- " + line + "\n+ " + (now == null ? id + " (no longer read)" : now));
      }
    }
    // A text added to the sets has no recorded reading to move: recording it needs no new version.
    List<String> added = List.copyOf(actual.keySet());
    if (moved.isEmpty() && !added.isEmpty() && recordedVersion.equals(analyzer.version())) {
      Path out = writeSnapshot(readings());
      // Ids only: a new set's readings are not shown, so its checking half can stay unseen.
      fail(
          "%d texts are not in the snapshot yet (new texts; no reading moved, so the version stays"
              + " %s). Record them (run with ../shared present so the dev sets' lines are written"
              + " too):%n  cp %s %s%nfirst new ids: %s",
          added.size(),
          recordedVersion,
          out,
          "src/test/resources/" + SNAPSHOT,
          added.subList(0, Math.min(added.size(), 5)));
    }
    for (String extra : actual.values()) {
      moved.add("+ " + extra + " (not in the snapshot)");
    }
    if (!moved.isEmpty() || !recordedVersion.equals(analyzer.version())) {
      Path out = writeSnapshot(readings());
      String head =
          String.join("\n", moved.subList(0, Math.min(moved.size(), 20)))
              + (moved.size() > 20 ? "\n..." : "");
      if (recordedVersion.equals(analyzer.version())) {
        fail(
            "%d of %d readings moved but the version is still %s, so stored takes would keep stale"
                + " tags. Bump LexiconSentimentAnalyzer.REVISION, or undo the change if it was meant"
                + " to be a pure refactoring.%n%s",
            moved.size(), compared, recordedVersion, head);
      }
      fail(
          "The analyser's version is now %s (was %s): stored takes will be re-tagged. %d of %d"
              + " readings moved. If that is meant, record the new snapshot (run with ../shared"
              + " present so the dev sets' lines are written too):%n  cp %s %s%n%s",
          analyzer.version(),
          recordedVersion,
          moved.size(),
          compared,
          out,
          "src/test/resources/" + SNAPSHOT,
          head);
    }
    assertThat(compared).as("readings compared").isGreaterThan(SNAPSHOT_VARIANTS);
  }

  @Test
  @DisplayName("do not depend on the texts read before (buffers are reused per thread)")
  void doNotDependOnWhatWasReadBefore() {
    List<String> texts = texts();
    List<String> forward = new ArrayList<>();
    for (String t : texts) {
      forward.add(reading(t));
    }
    for (int i = texts.size() - 1; i >= 0; i--) {
      assertThat(reading(texts.get(i)))
          .as("reading of text %d read after its successors", i)
          .isEqualTo(forward.get(i));
    }
  }

  @Test
  @DisplayName(
      "are the same for a text as written and HTML-escaped (as bridges and scrapers send it)")
  void escapedTextReadsAsWritten() {
    // The tokenizer notices "&lt;" and "&gt;" as it passes them and only then reads the text again
    // decoded;
    // a tokenizer that stopped noticing them would read "&lt;3" as nothing rather than as a heart.
    int compared = 0;
    for (String t : texts()) {
      String escaped = t.replace("<", "&lt;").replace(">", "&gt;");
      if (t.indexOf('&') >= 0
          || escaped.equals(t)
          || escaped.length() > LexiconSentimentAnalyzer.MAX_CHARS) {
        continue;
      }
      assertThat(reading(escaped)).as("reading of %s", escaped).isEqualTo(reading(t));
      compared++;
    }
    assertThat(compared).as("texts with a '<' or '>' compared").isGreaterThan(1_000);
  }

  private String reading(String text) {
    Sentiment s = analyzer.analyze(text);
    return s.label() + "\t" + Double.doubleToLongBits(s.score()) + "\t" + s.reasons();
  }

  /** Every reading to snapshot, by id, each as its snapshot line. */
  private Map<String, String> readings() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> texts = texts();
    int corpus = corpusLines().size();
    for (int i = 0; i < texts.size(); i++) {
      String id =
          i < corpus
              ? "corpus:" + corpusLines().get(i).getKey()
              : i < corpus + VARIANTS
                  ? "variant:" + (i - corpus)
                  : "long:" + (i - corpus - VARIANTS);
      if (i < corpus + SNAPSHOT_VARIANTS || i >= corpus + VARIANTS) {
        out.put(id, snapshotLine(id, texts.get(i), true));
      }
    }
    // The hand-labelled Discord takes (DiscordTakesTest), ours, so with their reasons.
    putTakes(out, TAKES, "takes:");
    putTakes(out, BLIND_TAKES, "takes2:");
    Path dev = devDir();
    if (dev != null) {
      for (String set : SHARED_SETS) {
        Path file = dev.resolve(set + ".tsv");
        if (!Files.isRegularFile(file)) {
          continue;
        }
        try {
          for (SentimentTsv.Row r : SentimentTsv.parse(Files.readAllBytes(file), false).rows()) {
            String id = set + ":" + r.line();
            out.put(id, snapshotLine(id, r.text(), false));
          }
        } catch (TsvFormatException e) {
          throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  private void putTakes(Map<String, String> out, String resource, String prefix)
      throws IOException {
    try (InputStream in =
        ReadingsSnapshotTest.class.getClassLoader().getResourceAsStream(resource)) {
      for (SentimentTsv.Row r : SentimentTsv.parse(in.readAllBytes(), false).rows()) {
        String id = prefix + r.id();
        out.put(id, snapshotLine(id, r.text(), true));
      }
    } catch (TsvFormatException e) {
      throw new IllegalStateException(resource + ": " + e.getMessage(), e);
    }
  }

  /** id, label, score to six decimals and, for our own texts only, the reasons. */
  private String snapshotLine(String id, String text, boolean reasons) {
    Sentiment s = analyzer.analyze(text);
    String line = id + "\t" + s.label().id() + "\t" + String.format(Locale.ROOT, "%.6f", s.score());
    return reasons && !s.reasons().isEmpty() ? line + "\t" + String.join(" | ", s.reasons()) : line;
  }

  private Path writeSnapshot(Map<String, String> readings) throws IOException {
    Path out = Path.of("target", "sentiment-readings.tsv").toAbsolutePath();
    Files.createDirectories(out.getParent());
    StringBuilder b = new StringBuilder();
    b.append(VERSION_PREFIX).append(analyzer.version()).append('\n');
    b.append(
        "# id\tlabel\tscore\treasons (our own texts only; the shared dev sets by line, never their text)\n");
    for (String line : readings.values()) {
      b.append(line).append('\n');
    }
    Files.writeString(out, b, StandardCharsets.UTF_8);
    return out;
  }

  private static boolean isShared(String id) {
    String set = id.substring(0, id.indexOf(':'));
    return SHARED_SETS.contains(set);
  }

  /** The shared dev sets' folder, or null when absent. */
  private static Path devDir() {
    String shared = System.getProperty("takebot.shared");
    Path dir = shared == null ? null : Path.of(shared, "data", "sentiment", "dev");
    return dir != null && Files.isDirectory(dir) ? dir : null;
  }

  /**
   * The corpus, its seeded variants (spliced, shouted, stretched, run together, cut), and texts
   * past the cap.
   */
  private static List<String> texts() {
    List<String> corpus = corpus();
    List<String> out = new ArrayList<>(corpus);
    Random random = new Random(20261128);
    for (int k = 0; k < VARIANTS; k++) {
      StringBuilder b = new StringBuilder();
      for (String word : corpus.get(random.nextInt(corpus.size())).split(" ")) {
        int r = random.nextInt(12);
        if (r == 0) {
          word = word.toUpperCase(Locale.ROOT);
        } else if (r == 1 && word.length() > 1) {
          word = word + String.valueOf(word.charAt(word.length() - 1)).repeat(3);
        } else if (r == 2) {
          word = PIECES[random.nextInt(PIECES.length)] + word;
        } else if (r == 3) {
          word = word + PIECES[random.nextInt(PIECES.length)];
        }
        b.append(word).append(random.nextInt(8) == 0 ? "" : " ");
      }
      String t = b.toString();
      out.add(k % 97 == 0 ? t.substring(0, random.nextInt(t.length() + 1)) : t);
    }
    StringBuilder longText = new StringBuilder();
    while (longText.length() < LexiconSentimentAnalyzer.MAX_CHARS + 500) {
      longText
          .append(corpus.get(random.nextInt(corpus.size())))
          .append(random.nextBoolean() ? "\n" : " ");
    }
    out.add(longText.toString());
    // A surrogate pair straddling the cap: the reading must stop before it, not read half an emoji.
    out.add("a".repeat(LexiconSentimentAnalyzer.MAX_CHARS - 1) + "😡 terrible");
    return out;
  }

  private static List<String> corpus() {
    return corpusLines().stream().map(Map.Entry::getValue).toList();
  }

  /** The corpus texts, each with its line number in the corpus file. */
  private static List<Map.Entry<Integer, String>> corpusLines() {
    List<Map.Entry<Integer, String>> texts = new ArrayList<>();
    List<String> lines = resource("sentiment/fingerprint-corpus.txt").lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.isBlank() && !line.startsWith("#")) {
        texts.add(Map.entry(i + 1, line.replace("\\n", "\n")));
      }
    }
    return texts;
  }

  private static String resource(String name) {
    try (InputStream in = ReadingsSnapshotTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
