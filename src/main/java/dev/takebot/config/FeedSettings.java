package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Objects;

/**
 * Feeds a server follows with {@code /feed add}.
 *
 * @param pollMinutes how often a feed is read (5–1440), with up to 10% jitter so that feeds added
 *     together do not hit their sites together
 * @param maxBackoffMinutes the longest wait after repeated errors (doubling from {@code
 *     pollMinutes}; up to 10080, a week)
 * @param maxPerServer most feeds one server may follow (1–100)
 * @param onAdd what adding a feed posts: {@code newest} (its newest item) or {@code none}
 * @param maxPostsPerPoll most new items one feed posts per poll; the rest wait for the next polls
 *     (1–10)
 * @param forgetAfterDays how long an item is remembered once its feed stopped listing it (7–3650);
 *     items dated before that many days ago are never posted as new, so forgetting them can never
 *     make them look new
 * @param parallelServers how many servers' feeds are read at the same time (1–16); one server's
 *     feeds are read one after the other
 */
public record FeedSettings(
    @JsonProperty("pollMinutes") Integer pollMinutes,
    @JsonProperty("maxBackoffMinutes") Integer maxBackoffMinutes,
    @JsonProperty("maxPerServer") Integer maxPerServer,
    @JsonProperty("onAdd") String onAdd,
    @JsonProperty("maxPostsPerPoll") Integer maxPostsPerPoll,
    @JsonProperty("forgetAfterDays") Integer forgetAfterDays,
    @JsonProperty("parallelServers") Integer parallelServers) {

  @JsonCreator
  public FeedSettings {
    pollMinutes = Objects.requireNonNullElse(pollMinutes, 15);
    maxBackoffMinutes = Objects.requireNonNullElse(maxBackoffMinutes, 24 * 60);
    maxPerServer = Objects.requireNonNullElse(maxPerServer, 10);
    onAdd = Objects.requireNonNullElse(onAdd, "newest").strip().toLowerCase(Locale.ROOT);
    maxPostsPerPoll = Objects.requireNonNullElse(maxPostsPerPoll, 2);
    forgetAfterDays = Objects.requireNonNullElse(forgetAfterDays, 90);
    parallelServers = Objects.requireNonNullElse(parallelServers, 4);
    FetchSettings.check("pollMinutes", pollMinutes, 5, 1440);
    FetchSettings.check("maxBackoffMinutes", maxBackoffMinutes, pollMinutes, 10080);
    FetchSettings.check("maxPerServer", maxPerServer, 1, 100);
    FetchSettings.check("maxPostsPerPoll", maxPostsPerPoll, 1, 10);
    FetchSettings.check("forgetAfterDays", forgetAfterDays, 7, 3650);
    FetchSettings.check("parallelServers", parallelServers, 1, 16);
    if (!onAdd.equals("newest") && !onAdd.equals("none")) {
      throw new IllegalArgumentException("onAdd must be newest or none, got '" + onAdd + "'");
    }
  }

  /** The settings with the defaults for forgetting items and reading feeds in parallel. */
  public FeedSettings(
      Integer pollMinutes,
      Integer maxBackoffMinutes,
      Integer maxPerServer,
      String onAdd,
      Integer maxPostsPerPoll) {
    this(pollMinutes, maxBackoffMinutes, maxPerServer, onAdd, maxPostsPerPoll, null, null);
  }

  public static FeedSettings defaults() {
    return new FeedSettings(null, null, null, null, null);
  }

  /** True when adding a feed posts its newest item at once. */
  public boolean postNewestOnAdd() {
    return onAdd.equals("newest");
  }
}
