package dev.takebot.takes.summary;

import dev.takebot.sentiment.Label;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.SummaryData;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeStats;
import dev.takebot.takes.summary.Tokenizer.Token;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Summarises a discussion in memory bounded by the sample size however many takes there are: exact
 * counts, score sum and distinct members from the repository's aggregates ({@link
 * SummaryData#stats}), a time histogram counted by the repository, and an evenly spread per-label
 * sample of take texts (cut to {@link #MAX_KEPT_TEXT} characters, {@link
 * SummaryData#forEachSampledTake}) from which themes and representative takes are drawn. The sample
 * is deterministic, so the same takes always give the same summary. Thread-safe: each call keeps
 * its own state.
 */
public final class DiscussionSummarizer {
  /** Sampled takes kept per label by default; below this every take is used. */
  public static final int DEFAULT_SAMPLE_PER_LABEL = 500;

  /** Characters of a take's text kept for themes and quotes. */
  public static final int MAX_KEPT_TEXT = 1000;

  /** Representatives chosen per label. */
  static final int REPRESENTATIVES = 3;

  private final SummaryData repository;
  private final Clock clock;
  private final int samplePerLabel;

  public DiscussionSummarizer(SummaryData repository, Clock clock) {
    this(repository, clock, DEFAULT_SAMPLE_PER_LABEL);
  }

  /**
   * @param samplePerLabel takes sampled per label for themes and representatives (bounded memory)
   */
  public DiscussionSummarizer(SummaryData repository, Clock clock, int samplePerLabel) {
    if (samplePerLabel < 10) {
      throw new IllegalArgumentException("samplePerLabel must be at least 10: " + samplePerLabel);
    }
    this.repository = Objects.requireNonNull(repository);
    this.clock = Objects.requireNonNull(clock);
    this.samplePerLabel = samplePerLabel;
  }

  /** Summarises without reaction counts, as a first summary. */
  public DiscussionSummary summarize(Discussion discussion) {
    return summarize(discussion, Map.of(), null);
  }

  /**
   * Summarises a discussion.
   *
   * @param discussion the discussion whose takes to read
   * @param reactions reaction counts by take message id; empty to skip the most-reacted take
   * @param previous the previous summary's baseline for the direction, or {@code null}
   */
  public DiscussionSummary summarize(
      Discussion discussion, Map<Long, Integer> reactions, Baseline previous) {
    Instant now = clock.instant();
    long post = discussion.postMessageId();
    // Counts, members and the score sum are the store's own aggregates; the chart is counted by the
    // store; only the sampled takes' texts travel. So the cost does not grow with the takes' texts.
    TakeStats stats = repository.stats(post);
    Optional<SummaryData.CreatedRange> range =
        stats.takes() == 0 ? Optional.empty() : repository.createdRange(post);
    SentimentSeries series =
        range
            .map(
                r ->
                    TimeHistogram.ofSpan(
                            r.first().toEpochMilli(),
                            r.last().toEpochMilli(),
                            (origin, width, sink) ->
                                repository.countByTimeBucket(
                                    post,
                                    origin,
                                    width,
                                    (bucket, label, count) ->
                                        sink.add(bucket, label.ordinal(), count)))
                        .series())
            .orElseGet(() -> new TimeHistogram().series());

    List<Representative> sample = new ArrayList<>();
    int[] sampled = new int[Label.values().length];
    repository.forEachSampledTake(
        post,
        samplePerLabel,
        take -> {
          sample.add(keep(take, 0));
          sampled[take.label().ordinal()]++;
        });
    double[] weight = new double[Label.values().length];
    for (Label l : Label.values()) {
      int n = sampled[l.ordinal()];
      weight[l.ordinal()] = n == 0 ? 0 : (double) stats.byLabel().get(l) / n;
    }
    // message-id order makes theme and representative ties break the same way every time
    sample.sort((a, b) -> Long.compare(a.messageId(), b.messageId()));
    List<List<Token>> tokens = new ArrayList<>(sample.size());
    for (Representative r : sample) {
      tokens.add(Tokenizer.tokenize(r.text()));
    }
    List<Theme> themes =
        new ThemeExtractor(ThemeExtractor.MAX_THEMES)
            .extract(sample, tokens, weight, discussion.title());
    Map<Label, List<Representative>> reps =
        new RepresentativePicker(REPRESENTATIVES).pick(sample, tokens);

    Map<Label, Long> byLabel = new EnumMap<>(Label.class);
    byLabel.putAll(stats.byLabel());
    double mean = stats.meanScore();
    return new DiscussionSummary(
        discussion,
        stats.takes(),
        stats.members(),
        byLabel,
        mean,
        Trend.between(previous, stats.takes(), mean),
        series,
        reps,
        mostReacted(post, reactions == null ? Map.of() : reactions),
        themes,
        sample.size(),
        range.map(SummaryData.CreatedRange::first).orElse(null),
        range.map(SummaryData.CreatedRange::last).orElse(null),
        now);
  }

  /**
   * The take of this discussion with the most reactions, the lowest message id on a tie; looked up
   * by id, most reacted first, so no take is read beyond the first one still stored here.
   */
  private Optional<Representative> mostReacted(long post, Map<Long, Integer> reactions) {
    List<Map.Entry<Long, Integer>> candidates = new ArrayList<>();
    reactions.forEach(
        (id, n) -> {
          if (id != null && n != null && n > 0) {
            candidates.add(Map.entry(id, n));
          }
        });
    candidates.sort(
        Map.Entry.<Long, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    for (Map.Entry<Long, Integer> c : candidates) {
      Optional<Take> take = repository.findTake(c.getKey());
      if (take.isPresent() && take.get().postMessageId() == post) {
        return Optional.of(keep(take.get(), c.getValue()));
      }
    }
    return Optional.empty();
  }

  /** What the summary keeps of a take: its text cut to {@link #MAX_KEPT_TEXT} characters. */
  static Representative keep(Take take, int reactions) {
    String text = take.text() == null ? "" : take.text();
    if (text.length() > MAX_KEPT_TEXT) {
      int cut = MAX_KEPT_TEXT;
      if (Character.isHighSurrogate(text.charAt(cut - 1))) {
        cut--;
      }
      text = text.substring(0, cut);
    }
    return new Representative(
        take.messageId(),
        take.channelId(),
        take.authorId(),
        take.authorName(),
        text,
        take.label(),
        take.score(),
        take.createdAt(),
        reactions);
  }
}
