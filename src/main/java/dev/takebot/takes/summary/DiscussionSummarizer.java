package dev.takebot.takes.summary;

import dev.takebot.sentiment.Label;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.summary.Tokenizer.Token;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Summarises a discussion in a single streaming pass over its takes, in memory bounded by the sample
 * size however many takes there are: exact counts, score sum, distinct members and a time histogram,
 * plus a per-label reservoir sample of take texts (cut to {@link #MAX_KEPT_TEXT} characters) from which
 * themes and representative takes are drawn. Sampling is seeded by the discussion, so the same takes
 * always give the same summary. Thread-safe: each call keeps its own state.
 */
public final class DiscussionSummarizer {
  /** Sampled takes kept per label by default; below this every take is used. */
  public static final int DEFAULT_SAMPLE_PER_LABEL = 500;
  /** Characters of a take's text kept for themes and quotes. */
  public static final int MAX_KEPT_TEXT = 1000;
  /** Representatives chosen per label. */
  static final int REPRESENTATIVES = 3;

  private final TakeRepository repository;
  private final Clock clock;
  private final int samplePerLabel;

  public DiscussionSummarizer(TakeRepository repository, Clock clock) {
    this(repository, clock, DEFAULT_SAMPLE_PER_LABEL);
  }

  /**
   * @param samplePerLabel takes sampled per label for themes and representatives (bounded memory)
   */
  public DiscussionSummarizer(TakeRepository repository, Clock clock, int samplePerLabel) {
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
  public DiscussionSummary summarize(Discussion discussion, Map<Long, Integer> reactions, Baseline previous) {
    Instant now = clock.instant();
    Pass pass = new Pass(samplePerLabel, discussion.postMessageId(), reactions == null ? Map.of() : reactions);
    repository.forEachTake(discussion.postMessageId(), pass);

    List<Representative> sample = new ArrayList<>();
    double[] weight = new double[Label.values().length];
    for (Label l : Label.values()) {
      List<Representative> s = pass.reservoirs[l.ordinal()].items;
      sample.addAll(s);
      weight[l.ordinal()] = s.isEmpty() ? 0 : (double) pass.counts[l.ordinal()] / s.size();
    }
    // message-id order makes theme and representative ties break the same way every time
    sample.sort((a, b) -> Long.compare(a.messageId(), b.messageId()));
    List<List<Token>> tokens = new ArrayList<>(sample.size());
    for (Representative r : sample) {
      tokens.add(Tokenizer.tokenize(r.text()));
    }
    List<Theme> themes = new ThemeExtractor(ThemeExtractor.MAX_THEMES).extract(sample, tokens, weight,
        discussion.title());
    Map<Label, List<Representative>> reps = new RepresentativePicker(REPRESENTATIVES).pick(sample, tokens);

    Map<Label, Long> byLabel = new EnumMap<>(Label.class);
    for (Label l : Label.values()) {
      byLabel.put(l, pass.counts[l.ordinal()]);
    }
    double mean = pass.takes == 0 ? 0 : pass.scoreSum / pass.takes;
    return new DiscussionSummary(discussion, pass.takes, pass.members.size(), byLabel, mean,
        Trend.between(previous, pass.takes, mean), pass.histogram.series(), reps,
        Optional.ofNullable(pass.mostReacted), themes, sample.size(),
        pass.takes == 0 ? null : Instant.ofEpochMilli(pass.firstMilli),
        pass.takes == 0 ? null : Instant.ofEpochMilli(pass.lastMilli), now);
  }

  /** State of one pass over the takes; everything in it is bounded except the member set. */
  private static final class Pass implements Consumer<Take> {
    final long[] counts = new long[Label.values().length];
    final Reservoir[] reservoirs = new Reservoir[Label.values().length];
    final LongHashSet members = new LongHashSet();
    final TimeHistogram histogram = new TimeHistogram();
    final Map<Long, Integer> reactions;
    /** Ids with reactions, so that the common case (no reactions) needs no boxed lookup. */
    final LongHashSet reacted = new LongHashSet();
    long takes;
    double scoreSum;
    long firstMilli = Long.MAX_VALUE;
    long lastMilli = Long.MIN_VALUE;
    Representative mostReacted;

    Pass(int samplePerLabel, long seed, Map<Long, Integer> reactions) {
      SplittableRandom random = new SplittableRandom(seed);
      for (int l = 0; l < reservoirs.length; l++) {
        reservoirs[l] = new Reservoir(samplePerLabel, random.split());
      }
      this.reactions = reactions;
      reactions.forEach((id, n) -> {
        if (n != null && n > 0) {
          reacted.add(id);
        }
      });
    }

    @Override
    public void accept(Take take) {
      int label = take.label().ordinal();
      counts[label]++;
      takes++;
      scoreSum += take.score();
      members.add(take.authorId());
      long t = take.createdAt().toEpochMilli();
      firstMilli = Math.min(firstMilli, t);
      lastMilli = Math.max(lastMilli, t);
      histogram.add(t, label);
      reservoirs[label].offer(take);
      if (reacted.size() > 0 && reacted.contains(take.messageId())) {
        int r = reactions.get(take.messageId());
        if (mostReacted == null || r > mostReacted.reactions()) {
          mostReacted = keep(take, r);
        }
      }
    }
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
    return new Representative(take.messageId(), take.channelId(), take.authorId(), take.authorName(), text,
        take.label(), take.score(), take.createdAt(), reactions);
  }
}
