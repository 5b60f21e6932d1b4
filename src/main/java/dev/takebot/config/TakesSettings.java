package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Takes and summaries.
 *
 * @param summaryCooldownSeconds how long a member waits between two {@code /takes summary} calls
 *     (0 = no cooldown)
 * @param retentionDays takes older than this are purged (0 = keep forever)
 */
public record TakesSettings(
    @JsonProperty("summaryCooldownSeconds") Integer summaryCooldownSeconds,
    @JsonProperty("retentionDays") Integer retentionDays) {

  public TakesSettings {
    summaryCooldownSeconds = Objects.requireNonNullElse(summaryCooldownSeconds, 30);
    retentionDays = Objects.requireNonNullElse(retentionDays, 0);
    if (summaryCooldownSeconds < 0 || summaryCooldownSeconds > 3600) {
      throw new IllegalArgumentException(
          "summaryCooldownSeconds must be between 0 and 3600, got " + summaryCooldownSeconds);
    }
    if (retentionDays < 0) {
      throw new IllegalArgumentException("retentionDays must be 0 (keep forever) or more, got " + retentionDays);
    }
  }

  public static TakesSettings defaults() {
    return new TakesSettings(null, null);
  }
}
