package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Takes and summaries.
 *
 * @param summaryCooldownSeconds how long a member waits between two {@code /takes summary} calls (0
 *     = no cooldown)
 * @param retentionDays takes older than this are purged (0 = keep forever)
 * @param digestEveryTakes post a summary into an article's thread each time its take count reaches
 *     a multiple of this (0 = no digests)
 * @param digestEveryHours post a summary into an article's thread when this many hours passed since
 *     its last digest and takes came since (0 = no digests on the clock)
 * @param shareCooldownSeconds how long a member waits between two takes shared with the "Share your
 *     take" button (0 = no cooldown)
 * @param departedGuildRetentionDays everything stored for a server the bot left (kicked, or the
 *     server deleted) is purged this many days later unless the bot is added back (0 = at the next
 *     daily run)
 */
public record TakesSettings(
    @JsonProperty("summaryCooldownSeconds") Integer summaryCooldownSeconds,
    @JsonProperty("retentionDays") Integer retentionDays,
    @JsonProperty("digestEveryTakes") Integer digestEveryTakes,
    @JsonProperty("shareCooldownSeconds") Integer shareCooldownSeconds,
    @JsonProperty("departedGuildRetentionDays") Integer departedGuildRetentionDays,
    @JsonProperty("digestEveryHours") Integer digestEveryHours) {
  /** Thirty days: a longer wait between digests is no cadence. */
  static final int MAX_DIGEST_EVERY_HOURS = 720;

  /**
   * Most days a departed server's data may be kept: about ten years, far beyond any sensible grace.
   */
  static final int MAX_DEPARTED_GUILD_RETENTION_DAYS = 3650;

  /** Without digests. */
  public TakesSettings(Integer summaryCooldownSeconds, Integer retentionDays) {
    this(summaryCooldownSeconds, retentionDays, null);
  }

  /** With the default share cooldown and grace for departed servers. */
  public TakesSettings(
      Integer summaryCooldownSeconds, Integer retentionDays, Integer digestEveryTakes) {
    this(summaryCooldownSeconds, retentionDays, digestEveryTakes, null, null);
  }

  /** Without digests on the clock. */
  public TakesSettings(
      Integer summaryCooldownSeconds,
      Integer retentionDays,
      Integer digestEveryTakes,
      Integer shareCooldownSeconds,
      Integer departedGuildRetentionDays) {
    this(
        summaryCooldownSeconds,
        retentionDays,
        digestEveryTakes,
        shareCooldownSeconds,
        departedGuildRetentionDays,
        null);
  }

  @JsonCreator
  public TakesSettings {
    summaryCooldownSeconds = Objects.requireNonNullElse(summaryCooldownSeconds, 30);
    retentionDays = Objects.requireNonNullElse(retentionDays, 0);
    digestEveryTakes = Objects.requireNonNullElse(digestEveryTakes, 0);
    shareCooldownSeconds = Objects.requireNonNullElse(shareCooldownSeconds, 30);
    departedGuildRetentionDays = Objects.requireNonNullElse(departedGuildRetentionDays, 30);
    digestEveryHours = Objects.requireNonNullElse(digestEveryHours, 0);
    if (digestEveryHours < 0 || digestEveryHours > MAX_DIGEST_EVERY_HOURS) {
      throw new IllegalArgumentException(
          "digestEveryHours must be between 0 (no digests on the clock) and "
              + MAX_DIGEST_EVERY_HOURS
              + ", got "
              + digestEveryHours);
    }
    if (departedGuildRetentionDays < 0
        || departedGuildRetentionDays > MAX_DEPARTED_GUILD_RETENTION_DAYS) {
      throw new IllegalArgumentException(
          "departedGuildRetentionDays must be between 0 (purge at the next daily"
              + " run) and "
              + MAX_DEPARTED_GUILD_RETENTION_DAYS
              + ", got "
              + departedGuildRetentionDays);
    }
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
      throw new IllegalArgumentException(
          "retentionDays must be 0 (keep forever) or more, got " + retentionDays);
    }
  }

  public static TakesSettings defaults() {
    return new TakesSettings(null, null);
  }
}
