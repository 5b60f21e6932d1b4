package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.FeedSettings;
import dev.takebot.config.FetchSettings;
import dev.takebot.config.TakesSettings;
import dev.takebot.fetch.FixtureServer;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 for feeds: an item a French server's feed posts is a public post like any other, so its
 * date and buttons follow the server's language and a French item gets the French call to action.
 */
@DisplayName("A French server's feed posts its items in French")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrenchFeedEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");

  private final FixtureServer web = new FixtureServer();
  private BotHarness h;
  private DiscordSandbox sandbox;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    String rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Sahel Info</title><item>"
            + "<title>Le Niger rouvre sa frontière avec le Bénin</title>"
            + "<link>https://news.example.com/g1</link><guid>g1</guid>"
            + "<pubDate>Wed, 20 May 2026 08:00:00 GMT</pubDate>"
            + "<description>Le Niger a rouvert sa frontière avec le Bénin, après une fermeture qui"
            + " a étouffé le commerce le long d’un des corridors les plus fréquentés de la"
            + " région.</description></item></channel></rss>";
    web.route(
        "/flux.xml",
        ex ->
            FixtureServer.send(
                ex, 200, "application/rss+xml", rss.getBytes(StandardCharsets.UTF_8)));
    h =
        new BotHarness(
            DiscordSandbox.builder(),
            dir,
            s -> List.of(),
            new TakesSettings(0, 0),
            TakeBotAssembly.Overrides.none()
                .analyzer(new KeywordAnalyzer())
                .takeRetryDelay(BotHarness.TAKE_RETRY_DELAY),
            "news",
            c ->
                c.withFetch(FetchSettings.defaults().withAllowPrivateAddresses(true))
                    .withFeeds(new FeedSettings(15, 120, 5, "newest", 2)));
    sandbox = h.sandbox;
    sandbox.setPreferredLocale("fr");
    sandbox.setUserLocale(sandbox.moderator(), "fr");
    BotHarness.await(
        "JDA to see the server's French locale",
        () ->
            h.bot.jda().getGuildById(sandbox.guildId()).getLocale()
                == net.dv8tion.jda.api.interactions.DiscordLocale.FRENCH);
  }

  @AfterAll
  void stop() {
    try {
      h.close();
    } finally {
      web.close();
    }
  }

  @Test
  @DisplayName(
      "/feed add answers a French moderator in French and posts the newest item with a French call"
          + " to action, thread name, date and buttons")
  void feedItemIsFrench() {
    SandboxMessage answer =
        sandbox
            .slash(
                sandbox.moderator(),
                sandbox.news(),
                "feed add",
                Map.of("url", web.url("/flux.xml")))
            .awaitResponse(WAIT);
    assertThat(answer.content())
        .as("the moderator's own answer, in their language")
        .startsWith("Suivi de **Sahel Info** dans <#")
        .contains("lu toutes les 15 minutes", "Son élément le plus récent");
    Matcher m = POST_LINK.matcher(answer.content());
    assertThat(m.find()).as("jump link in %s", answer.content()).isTrue();
    SandboxMessage post = sandbox.message(m.group(2)).orElseThrow();
    String shown = FrenchEndToEndTest.visible(post);

    assertThat(shown)
        .contains("**Votre avis 👇**", "📅 20 mai 2026", "Donner votre avis")
        .doesNotContain(FrenchEndToEndTest.ENGLISH);
    assertThat(sandbox.awaitThread(t -> t.id().equals(m.group(2)), WAIT).name())
        .startsWith("Votre avis 👇 · Le Niger rouvre");
  }
}
