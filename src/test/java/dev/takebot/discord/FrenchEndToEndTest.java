package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sentiment.LexiconSentimentAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, TakeBot speaks French: a French-speaking member (their client's {@code locale} is
 * {@code fr}) and a French-speaking server ({@code preferred_locale} {@code fr}) see French in the
 * commands Discord shows them, in their private answers and in the public posts.
 */
@DisplayName("French end to end: a French member and a French server read no English")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrenchEndToEndTest {
  private BotHarness h;
  private DiscordSandbox sandbox;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h = new BotHarness(dir, LexiconSentimentAnalyzer.standard(), List.of("Moderator"), r -> r);
    sandbox = h.sandbox;
  }

  @AfterAll
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  @DisplayName(
      "every command, subcommand, option, choice and context menu is registered with a French name"
          + " and description")
  void registrationCarriesFrenchLocalizations() {
    List<JsonNode> commands = new ArrayList<>(sandbox.guildCommands());
    commands.addAll(sandbox.globalCommands());
    assertThat(commands).isNotEmpty();
    List<String> untranslated = new ArrayList<>();
    commands.forEach(c -> untranslated(c, c.path("name").asText(), untranslated));
    assertThat(untranslated).isEmpty();
  }

  /** Paths of the names and descriptions in {@code node} and below that have no French text. */
  private static void untranslated(JsonNode node, String path, List<String> out) {
    if (node.hasNonNull("name") && !node.path("name_localizations").hasNonNull("fr")) {
      out.add(path + " name");
    }
    if (!node.path("description").asText().isEmpty()
        && !node.path("description_localizations").hasNonNull("fr")) {
      out.add(path + " description");
    }
    for (String child : List.of("options", "choices")) {
      node.path(child).forEach(o -> untranslated(o, path + " " + o.path("name").asText(), out));
    }
  }
}
