package dev.takebot.discord;

import dev.takebot.i18n.Phrase;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;

/**
 * Why Discord refused a request, in the reader's language. Discord's own explanation ("Missing
 * Permissions", "Thread is locked") is English whatever the client's language, so the refusals a
 * post can meet have their own message and any other is named by its error code, which is the same
 * in every language and can be looked up.
 */
final class DiscordRefusals {
  private DiscordRefusals() {}

  static Phrase of(ErrorResponseException e) {
    String key =
        switch (e.getErrorResponse()) {
          case MISSING_PERMISSIONS -> "discord.error.permissions";
          case MISSING_ACCESS -> "discord.error.access";
          case UNKNOWN_CHANNEL -> "discord.error.unknownChannel";
          case SLOWMODE_RATE_LIMIT,
              CHANNEL_WRITE_RATE_LIMIT,
              GUILD_WRITE_RATE_LIMIT,
              ANNOUNCEMENT_RATE_LIMIT ->
              "discord.error.rateLimit";
          case MAX_ACTIVE_THREADS, MAX_ANNOUNCEMENT_THREADS -> "discord.error.threads";
          case THREAD_LOCKED, ILLEGAL_OPERATION_ARCHIVED_THREAD -> "discord.error.threadClosed";
          case REQUEST_ENTITY_TOO_LARGE, FILE_UPLOAD_MAX_SIZE_EXCEEDED -> "discord.error.tooLarge";
          default -> "discord.error.other";
        };
    return Phrase.of(key, "code", e.getErrorCode());
  }
}
