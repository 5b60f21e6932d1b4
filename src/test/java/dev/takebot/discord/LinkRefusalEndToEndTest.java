package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.fetch.FixtureServer;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sentiment.KeywordAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Links end to end with the production fetch settings: private addresses are refused")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkRefusalEndToEndTest {
  private final FixtureServer web = new FixtureServer();
  private BotHarness h;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    web.fixture("/news", "text/html", "news-page.html");
    web.redirect("/away", 302, "http://169.254.169.254/latest/meta-data/");
    h = new BotHarness(dir, new KeywordAnalyzer(), List.of(), r -> r); // fetch.* defaults
  }

  @AfterAll
  void stop() {
    BotHarness.close(h, web);
  }

  private String answer(String command, String url) {
    DiscordSandbox s = h.sandbox;
    return s.slash(s.moderator(), s.news(), command, Map.of("url", url))
        .awaitResponse(WAIT)
        .content();
  }

  @Test
  @DisplayName(
      "a page on the bot's own machine, a private address or a redirect there: \"that address is"
          + " on a private network\", and nothing is fetched")
  void privateAddressesRefused() {
    assertThat(answer("article post", web.url("/news")))
        .isEqualTo("Could not use that link: that address is on a private network.");
    assertThat(answer("article post", "http://10.0.0.7/news"))
        .isEqualTo("Could not use that link: that address is on a private network.");
    assertThat(answer("feed add", "http://[::1]:" + web.port() + "/away"))
        .isEqualTo("Could not add that feed: that address is on a private network.");
    assertThat(web.requests()).isEmpty();
  }

  @Test
  @DisplayName("a French moderator is refused in French: \"cette adresse est sur un réseau privé\"")
  void privateAddressesRefusedInFrench() {
    DiscordSandbox s = h.sandbox;
    s.setUserLocale(s.moderator(), "fr");
    try {
      assertThat(answer("article post", "http://10.0.0.7/news"))
          .isEqualTo("Impossible d’utiliser ce lien\u00a0: cette adresse est sur un réseau privé.");
      assertThat(answer("feed add", "http://[::1]:" + web.port() + "/away"))
          .isEqualTo("Impossible d’ajouter ce flux\u00a0: cette adresse est sur un réseau privé.");
    } finally {
      s.setUserLocale(s.moderator(), "en-US");
    }
  }
}
