package dev.takebot.takes.summary;

import dev.takebot.sentiment.Label;
import dev.takebot.takes.Discussion;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a summary says about one discussion, computed from the store's aggregates and a sample
 * of its takes.
 *
 * @param discussion the discussion summarised
 * @param takes takes counted
 * @param members distinct members who wrote them
 * @param byLabel takes per label; every label present
 * @param meanScore mean sentiment score in [-1, 1], 0 without takes
 * @param trend how the tone moved since the previous summary
 * @param series takes per label over time
 * @param representatives per label, the takes that best stand for it (best first; possibly none)
 * @param mostReacted the take with the most reactions, when reaction counts were given
 * @param themes what the takes talk about, most mentioned first
 * @param sampled takes whose text fed themes and representatives; below {@code takes} the theme
 *     counts are estimates scaled from a stratified sample
 * @param firstTakeAt earliest take, or {@code null} without takes
 * @param lastTakeAt latest take, or {@code null} without takes
 * @param generatedAt when this summary was made
 */
public record DiscussionSummary(
    Discussion discussion,
    long takes,
    long members,
    Map<Label, Long> byLabel,
    double meanScore,
    Trend trend,
    SentimentSeries series,
    Map<Label, List<Representative>> representatives,
    Optional<Representative> mostReacted,
    List<Theme> themes,
    long sampled,
    Instant firstTakeAt,
    Instant lastTakeAt,
    Instant generatedAt) {

  /** Both sides hold at least this share: the room is divided rather than of one mind. */
  static final double DIVIDED = 0.3;

  public DiscussionSummary {
    EnumMap<Label, Long> counts = new EnumMap<>(Label.class);
    EnumMap<Label, List<Representative>> reps = new EnumMap<>(Label.class);
    for (Label l : Label.values()) {
      counts.put(l, byLabel.getOrDefault(l, 0L));
      reps.put(l, List.copyOf(representatives.getOrDefault(l, List.of())));
    }
    byLabel = Map.copyOf(counts);
    representatives = Map.copyOf(reps);
    themes = List.copyOf(themes);
  }

  /** Share of takes with {@code label}, in [0, 1]. */
  public double share(Label label) {
    return takes == 0 ? 0 : (double) byLabel.get(label) / takes;
  }

  public Tone tone() {
    return Tone.of(meanScore);
  }

  /** Positive and negative both hold a large share. */
  public boolean divided() {
    return share(Label.POSITIVE) >= DIVIDED && share(Label.NEGATIVE) >= DIVIDED;
  }

  /** "leaning negative" or "balanced but divided". */
  public String toneWords() {
    return tone().words() + (divided() ? " but divided" : "");
  }

  /** True when themes were computed from a sample rather than every take. */
  public boolean isSampled() {
    return sampled < takes;
  }

  /** This summary as the baseline for the next one's direction. */
  public Baseline baseline() {
    return new Baseline(takes, meanScore, generatedAt);
  }

  DiscussionSummary withTrend(Trend newTrend) {
    return new DiscussionSummary(
        discussion,
        takes,
        members,
        byLabel,
        meanScore,
        newTrend,
        series,
        representatives,
        mostReacted,
        themes,
        sampled,
        firstTakeAt,
        lastTakeAt,
        generatedAt);
  }
}
