package dev.takebot.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where secrets come from: the environment only, so they never sit in a committed file and never pass
 * through the config loader's error messages.
 */
public final class Secrets {
  public static final String TOKEN_ENV = "DISCORD_TOKEN";

  private Secrets() {}

  /** The bot token from {@code DISCORD_TOKEN}, stripped; empty when unset or blank. */
  public static Optional<String> discordToken(Map<String, String> env) {
    String token = env.get(TOKEN_ENV);
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    token = token.strip();
    // People paste the header form; JDA wants the bare token.
    return Optional.of(token.startsWith("Bot ") ? token.substring(4).strip() : token);
  }

  /** A form of the token safe for logs: never more than its length. */
  public static String redact(String token) {
    return token == null ? "<none>" : "<" + token.length() + " chars>";
  }
}
