package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takebot.sentiment.LexiconSentimentAnalyzer;
import dev.takebot.sentiment.Sentiment;
import dev.takebot.sentiment.SentimentAnalyzer;
import dev.takebot.sentiment.SentimentTsv;
import dev.takebot.sentiment.TsvFormatException;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A one-off sentiment run on two threads")
class SplitTaggingTest {
  private static final SentimentAnalyzer ANALYZER = LexiconSentimentAnalyzer.standard();
  private static final List<String> TEXTS =
      List.of(
          "I love this 👍",
          "this is awful",
          "sure, *great* plan",
          "meeting at noon",
          "c'est pas génial",
          "the audacity 💀",
          "not bad at all :)",
          "what a joke lol");

  @TempDir Path dir;

  /** Rows of ids and texts, with CRLF on every third line. */
  private static String file(int rows) {
    StringBuilder b = new StringBuilder("id\ttext\n");
    for (int i = 0; i < rows; i++) {
      b.append(i).append('\t').append(TEXTS.get(i % TEXTS.size()));
      b.append(i % 3 == 0 ? "\r\n" : "\n");
    }
    return b.toString();
  }

  /**
   * What the one-thread run wrote: rows in chunks of 64 KiB, and on a bad line the chunks before it
   * and the error.
   */
  private static Result oneThread(byte[] bytes) {
    StringBuilder written = new StringBuilder();
    StringBuilder chunk = new StringBuilder();
    try {
      SentimentTsv.forEach(
          bytes,
          false,
          row -> {
            SentimentCommand.appendRow(chunk, row.id(), ANALYZER.analyze(row.text()));
            if (chunk.length() >= 1 << 16) {
              written.append(chunk);
              chunk.setLength(0);
            }
          });
    } catch (TsvFormatException e) {
      return new Result(written.toString(), e.getMessage());
    }
    return new Result(written.append(chunk).toString(), null);
  }

  private record Result(String out, String error) {}

  private Result twoThreads(byte[] bytes, int blockBytes) throws Exception {
    Path in = dir.resolve("in.tsv");
    Files.write(in, bytes);
    return twoThreads(in, blockBytes, ANALYZER);
  }

  private static Result twoThreads(Path in, int blockBytes, SentimentAnalyzer analyzer)
      throws Exception {
    StringWriter out = new StringWriter();
    SplitTagging run = SplitTagging.start(in.toString(), null, () -> analyzer, null, blockBytes);
    try {
      assertThat(run.run(analyzer, new PrintWriter(out))).isZero();
      return new Result(out.toString(), null);
    } catch (TsvFormatException e) {
      return new Result(out.toString(), e.getMessage());
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("writes every row of a file of many blocks as one thread does, byte for byte")
  void sameOutput() throws Exception {
    byte[] bytes = utf8("\uFEFF" + file(3_000));

    Result two = twoThreads(bytes, 100);

    assertThat(two).isEqualTo(oneThread(bytes));
    assertThat(two.out().split("\n")).hasSize(3_000);
  }

  @Test
  @DisplayName("tags on both threads, each taking the next block")
  void bothThreadsTag() throws Exception {
    Path in = dir.resolve("in.tsv");
    Files.writeString(in, file(400));
    Set<String> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch mainTagging = new CountDownLatch(1);
    CountDownLatch helperTagging = new CountDownLatch(1);
    Thread main = Thread.currentThread();
    SentimentAnalyzer watching =
        new SentimentAnalyzer() {
          @Override
          public Sentiment analyze(String text) {
            threads.add(Thread.currentThread().getName());
            // each thread's first text waits for the other's, so neither takes every block
            boolean onMain = Thread.currentThread() == main;
            (onMain ? mainTagging : helperTagging).countDown();
            await(onMain ? helperTagging : mainTagging);
            return ANALYZER.analyze(text);
          }

          @Override
          public String version() {
            return ANALYZER.version();
          }
        };

    Result two = twoThreads(in, 200, watching);

    assertThat(threads).hasSize(2);
    assertThat(two).isEqualTo(oneThread(Files.readAllBytes(in)));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other thread tags").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  @DisplayName(
      "reports a bad line in a later block with its line number in the file, after the rows one"
          + " thread writes before it")
  void badLineInALaterBlock() throws Exception {
    byte[] bytes = utf8(file(6_000) + "6000\ttoo\tmany\n" + file(10).substring(8));

    Result two = twoThreads(bytes, 1_000);

    Result one = oneThread(bytes);
    assertThat(one.error()).startsWith("line 6002:");
    assertThat(one.out()).isNotEmpty(); // some 64 KiB chunks went out before the error
    assertThat(two).isEqualTo(one);
  }

  @Test
  @DisplayName(
      "reports bad UTF-8 in a later block before any row, as when the whole file is decoded")
  void badUtf8InALaterBlock() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(utf8(file(5_000)));
    b.write(utf8("5000\tbad "));
    b.write(0xC3); // a lead byte without its continuation
    b.write(utf8("\n" + file(10).substring(8)));
    byte[] bytes = b.toByteArray();

    Result two = twoThreads(bytes, 1_000);

    assertThat(two).isEqualTo(oneThread(bytes));
    assertThat(two.out()).isEmpty();
    assertThat(two.error()).isEqualTo("line 5002: not valid UTF-8; save the file as UTF-8");
  }

  @Test
  @DisplayName(
      "reads an empty line inside the file as a bad line and an empty last line as the end,"
          + " wherever blocks split")
  void emptyLines() throws Exception {
    byte[] inside = utf8(file(300) + "\n" + file(300).substring(8));
    byte[] last = utf8(file(300) + "\n");
    for (int blockBytes : new int[] {10, 37, 100, 1_000}) {
      assertThat(twoThreads(inside, blockBytes)).isEqualTo(oneThread(inside));
      assertThat(twoThreads(last, blockBytes)).isEqualTo(oneThread(last));
    }
    assertThat(oneThread(inside).error()).startsWith("line 302:");
    assertThat(oneThread(last).error()).isNull();
  }

  @Test
  @DisplayName("reads a header alone, an empty file and a missing file as one thread does")
  void edges() throws Exception {
    for (String content : new String[] {"id\ttext\n", "id\ttext", "", "\n", "id\tbody\n1\tx\n"}) {
      byte[] bytes = utf8(content);
      assertThat(twoThreads(bytes, 10)).as(content).isEqualTo(oneThread(bytes));
    }
    assertThatThrownBy(() -> twoThreads(dir.resolve("nope.tsv"), 10, ANALYZER))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  @DisplayName("splits blocks after whole lines, the first after the header")
  void blockStarts() {
    byte[] bytes = utf8("id\ttext\n1\ta\n2\tb\n\n3\tc\n");

    int[] starts = SplitTagging.blockStarts(bytes, 1);

    // "\n" (line 4) opens a block: a block ending with it would read it as the file's end
    assertThat(starts).containsExactly(0, 8, 12, 16, 21);
    for (int i = 1; i < starts.length - 1; i++) {
      assertThat(bytes[starts[i] - 1]).isEqualTo((byte) '\n');
      assertThat(bytes[starts[i] - 2]).isNotEqualTo((byte) '\n');
    }
  }
}
