package dev.takebot.takes.settings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One server's settings in effect: what its managers changed, the configured defaults for the rest.
 *
 * @param postChannel where {@code /article post} posts without a {@code channel}: a channel id, or
 *     the configured default (a name or an id); {@code null} or blank: none yet
 * @param moderatorRoles roles whose members are moderators: the server's role ids, or the
 *     configured list (ids or names) when the server chose none
 * @param digestEveryTakes post a summary into an article's thread every this many takes (0: never)
 * @param digestEveryHours post a summary into an article's thread this many hours after its last
 *     digest when takes came since (0: never)
 * @param retentionDays purge takes older than this many days (0: keep forever)
 * @param summaryCooldownSeconds a member's pause between two {@code /takes summary} (0: none)
 * @param summariesPrivate whether {@code /takes summary} answers only the asker unless told
 *     otherwise
 * @param language the server's language code, e.g. {@code en} or {@code fr}
 */
public record GuildSettings(
    String postChannel,
    List<String> moderatorRoles,
    int digestEveryTakes,
    int digestEveryHours,
    int retentionDays,
    int summaryCooldownSeconds,
    boolean summariesPrivate,
    String language) {

  /** Languages a server may pick; the bot's own texts are English until the localisation work. */
  public static final Set<String> LANGUAGES = Set.of("en", "fr");

  /** Upper bounds of the numbers, so a typo cannot make a digest or cooldown meaningless. */
  public static final int MAX_DIGEST_EVERY_TAKES = 10_000;

  /**
   * The smallest N of a digest every N takes, as {@code DigestSchedule} requires (one after every
   * take would flood the thread). Kept here too so this package needs nothing of {@code takes}.
   */
  public static final int MIN_DIGEST_EVERY_TAKES = 2;

  /** Thirty days: a longer wait between digests is no cadence. */
  public static final int MAX_DIGEST_EVERY_HOURS = 720;

  public static final int MAX_RETENTION_DAYS = 3650;
  public static final int MAX_SUMMARY_COOLDOWN_SECONDS = 86_400;

  public GuildSettings {
    moderatorRoles = List.copyOf(Objects.requireNonNull(moderatorRoles, "moderatorRoles"));
    // Only the sign here: the bounds above are for what a manager types; the configuration has its
    // own.
    requireNotNegative("digestEveryTakes", digestEveryTakes);
    requireNotNegative("digestEveryHours", digestEveryHours);
    requireNotNegative("retentionDays", retentionDays);
    requireNotNegative("summaryCooldownSeconds", summaryCooldownSeconds);
    language = Objects.requireNonNull(language, "language").toLowerCase(Locale.ROOT);
  }

  private static void requireNotNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
