package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Takes and summaries.
 *
 * @param summaryCooldownSeconds how long a member waits between two {@code /takes summary} calls
 *     (0 = no cooldown)
 * @param retentionDays takes older than this are purged (0 = keep forever)
 * @param digestEveryTakes post a summary into an article's thread each time its take count reaches a
 *     multiple of this (0 = no digests)
 * @param shareCooldownSeconds how long a member waits between two takes shared with the "Share your
 *     take" button (0 = no cooldown)
 */
public record TakesSettings(
    @JsonProperty("summaryCooldownSeconds") Integer summaryCooldownSeconds,
    @JsonProperty("retentionDays") Integer retentionDays,
    @JsonProperty("digestEveryTakes") Integer digestEveryTakes,
    @JsonProperty("shareCooldownSeconds") Integer shareCooldownSeconds) {

  /** Without digests. */
  public TakesSettings(Integer summaryCooldownSeconds, Integer retentionDays) {
    this(summaryCooldownSeconds, retentionDays, null);
  }

  /** With the default share cooldown. */
  public TakesSettings(Integer summaryCooldownSeconds, Integer retentionDays, Integer digestEveryTakes) {
    this(summaryCooldownSeconds, retentionDays, digestEveryTakes, null);
  }

  @JsonCreator
  public TakesSettings {
    summaryCooldownSeconds = Objects.requireNonNullElse(summaryCooldownSeconds, 30);
    retentionDays = Objects.requireNonNullElse(retentionDays, 0);
    digestEveryTakes = Objects.requireNonNullElse(digestEveryTakes, 0);
    shareCooldownSeconds = Objects.requireNonNullElse(shareCooldownSeconds, 30);
    if (digestEveryTakes < 0 || digestEveryTakes == 1) {
      throw new IllegalArgumentException(
          "digestEveryTakes must be 0 (no digests) or at least 2, got " + digestEveryTakes);
    }
    if (summaryCooldownSeconds < 0 || summaryCooldownSeconds > 3600) {
      throw new IllegalArgumentException(
          "summaryCooldownSeconds must be between 0 and 3600, got " + summaryCooldownSeconds);
    }
    if (shareCooldownSeconds < 0 || shareCooldownSeconds > 3600) {
      throw new IllegalArgumentException(
          "shareCooldownSeconds must be between 0 and 3600, got " + shareCooldownSeconds);
    }
    if (retentionDays < 0) {
      throw new IllegalArgumentException("retentionDays must be 0 (keep forever) or more, got " + retentionDays);
    }
  }

  public static TakesSettings defaults() {
    return new TakesSettings(null, null);
  }
}
