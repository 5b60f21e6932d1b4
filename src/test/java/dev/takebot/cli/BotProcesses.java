package dev.takebot.cli;

import dev.takebot.sandbox.DiscordSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code takebot run} as an operator starts it, in a process of its own, against a sandbox: the
 * tests that stop it with signals and the one that runs the shaded jar share its configuration and
 * its start.
 */
final class BotProcesses {
  private BotProcesses() {}

  /** Whether the bot's SQLite file at {@code db} holds the take of {@code messageId} yet. */
  static boolean stored(Path db, String messageId) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM takes WHERE message_id = ?")) {
      s.setLong(1, Long.parseLong(messageId));
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    } catch (SQLException e) {
      return false; // not migrated yet
    }
  }

  /** The sandbox's addresses and an SQLite file at {@code db}: nothing else configured. */
  static String config(DiscordSandbox sandbox, Path db) {
    return discord(sandbox, "") + storage(db);
  }

  /**
   * {@link #config} plus the sandbox's guild, where commands register at once, and the sample
   * articles, so {@code /article post name:sahel-reset} works.
   */
  static String configWithArticles(DiscordSandbox sandbox, Path db) {
    return discord(sandbox, "  devGuildId: " + sandbox.guildId() + "\n")
        + "articles:\n  directory: "
        + Path.of("config", "articles").toAbsolutePath()
        + "\n"
        + storage(db);
  }

  private static String discord(DiscordSandbox sandbox, String more) {
    return "discord:\n  restUrl: "
        + sandbox.restUrl()
        + "\n  gatewayUrl: "
        + sandbox.gatewayUrl()
        + "\n"
        + more;
  }

  private static String storage(Path db) {
    return "storage:\n  jdbcUrl: jdbc:sqlite:" + db + "\n";
  }

  /**
   * Starts {@code launcher} (the java command up to the main class or jar) with {@code run
   * --config} and {@code options}, {@code config} written to {@code dir}/takebot.yaml, the
   * sandbox's token in the environment as in production (never in a file), and the output in {@code
   * dir}/bot.log.
   */
  static Process start(
      List<String> launcher, Path dir, DiscordSandbox sandbox, String config, String... options)
      throws IOException {
    Path file = Files.writeString(dir.resolve("takebot.yaml"), config);
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of("run", "--config", file.toString()));
    command.addAll(List.of(options));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("bot.log").toFile());
    builder.environment().put("DISCORD_TOKEN", sandbox.token());
    return builder.start();
  }
}
