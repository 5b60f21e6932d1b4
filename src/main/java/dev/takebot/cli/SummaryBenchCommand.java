package dev.takebot.cli;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.takebot.message.MessageSpec;
import dev.takebot.sentiment.Label;
import dev.takebot.store.Stores;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.summary.DiscussionSummarizer;
import dev.takebot.takes.summary.DiscussionSummary;
import dev.takebot.takes.summary.SummaryChart;
import dev.takebot.takes.summary.SummaryRenderer;
import dev.takebot.takes.summary.SummaryService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code takebot bench-summary}: times a full, uncached discussion summary (aggregates, time
 * counts, sampled texts, themes, representatives, chart and embed) read from a real SQLite store
 * filled with synthetic discussions of realistic, varied takes, and the cached path that repeat
 * requests hit. Prints figures; asserts nothing.
 */
@Command(
    name = "bench-summary",
    mixinStandardHelpOptions = true,
    description =
        "Time discussion summaries (with chart) over synthetic threads, and cached summaries.")
final class SummaryBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "100000,1000000",
      description = "Takes per synthetic discussion, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = "--runs",
      defaultValue = "9",
      description = "Timed runs per size (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--warmups",
      defaultValue = "10",
      description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
  int warmups;

  @Option(
      names = "--cached-requests",
      defaultValue = "20000",
      description = "Cached summary requests timed (default: ${DEFAULT-VALUE}).")
  int cachedRequests;

  @Option(
      names = "--locale",
      defaultValue = "en",
      description = "The summary's language, as Discord names it (default: ${DEFAULT-VALUE}).")
  String locale;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed for the synthetic takes.")
  long seed;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1 || n > 20_000_000)) {
      throw new IllegalArgumentException("--sizes must list take counts between 1 and 20,000,000");
    }
    if (runs < 1 || warmups < 0 || cachedRequests < 100) {
      throw new IllegalArgumentException(
          "--runs must be ≥ 1, --warmups ≥ 0, --cached-requests ≥ 100");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "bench-summary: %d cores, max heap %d MB, %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    out.printf(
        Locale.ROOT,
        "full summary = aggregates + time counts + sampled texts + themes + representatives + chart PNG + embed%n");
    out.printf(
        Locale.ROOT,
        "load average at start: %.1f (wall times on a loaded machine exceed CPU times)%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.printf(
        Locale.ROOT,
        "takes read from: a SQLite store (temp file), as a first, uncached /takes summary does%n");
    out.printf(
        Locale.ROOT,
        "%12s %9s %13s %13s %13s %10s %13s %8s%n",
        "takes",
        "members",
        "summarize ms",
        "chart+embed",
        "total median",
        "total max",
        "total CPU med",
        "target");
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    Clock clock = Clock.systemUTC();
    SummaryChart chart = new SummaryChart();
    SummaryRenderer renderer = new SummaryRenderer();
    dev.takebot.i18n.Texts texts = dev.takebot.i18n.Texts.forTag(locale);
    SyntheticThread last = null;
    TakeRepository lastRepo = null;
    TerminalProgress progress = TerminalProgress.on(spec.commandLine().getErr());
    for (int size : sizes) {
      SyntheticThread synthetic = SyntheticThread.of(size, seed);
      TakeRepository repo = sqliteCopy(synthetic);
      DiscussionSummarizer summarizer = new DiscussionSummarizer(repo, clock);
      Map<Long, Integer> reactions = synthetic.reactions(seed);
      double[] pass = new double[runs];
      double[] draw = new double[runs];
      double[] total = new double[runs];
      double[] cpu = new double[runs];
      int png = 0;
      long members = 0;
      progress.start(size + " takes", warmups + runs);
      for (int i = -warmups; i < runs; i++) {
        progress.update(i + warmups);
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        DiscussionSummary s = summarizer.summarize(synthetic.discussion, reactions, null);
        long t1 = System.nanoTime();
        byte[] image = chart.render(s, texts);
        MessageSpec m = renderer.render(s, image, texts);
        long t2 = System.nanoTime();
        long c2 = threads.getCurrentThreadCpuTime();
        if (s.takes() != size || m.embeds().isEmpty()) {
          throw new IllegalStateException(
              "summary counted " + s.takes() + " of " + size + " takes");
        }
        if (i >= 0) {
          pass[i] = (t1 - t0) / 1e6;
          draw[i] = (t2 - t1) / 1e6;
          total[i] = (t2 - t0) / 1e6;
          cpu[i] = (c2 - c0) / 1e6;
        }
        png = image.length;
        members = s.members();
      }
      progress.end();
      long target = size <= 100_000 ? 200 : size <= 1_000_000 ? 1000 : 0;
      out.printf(
          Locale.ROOT,
          "%,12d %,9d %13.1f %13.1f %13.1f %10.1f %13.1f %8s%n",
          size,
          members,
          median(pass),
          median(draw),
          median(total),
          Arrays.stream(total).max().orElse(0),
          median(cpu),
          target == 0 ? "-" : "≤ " + target);
      DiscussionSummary shown = summarizer.summarize(synthetic.discussion, reactions, null);
      out.printf(
          Locale.ROOT,
          "%12s chart %d bytes; %d takes sampled; tone %s; themes: %s%n",
          "",
          png,
          shown.sampled(),
          shown.toneWords(),
          shown.themes().stream()
              .limit(4)
              .map(t -> t.name() + ": " + t.verdict(shown.isSampled()))
              .collect(java.util.stream.Collectors.joining("; ")));
      // The embed's words alone (every message formatted in the summary's language), apart from
      // the chart's drawing that dominates the column above: many renders, as a few would be noise.
      // Timed in batches of 100 by this thread's CPU time: the 2 shared cores make wall times of
      // sub-millisecond work noise.
      byte[] png0 = new byte[png];
      double[] embed = new double[40];
      for (int i = -10; i < embed.length; i++) {
        long c0 = threads.getCurrentThreadCpuTime();
        for (int r = 0; r < 100; r++) {
          renderer.render(shown, png0, texts);
        }
        if (i >= 0) {
          embed[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6 / 100;
        }
      }
      out.printf(
          Locale.ROOT,
          "%12s embed alone (%s): median %.4f CPU ms per render, max %.4f (%d batches of 100)%n",
          "",
          texts.locale().toLanguageTag(),
          median(embed),
          Arrays.stream(embed).max().orElse(0),
          embed.length);
      out.flush();
      if (lastRepo != null) {
        lastRepo.close();
      }
      last = synthetic;
      lastRepo = repo;
    }

    SummaryService service =
        new SummaryService(
            lastRepo,
            new DiscussionSummarizer(lastRepo, clock),
            d -> Map.of(),
            Ticker.systemTicker(),
            Duration.ofMinutes(10),
            1_000);
    service.summary(last.discussion.postMessageId()).orElseThrow();
    double[] cached = new double[cachedRequests];
    for (int i = -cachedRequests / 10; i < cachedRequests; i++) {
      long t0 = System.nanoTime();
      service.summary(last.discussion.postMessageId()).orElseThrow();
      long t1 = System.nanoTime();
      if (i >= 0) {
        cached[i] = (t1 - t0) / 1e6;
      }
    }
    Arrays.sort(cached);
    out.printf(
        Locale.ROOT,
        "cached summary (%,d takes): p50 %.4f ms, p99 %.4f ms, max %.3f ms over %,d requests"
            + " (target p99 < 5 ms)%n",
        last.takes.length,
        cached[cached.length / 2],
        cached[(int) Math.ceil(cached.length * 0.99) - 1],
        cached[cached.length - 1],
        cachedRequests);
    invalidateDuringComputation(
        out, clock, lastRepo, last.discussion.postMessageId(), last.takes.length, runs);
    lastRepo.close();
    return 0;
  }

  /**
   * What a change costs the thread that reports it (JDA's event thread) while that discussion's
   * summary is being computed: {@link SummaryService#invalidate} is timed once the computation has
   * started.
   */
  private static void invalidateDuringComputation(
      PrintWriter out, Clock clock, TakeRepository repo, long post, int takes, int rounds)
      throws InterruptedException {
    double[] invalidate = new double[rounds];
    double[] computation = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
      SummaryService service =
          new SummaryService(
              repo,
              new DiscussionSummarizer(repo, clock),
              d -> {
                started.countDown(); // read before the takes: the computation's long part is still
                // ahead
                return Map.of();
              },
              Ticker.systemTicker(),
              Duration.ofMinutes(10),
              1_000);
      long c0 = System.nanoTime();
      Thread computing = new Thread(() -> service.summary(post), "bench-summary");
      computing.start();
      started.await();
      long t0 = System.nanoTime();
      service.invalidate(post);
      invalidate[i] = (System.nanoTime() - t0) / 1e6;
      computing.join();
      computation[i] = (System.nanoTime() - c0) / 1e6;
    }
    out.printf(
        Locale.ROOT,
        "invalidate during a summary computation (%,d takes, computation median %.1f ms):"
            + " median %.4f ms, max %.4f ms over %d rounds%n",
        takes,
        median(computation),
        median(invalidate),
        Arrays.stream(invalidate).max().orElse(0),
        rounds);
  }

  /** The synthetic discussion copied into a fresh SQLite store, in backfill-sized batches. */
  private static TakeRepository sqliteCopy(SyntheticThread from) throws IOException {
    Path dir = Files.createTempDirectory("takebot-bench-summary");
    dir.toFile().deleteOnExit();
    TakeRepository db = Stores.open("jdbc:sqlite:" + dir.resolve("bench.db"), null, null);
    db.saveDiscussion(from.discussion);
    List<Take> batch = new ArrayList<>(1000);
    for (Take t : from.takes) {
      batch.add(t);
      if (batch.size() == 1000) {
        db.insertTakes(batch);
        batch.clear();
      }
    }
    db.insertTakes(batch);
    return db;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** One synthetic discussion: realistic, varied takes on the seed article, held in an array. */
  static final class SyntheticThread {
    final Discussion discussion;
    final Take[] takes;

    private SyntheticThread(Discussion discussion, Take[] takes) {
      this.discussion = discussion;
      this.takes = takes;
    }

    static SyntheticThread of(int size, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      Instant posted = Instant.parse("2026-02-01T09:00:00Z");
      Discussion d =
          new Discussion(
              1_000_000_000L,
              1,
              2,
              1_000_000_000L,
              "efff0f980f46da0b",
              "United States Moves to Reset Relations with Burkina Faso, Mali, and Niger",
              posted);
      int members = Math.max(1, size / 25);
      String[] names = new String[members];
      for (int i = 0; i < members; i++) {
        names[i] = NAMES[i % NAMES.length] + (i >= NAMES.length ? "_" + i : "");
      }
      // a pool of distinct texts, reused, keeps a million takes within a modest heap
      int pool = Math.min(size, 50_000);
      String[] texts = new String[pool];
      Label[] labels = new Label[pool];
      double[] scores = new double[pool];
      for (int i = 0; i < pool; i++) {
        Label label = pickLabel(random);
        labels[i] = label;
        texts[i] = text(label, random);
        scores[i] = score(label, random);
      }
      Take[] takes = new Take[size];
      long span = Duration.ofDays(3).toMillis();
      long t = posted.toEpochMilli();
      for (int i = 0; i < size; i++) {
        // arrivals thin out as the thread ages: most takes come early
        double u = (double) i / size;
        t = posted.toEpochMilli() + (long) (span * u * u);
        int p = random.nextInt(pool);
        int author =
            (int) Math.min(members - 1, (long) (members * Math.pow(random.nextDouble(), 1.6)));
        takes[i] =
            new Take(
                d.postMessageId() + 1 + i,
                d.postMessageId(),
                d.threadId(),
                10_000 + author,
                names[author],
                texts[p],
                Instant.ofEpochMilli(t),
                null,
                labels[p],
                scores[p],
                "bench");
      }
      return new SyntheticThread(d, takes);
    }

    Map<Long, Integer> reactions(long seed) {
      SplittableRandom random = new SplittableRandom(seed + 1);
      Map<Long, Integer> r = new HashMap<>();
      for (int i = 0; i < Math.min(2_000, takes.length); i++) {
        r.put(takes[random.nextInt(takes.length)].messageId(), 1 + random.nextInt(40));
      }
      return r;
    }

    private static Label pickLabel(SplittableRandom random) {
      double u = random.nextDouble();
      return u < 0.38
          ? Label.NEGATIVE
          : u < 0.66 ? Label.POSITIVE : u < 0.91 ? Label.NEUTRAL : Label.MIXED;
    }

    private static double score(Label label, SplittableRandom random) {
      double v = 0.1 + random.nextDouble() * 0.8;
      return switch (label) {
        case POSITIVE -> v;
        case NEGATIVE -> -v;
        case NEUTRAL -> (random.nextDouble() - 0.5) * 0.1;
        case MIXED -> (random.nextDouble() - 0.5) * 0.4;
      };
    }

    private static String text(Label label, SplittableRandom random) {
      if (random.nextInt(25) == 0) {
        return JUNK[random.nextInt(JUNK.length)];
      }
      String[] claims =
          switch (label) {
            case POSITIVE -> POSITIVE;
            case NEGATIVE -> NEGATIVE;
            case NEUTRAL -> NEUTRAL;
            case MIXED -> MIXED;
          };
      StringBuilder sb = new StringBuilder();
      sb.append(OPENERS[random.nextInt(OPENERS.length)]);
      String claim =
          claims[random.nextInt(claims.length)]
              .replace("{who}", WHO[random.nextInt(WHO.length)])
              .replace("{what}", WHAT[random.nextInt(WHAT.length)]);
      sb.append(
          sb.length() == 0 ? Character.toUpperCase(claim.charAt(0)) + claim.substring(1) : claim);
      if (random.nextInt(3) == 0) {
        String more =
            claims[random.nextInt(claims.length)]
                .replace("{who}", WHO[random.nextInt(WHO.length)])
                .replace("{what}", WHAT[random.nextInt(WHAT.length)]);
        sb.append(' ').append(Character.toUpperCase(more.charAt(0))).append(more.substring(1));
      }
      sb.append(CLOSERS[random.nextInt(CLOSERS.length)]);
      if (random.nextInt(40) == 0) {
        sb.append(" https://youtu.be/PQGu6Lzyf04");
      }
      return sb.toString();
    }

    private static final String[] NAMES = {
      "Amadou",
      "Claire",
      "Ibrahim",
      "Fatou",
      "Moussa",
      "Sophie",
      "Oumar",
      "Jake",
      "Aminata",
      "Paul",
      "Kadiatou",
      "Boubacar",
      "Emma",
      "Luc",
      "Salif",
      "Marie",
      "Hawa",
      "Tom"
    };
    private static final String[] OPENERS = {
      "",
      "",
      "",
      "Honestly, ",
      "I think ",
      "Let's be real: ",
      "Not sure, but ",
      "As someone from Bamako, ",
      "From Niamey here: ",
      "Hot take: ",
      "Frankly ",
      "Je pense que ",
      "Reading this, "
    };
    private static final String[] WHO = {
      "Russia",
      "the Wagner Group",
      "France",
      "the US",
      "Washington",
      "the juntas",
      "the AES alliance",
      "Mali",
      "Niger",
      "Burkina Faso",
      "the State Department",
      "Moscow",
      "the French army",
      "Russian instructors",
      "China",
      "the EU",
      "ECOWAS"
    };
    private static final String[] WHAT = {
      "the gold and uranium",
      "rare-earth minerals",
      "sovereignty",
      "security in the Sahel",
      "ordinary people",
      "the economy",
      "the mines",
      "jihadist attacks",
      "the sanctions",
      "regional stability",
      "local farmers",
      "the elections",
      "foreign bases"
    };
    private static final String[] POSITIVE = {
      "{who} finally respects {what}, this reset is overdue and welcome.",
      "talking with {who} is smart diplomacy and could help {what}.",
      "this is a real chance for {what}, good on {who} for changing course.",
      "{who} engaging on {what} beats years of sanctions and lectures.",
      "a respectful partnership with {who} might actually protect {what}.",
      "great news for {what}, {who} is right to reopen the door."
    };
    private static final String[] NEGATIVE = {
      "{who} only cares about {what}, nothing here will help anyone.",
      "{who} has been a disaster for {what} and this changes nothing.",
      "too little too late, {who} already lost the trust of people worried about {what}.",
      "swapping one patron for another is not sovereignty, {who} is exploiting {what}.",
      "{who} keeps making things worse for {what}, the abuses are well documented.",
      "I don't trust {who} at all when it comes to {what}."
    };
    private static final String[] NEUTRAL = {
      "the visit by {who} is about {what} according to the article.",
      "{who} has not commented on {what} yet as far as I know.",
      "does anyone know what {who} actually proposed on {what}?",
      "the talks with {who} are expected to cover {what} next week.",
      "for context, {who} signed agreements on {what} back in 2023."
    };
    private static final String[] MIXED = {
      "{who} made mistakes on {what}, but there were real gains too.",
      "hopeful about {what}, worried that {who} will not follow through.",
      "good that {who} is talking, bad that {what} is the real motive.",
      "{who} helped with {what} in some places and hurt it in others."
    };
    private static final String[] CLOSERS = {
      "",
      "",
      "",
      " We'll see.",
      " Time will tell.",
      " 🤷",
      "!!",
      " Thoughts?",
      " Nothing new under the sun.",
      " Just my two cents."
    };
    private static final String[] JUNK = {
      "lol",
      "first",
      "+1",
      "this",
      "sooooo true!!!!!!",
      "👀👀👀",
      "https://example.com/wagner",
      "buy gold now buy gold now buy gold now buy gold now",
      "@everyone"
    };
  }
}
