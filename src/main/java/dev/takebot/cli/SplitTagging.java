package dev.takebot.cli;

import dev.takebot.sentiment.Context;
import dev.takebot.sentiment.SentimentAnalyzer;
import dev.takebot.sentiment.SentimentTsv;
import dev.takebot.sentiment.TsvFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A one-off {@code sentiment [FILE|-]} run on two threads, with the output of one.
 *
 * <p>Why: such a run is over in about half a second, nearly all of it on the main thread, while the
 * machine has more cores. Here a helper thread reads the input and adds the compiler directive
 * while the main thread loads the lexicons; then both threads decode the file's blocks (about 256
 * KiB of whole lines each) and tag them, each taking the next block when it is done with one, so
 * that a thread the machine holds back does less of the work. The main thread writes the blocks in
 * order as they are done.
 *
 * <p>The output is the one thread's, byte for byte, errors included: rows are written in the same
 * 64 KiB chunks, bad UTF-8 anywhere is reported before any row (the whole file is decoded first),
 * and a bad line is reported with its line number in the file after the rows before it.
 */
final class SplitTagging {
  /** About how much of the file one block holds. */
  static final int BLOCK_BYTES = 1 << 18;

  private final String input;
  private final ShortRunCompilation jit;
  private final Supplier<SentimentAnalyzer> analyzer;
  private final int blockBytes;

  /** The context the texts are read in, named or told from the first block (null until then). */
  private volatile Context context;

  private final Thread helper;

  /** Opens when the input is read and the compiler directive in force (or not to be). */
  private final CountDownLatch read = new CountDownLatch(1);

  private final AtomicInteger next = new AtomicInteger();

  /** Blocks not decoded yet: rows are written only once every block is (and none was bad). */
  private final AtomicInteger undecoded = new AtomicInteger();

  /** Set when the run has failed: what is not tagged yet will not be written. */
  private volatile boolean abandoned;

  // Written by the helper before `read` opens, read by the main thread after.
  private byte[] bytes;
  private int[] starts;
  private IOException readFailure;
  private String header;
  private AtomicReferenceArray<Block> done;

  /** Per block, why its bytes are not text; set before {@link #undecoded} counts it. */
  private TsvFormatException[] badText;

  /** One block's output and how its tagging ended. */
  private record Block(
      String text, int[] rowEnds, int rows, TsvFormatException failure, RuntimeException crash) {}

  private SplitTagging(
      String input,
      ShortRunCompilation jit,
      Supplier<SentimentAnalyzer> analyzer,
      Context context,
      int blockBytes) {
    this.input = input;
    this.context = context;
    this.blockBytes = blockBytes;
    this.jit = jit;
    this.analyzer = analyzer;
    this.helper = new Thread(this::helper, "takebot-sentiment-2");
    helper.setDaemon(true);
  }

  /**
   * Starts reading {@code input} ('-' or null for stdin) on the helper thread; {@code jit} (may be
   * null) is applied before any text is tagged; the helper tags with {@code analyzer}'s analyser,
   * waiting for it while the main thread loads it.
   */
  static SplitTagging start(
      String input,
      ShortRunCompilation jit,
      Supplier<SentimentAnalyzer> analyzer,
      Context context) {
    return start(input, jit, analyzer, context, BLOCK_BYTES);
  }

  /** With blocks of about {@code blockBytes} (tests take small ones). */
  static SplitTagging start(
      String input,
      ShortRunCompilation jit,
      Supplier<SentimentAnalyzer> analyzer,
      Context context,
      int blockBytes) {
    SplitTagging run = new SplitTagging(input, jit, analyzer, context, blockBytes);
    run.helper.start();
    return run;
  }

  /** Tags with {@code mine} on this thread too and writes every row to {@code out}. */
  int run(SentimentAnalyzer mine, PrintWriter out) throws IOException, TsvFormatException {
    try {
      return tag(mine, out);
    } catch (IOException | TsvFormatException | RuntimeException e) {
      abandoned = true;
      throw e;
    }
  }

  private int tag(SentimentAnalyzer mine, PrintWriter out) throws IOException, TsvFormatException {
    await(read); // the directive is in force before the tagging's methods get hot
    if (readFailure != null) {
      throw readFailure;
    }
    Chunks chunks = new Chunks(out);
    int written = 0;
    for (int b = next.getAndIncrement(); b < done.length(); b = next.getAndIncrement()) {
      done.set(b, block(b, mine));
      written = write(written, chunks);
    }
    join();
    written = write(written, chunks);
    if (written < done.length()) {
      throw new IllegalStateException("a block of the input was not tagged"); // a bug, not input
    }
    chunks.end();
    return 0;
  }

  /**
   * Writes the done blocks from {@code from} on, in order, once every block is decoded (bad UTF-8
   * anywhere is reported before any row); returns the first block not written.
   */
  private int write(int from, Chunks chunks) throws TsvFormatException {
    if (undecoded.get() > 0) {
      return from;
    }
    if (from == 0) {
      for (int b = 0; b < badText.length; b++) {
        if (badText[b] != null) {
          throw badText[b].shifted(linesBefore(b));
        }
      }
    }
    int b = from;
    for (Block block; b < done.length() && (block = done.get(b)) != null; b++) {
      for (int r = 0; r < block.rows(); r++) {
        chunks.rowDone(block.text(), r == 0 ? 0 : block.rowEnds()[r - 1], block.rowEnds()[r]);
      }
      if (block.failure() != null) {
        throw block.failure().shifted(linesBefore(b));
      }
      if (block.crash() != null) {
        throw block.crash();
      }
    }
    return b;
  }

  /** The helper thread's work. */
  private void helper() {
    try {
      bytes = read();
      starts = blockStarts(bytes, blockBytes);
      done = new AtomicReferenceArray<>(starts.length - 1);
      badText = new TsvFormatException[done.length()];
      undecoded.set(done.length());
      header = headerLine(bytes);
    } catch (IOException e) {
      readFailure = e;
    } catch (OutOfMemoryError e) {
      // stdin past what a byte array or the heap holds: said in one line, as a file too large is
      readFailure = new IOException("input too large to read in memory; split it", e);
    } finally {
      read.countDown();
    }
    if (readFailure != null) {
      return;
    }
    SentimentAnalyzer a;
    try {
      a = analyzer.get();
    } catch (RuntimeException | LinkageError e) {
      return; // the main thread failed to load it too, and reports it
    }
    for (int b = next.getAndIncrement(); b < done.length(); b = next.getAndIncrement()) {
      done.set(b, block(b, a));
    }
  }

  /** The input's bytes, with the compiler directive added first for a file of known size. */
  private byte[] read() throws IOException {
    if (input == null || input.equals("-")) {
      byte[] in = System.in.readAllBytes();
      addDirective(in.length);
      return in;
    }
    Path file = Path.of(input);
    addDirective(Files.size(file));
    return readFile(file);
  }

  /** The most a file read whole may hold: a Java array's limit, with the JDK's margin. */
  static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

  /** A file's bytes, or a one-line reason when it is too large to read whole. */
  static byte[] readFile(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new IOException(
          "file too large (" + (size >> 20) + " MiB; at most 2 GiB at a time): split it");
    }
    try {
      return Files.readAllBytes(file);
    } catch (OutOfMemoryError e) {
      throw new IOException("file too large to read in memory (" + (size >> 20) + " MiB)", e);
    }
  }

  private void addDirective(long size) {
    if (jit != null) {
      jit.apply(size);
    }
  }

  /**
   * The context the texts are read in: the one named, or the one the first block's texts suggest,
   * told once for both threads. A first block that cannot be read is reported by its tagging; its
   * texts suggest nothing.
   */
  private synchronized Context context(SentimentAnalyzer a) {
    if (context == null) {
      List<String> sample = new ArrayList<>();
      try {
        String first = SentimentTsv.decode(bytes, starts[0], starts[1]);
        SentimentTsv.forEach(
            first,
            false,
            row -> {
              if (sample.size() < CONTEXT_SAMPLE) {
                sample.add(row.text());
              }
            });
      } catch (TsvFormatException e) {
        // reported where the block is tagged
      }
      context = a.contextOf(sample);
    }
    return context;
  }

  /** How many of the first block's texts are read to tell the context. */
  private static final int CONTEXT_SAMPLE = 1_000;

  /**
   * Decodes and tags block {@code b}. Decoded just before it is tagged, its text dies young:
   * decoding every block first had the collector copy all of them (~35 ms more in pauses on 300,000
   * texts).
   */
  private Block block(int b, SentimentAnalyzer a) {
    String text;
    try {
      text = SentimentTsv.decode(bytes, starts[b], starts[b + 1]);
    } catch (TsvFormatException e) {
      badText[b] = e;
      return new Block("", new int[0], 0, null, null);
    } finally {
      undecoded.decrementAndGet();
    }
    Context read = context(a);
    StringBuilder out = new StringBuilder(text.length() / 4);
    int[][] ends = {new int[1 << 10]};
    int[] rows = {0};
    SentimentTsv.RowHandler handler =
        row -> {
          if (abandoned) {
            throw new IllegalStateException("abandoned");
          }
          SentimentCommand.appendRow(out, row.id(), a.analyze(row.text(), read));
          if (rows[0] == ends[0].length) {
            ends[0] = Arrays.copyOf(ends[0], rows[0] * 2);
          }
          ends[0][rows[0]++] = out.length();
        };
    TsvFormatException failure = null;
    RuntimeException crash = null;
    try {
      if (b == 0) {
        SentimentTsv.forEach(text, false, handler);
      } else if (header != null) { // else the first block's bad text is reported
        SentimentTsv.forEachRow(header, text, false, handler);
      }
    } catch (TsvFormatException e) {
      failure = e;
    } catch (RuntimeException e) {
      crash = e;
    }
    return new Block(out.toString(), ends[0], rows[0], failure, crash);
  }

  /**
   * Where each block starts, and the file's end: blocks end after a line end, the first after the
   * header, and none with an empty line (which reads as the file's end).
   */
  static int[] blockStarts(byte[] bytes, int blockBytes) {
    int header = 0;
    while (header < bytes.length && bytes[header] != '\n') {
      header++;
    }
    int[] starts = new int[2 + bytes.length / blockBytes];
    int n = 1; // starts[0] = 0
    int i = Math.max(header, blockBytes);
    while (i < bytes.length - 1) {
      if (bytes[i] == '\n' && !emptyLineEndsAt(bytes, i)) {
        if (n + 1 == starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[n++] = i + 1;
        i += blockBytes;
      } else {
        i++;
      }
    }
    starts[n++] = bytes.length;
    return Arrays.copyOf(starts, n);
  }

  private static boolean emptyLineEndsAt(byte[] bytes, int newline) {
    int end = newline > 0 && bytes[newline - 1] == '\r' ? newline - 1 : newline;
    return end == 0 || bytes[end - 1] == '\n';
  }

  /** The header line, or null when it is not valid UTF-8 (the first block reports that). */
  private static String headerLine(byte[] bytes) {
    int end = 0;
    while (end < bytes.length && bytes[end] != '\n') {
      end++;
    }
    try {
      String line = SentimentTsv.decode(bytes, 0, end);
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    } catch (TsvFormatException e) {
      return null;
    }
  }

  /** How many lines come before block {@code b}: its line numbers count from there. */
  private int linesBefore(int b) {
    if (b == 0) {
      return 0;
    }
    int n = 0;
    for (int i = 0; i < starts[b]; i++) {
      if (bytes[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  private void join() {
    uninterruptibly(helper::join);
  }

  private static void await(CountDownLatch latch) {
    uninterruptibly(latch::await);
  }

  /** A wait that may be interrupted. */
  private interface Wait {
    void run() throws InterruptedException;
  }

  /**
   * Waits to the end however often the thread is interrupted, then sets its interrupt flag again:
   * the run's blocks must all be written, and whoever interrupted it still learns of it.
   */
  private static void uninterruptibly(Wait wait) {
    boolean interrupted = false;
    while (true) {
      try {
        wait.run();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The output, written in chunks of at least 64 KiB at row ends as the one-thread run wrote it, so
   * that what reaches the stream before a failure is the same; the rest is dropped when a row
   * fails. Rows are kept as slices of their block's text, not copied.
   */
  private static final class Chunks {
    static final int SIZE = 1 << 16;
    private final PrintWriter out;
    private final List<String> texts = new ArrayList<>();
    private int[] from = new int[4];
    private int[] to = new int[4];
    private int length;

    Chunks(PrintWriter out) {
      this.out = out;
    }

    /** The next row is {@code text[start, end)}. */
    void rowDone(String text, int start, int end) {
      int last = texts.size() - 1;
      if (last >= 0 && texts.get(last) == text && to[last] == start) {
        to[last] = end;
      } else {
        if (texts.size() == from.length) {
          from = Arrays.copyOf(from, from.length * 2);
          to = Arrays.copyOf(to, to.length * 2);
        }
        from[last + 1] = start;
        to[last + 1] = end;
        texts.add(text);
      }
      length += end - start;
      if (length >= SIZE) {
        write();
      }
    }

    private void write() {
      for (int i = 0; i < texts.size(); i++) {
        out.write(texts.get(i), from[i], to[i] - from[i]);
      }
      texts.clear();
      length = 0;
    }

    void end() {
      write();
      out.flush();
    }
  }
}
