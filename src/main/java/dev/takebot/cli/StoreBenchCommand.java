package dev.takebot.cli;

import dev.takebot.config.StorageSettings;
import dev.takebot.sentiment.LexiconSentimentAnalyzer;
import dev.takebot.sentiment.Sentiment;
import dev.takebot.sentiment.SentimentAnalyzer;
import dev.takebot.store.JdbcTakeStore;
import dev.takebot.store.StoreException;
import dev.takebot.store.Stores;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code takebot bench-store}: measures the take store as the bot uses it and prints the figures.
 * Ingest runs the sentiment analyser on every take and commits each take on its own, as live
 * gateway events are; a second run measures batched backfill. Then it times summary aggregates and
 * watches the heap while streaming a whole discussion.
 */
@Command(
    name = "bench-store",
    mixinStandardHelpOptions = true,
    description = "Benchmark the take store: ingest rate, summary latency, streaming memory.")
public final class StoreBenchCommand implements Callable<Integer> {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Spec CommandSpec spec;

  @Option(
      names = {"--jdbc-url", "--url"},
      description =
          "JDBC URL, SQLite or PostgreSQL (default: a fresh SQLite file in a temp folder).")
  String url;

  @Option(names = "--user", description = "Database user (PostgreSQL).")
  String user;

  @Option(
      names = "--password-env",
      description = "Environment variable holding the database password.")
  String passwordEnv;

  @Option(
      names = "--takes",
      defaultValue = "100000",
      description = "Takes per discussion (default ${DEFAULT-VALUE}).")
  int takes;

  @Option(
      names = "--window",
      defaultValue = "10000",
      description =
          "Takes per measured window; the median window rate is reported (default ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--batch",
      defaultValue = "1000",
      description = "Takes per backfill transaction (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--threads",
      defaultValue = "4",
      description =
          "Concurrent ingest threads for the group-commit run (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--durability",
      defaultValue = "NORMAL",
      description =
          "SQLite commit durability: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  StorageSettings.SqliteSynchronous durability;

  /** The parts of the benchmark: all by default, or one, e.g. to compare builds back to back. */
  enum Part {
    ALL,
    SINGLE,
    BACKFILL,
    THREADS
  }

  @Option(
      names = "--only",
      defaultValue = "ALL",
      description =
          "Run only this ingest part: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; the"
              + " summary and streaming figures come with ALL).")
  Part only;

  /**
   * Taken when the command runs, not when it is built: picocli builds every subcommand for any
   * command line, and {@code takebot --help} need not load the lexicons.
   */
  private final Supplier<SentimentAnalyzer> analyzers;

  /** Set by {@link #call}: the analyser every ingested take is read with. */
  private SentimentAnalyzer analyzer;

  /** Set by {@link #call}: the ingest phases report their windows on the terminal. */
  private TerminalProgress progress;

  /**
   * With the bot's real analyser, so the ingest figures include the sentiment work the bot does.
   */
  public StoreBenchCommand() {
    this.analyzers = LexiconSentimentAnalyzer::standard;
  }

  public StoreBenchCommand(SentimentAnalyzer analyzer) {
    this.analyzers = () -> analyzer;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    progress = TerminalProgress.on(err);
    if (takes < 1 || window < 1 || batch < 1 || threads < 1) {
      err.println("error: --takes, --window, --batch and --threads must be positive");
      return 2;
    }
    analyzer = analyzers.get();
    Path tempDir = null;
    String jdbcUrl = url;
    if (jdbcUrl == null) {
      tempDir = Files.createTempDirectory("takebot-bench");
      jdbcUrl = "jdbc:sqlite:" + tempDir.resolve("bench.db");
    }
    StorageSettings settings = new StorageSettings(jdbcUrl, user, passwordEnv, null, durability);
    try (JdbcTakeStore store = Stores.open(settings, settings.password(System.getenv()))) {
      out.printf(
          Locale.ROOT,
          "store: %s (durability %s), analyser: %s, %d takes per discussion, %d cores%n",
          jdbcUrl,
          jdbcUrl.startsWith("jdbc:sqlite:") ? durability : "the server's",
          analyzer.version(),
          takes,
          Runtime.getRuntime().availableProcessors());
      long live = 1;
      long backfill = 2;
      store.saveDiscussion(new Discussion(live, 1, 1, live, "bench-live", "Bench live", T0));
      store.saveDiscussion(
          new Discussion(backfill, 1, 1, backfill, "bench-backfill", "Bench backfill", T0));
      long concurrent = 3;
      store.saveDiscussion(
          new Discussion(concurrent, 1, 1, concurrent, "bench-threads", "Bench threads", T0));
      List<String> texts = texts(new Random(42), 4_096);

      if (only == Part.ALL || only == Part.SINGLE) {
        Rates liveRates = ingestOneByOne(store, live, texts);
        progress.end();
        report(out, "ingest, one transaction per take, analyser on", liveRates);
      }
      if (only == Part.ALL || only == Part.BACKFILL) {
        Rates batchRates = ingestBatched(store, backfill, texts);
        progress.end();
        report(out, "ingest, backfill batches of " + batch + ", analyser on", batchRates);
      }
      if (only == Part.ALL || only == Part.THREADS) {
        double[] threaded = ingestConcurrently(store, concurrent, texts);
        progress.end();
        out.printf(
            Locale.ROOT,
            "ingest, %d threads, one insertTake per take (calls share commits), analyser on: %s%n",
            threads,
            wallClock(threaded));
        out.flush();
      }
      if (only == Part.ALL) {
        measureStats(out, store, live);
        measureStreaming(out, store, live);
      }
    } catch (StoreException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } finally {
      if (tempDir != null) {
        deleteRecursively(tempDir);
      }
    }
    return 0;
  }

  /**
   * Per-window ingest rates: by wall clock, and per CPU-second of the ingesting thread (SQLite runs
   * in the caller's thread), which shows what one free core does when other processes share the
   * machine.
   */
  private record Rates(double[] wall, double[] cpu) {
    Rates(int windows) {
      this(new double[windows], new double[windows]);
    }
  }

  private Rates ingestOneByOne(JdbcTakeStore store, long post, List<String> texts) {
    Rates rates = new Rates(Math.max(1, takes / window));
    long id = post * 1_000_000_000L;
    int done = 0;
    progress.start("ingest, one by one", takes);
    for (int w = 0; w < rates.wall.length; w++) {
      progress.update(done);
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      int n = Math.min(window, takes - done);
      for (int i = 0; i < n; i++) {
        store.insertTake(take(++id, post, done + i, texts));
      }
      done += n;
      rates.wall[w] = n / ((System.nanoTime() - start) / 1e9);
      rates.cpu[w] = n / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }
    return rates;
  }

  private Rates ingestBatched(JdbcTakeStore store, long post, List<String> texts) {
    Rates rates = new Rates(Math.max(1, takes / window));
    long id = post * 1_000_000_000L;
    int done = 0;
    progress.start("ingest, batches", takes);
    for (int w = 0; w < rates.wall.length; w++) {
      progress.update(done);
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      int n = Math.min(window, takes - done);
      List<Take> chunk = new ArrayList<>(batch);
      for (int i = 0; i < n; i++) {
        chunk.add(take(++id, post, done + i, texts));
        if (chunk.size() == batch || i == n - 1) {
          store.insertTakes(chunk);
          chunk.clear();
        }
      }
      done += n;
      rates.wall[w] = n / ((System.nanoTime() - start) / 1e9);
      rates.cpu[w] = n / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }
    return rates;
  }

  /**
   * Live ingest from several threads (as from several shards): each call commits, calls share
   * commits.
   */
  private double[] ingestConcurrently(JdbcTakeStore store, long post, List<String> texts) {
    double[] rates = new double[Math.max(1, takes / window)];
    AtomicLong nextId = new AtomicLong(post * 1_000_000_000L);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      int done = 0;
      progress.start("ingest, " + threads + " threads", takes);
      for (int w = 0; w < rates.length; w++) {
        progress.update(done);
        int n = Math.min(window, takes - done);
        int base = done;
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          workers.add(
              pool.submit(
                  () -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                      store.insertTake(take(nextId.incrementAndGet(), post, base + i, texts));
                    }
                  }));
        }
        for (Future<?> f : workers) {
          f.get();
        }
        done += n;
        rates[w] = n / ((System.nanoTime() - start) / 1e9);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return rates;
  }

  private Take take(long id, long post, int i, List<String> texts) {
    String text = texts.get(i % texts.size());
    Sentiment s = analyzer.analyze(text);
    long author = i % 2_000;
    return new Take(
        id,
        post,
        post,
        author,
        "member" + author,
        text,
        T0.plusMillis(i),
        null,
        s.label(),
        s.score(),
        analyzer.version());
  }

  private static void measureStats(PrintWriter out, JdbcTakeStore store, long post) {
    for (int i = 0; i < 200; i++) {
      store.stats(post);
    }
    long[] nanos = new long[2_000];
    TakeStats stats = null;
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      stats = store.stats(post);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    out.printf(
        Locale.ROOT,
        "stats() at %,d takes / %,d members: median %.1f µs, p99 %.1f µs, max %.1f µs"
            + " (%d calls)%n",
        stats.takes(),
        stats.members(),
        nanos[nanos.length / 2] / 1e3,
        nanos[nanos.length * 99 / 100] / 1e3,
        nanos[nanos.length - 1] / 1e3,
        nanos.length);
  }

  private static void measureStreaming(PrintWriter out, JdbcTakeStore store, long post) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    long[] max = {before};
    long[] rows = {0};
    long[] chars = {0};
    long start = System.nanoTime();
    store.forEachTake(
        post,
        t -> {
          rows[0]++;
          chars[0] += t.text().length();
          if (rows[0] % 20_000 == 0) {
            max[0] = Math.max(max[0], usedAfterGc(memory));
          }
        });
    double seconds = (System.nanoTime() - start) / 1e9;
    long after = usedAfterGc(memory);
    out.printf(
        Locale.ROOT,
        "streaming %,d takes (%,d chars of text): %.0f takes/s; live heap before %.1f MiB,"
            + " peak during %.1f MiB, after %.1f MiB (sampled after GC every 20,000 rows)%n",
        rows[0],
        chars[0],
        rows[0] / seconds,
        before / 1048576.0,
        max[0] / 1048576.0,
        after / 1048576.0);
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static void report(PrintWriter out, String what, Rates rates) {
    double[] cpu = rates.cpu.clone();
    Arrays.sort(cpu);
    out.printf(
        Locale.ROOT,
        "%s: %s; median %,.0f takes per CPU-second of the ingest thread%n",
        what,
        wallClock(rates.wall),
        cpu[cpu.length / 2]);
    out.flush();
  }

  /** The median, least and greatest of per-window wall-clock rates. */
  private static String wallClock(double[] rates) {
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "median %,.0f takes/s wall clock (min %,.0f, max %,.0f over %d windows)",
        sorted[sorted.length / 2],
        sorted[0],
        sorted[sorted.length - 1],
        sorted.length);
  }

  /** Reply-like texts: 6 to 40 words from a small vocabulary with some sentiment words. */
  private static List<String> texts(Random random, int count) {
    String[] words =
        ("the a this article is really not very good bad great terrible policy vote council city"
                + " people think agree disagree love hate why would anyone ever believe that i we they it news"
                + " :) lol honestly amazing awful fine okay meh")
            .split(" ");
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = 6 + random.nextInt(35);
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < n; w++) {
        if (w > 0) {
          sb.append(' ');
        }
        sb.append(words[random.nextInt(words.length)]);
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
