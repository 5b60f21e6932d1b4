package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.fetch.FixtureServer;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.SandboxMessage;
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
  private volatile int status = 200;
  private final dev.takebot.testing.MovableClock clock =
      dev.takebot.testing.MovableClock.startingNow();

  /** A feed whose title and item title are written in ICU pattern syntax ("@"). */
  private final String trap =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Piège @</title><item>"
          + "<title>Titre @</title><link>https://news.example.com/p1</link><guid>p1</guid>"
          + "<description>Le Niger a rouvert sa frontière avec le Bénin, après une fermeture qui a"
          + " étouffé le commerce de la région.</description></item></channel></rss>";

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
        "/piege.xml",
        ex ->
            FixtureServer.send(
                ex,
                200,
                "application/rss+xml",
                trap.replace("@", FrenchEndToEndTest.PATTERN_SYNTAX)
                    .getBytes(StandardCharsets.UTF_8)));
    web.route("/panne.xml", ex -> FixtureServer.send(ex, status, "application/rss+xml", rss(2)));
    web.route(
        "/vide.html",
        ex ->
            FixtureServer.send(
                ex,
                200,
                "text/html",
                "<html><head><title>Rien</title></head><body></body></html>"
                    .getBytes(StandardCharsets.UTF_8)));
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
            BotHarness.keywordsOn(clock),
            "news",
            BotHarness::readsLocalFeeds);
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
    BotHarness.close(h, web);
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
    String shown = post.visibleText();

    assertThat(shown)
        .contains("**Votre avis 👇**", "📅 20 mai 2026", "Donner votre avis")
        .doesNotContain(FrenchEndToEndTest.ENGLISH);
    assertThat(sandbox.awaitThread(t -> t.id().equals(m.group(2)), WAIT).name())
        .startsWith("Votre avis 👇 · Le Niger rouvre");
  }

  private static byte[] rss(int items) {
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Panne</title>");
    for (int i = 1; i <= items; i++) {
      sb.append("<item><title>Le Bénin rouvre le marché ")
          .append(i)
          .append("</title><link>https://news.example.com/b")
          .append(i)
          .append("</link><guid>b")
          .append(i)
          .append("</guid><description>Le Bénin a rouvert le marché de la frontière, et les")
          .append(" commerçants du Niger sont revenus.</description></item>");
    }
    return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private SandboxMessage run(String command, Map<String, Object> options) {
    return sandbox.slash(sandbox.moderator(), sandbox.news(), command, options).awaitResponse(WAIT);
  }

  @Test
  @DisplayName(
      "a link with no article text, a feed that answers HTTP 500 and a too short interval are"
          + " refused in French")
  void refusalsInFrench() {
    assertThat(run("article post", Map.of("url", web.url("/vide.html"))).content())
        .startsWith("Impossible d’utiliser ce lien")
        .contains("aucun texte d’article trouvé");
    status = 500;
    try {
      assertThat(run("feed add", Map.of("url", web.url("/panne.xml"))).content())
          .isEqualTo("Impossible d’ajouter ce flux\u00a0: le site a répondu HTTP 500.");
    } finally {
      status = 200;
    }
    assertThat(run("feed add", Map.of("url", web.url("/panne.xml"), "minutes", 5)).content())
        .isEqualTo(
            "Impossible d’ajouter ce flux\u00a0: un flux est lu toutes les 15 à 1440 minutes\u00a0;"
                + " 5 n’est pas permis.");
  }

  @Test
  @DisplayName(
      "a feed whose XML is broken and a site that refuses the connection are refused in French,"
          + " without the XML parser's or the network library's English")
  void networkAndParserFailuresInFrench() throws Exception {
    web.route(
        "/casse.xml",
        ex ->
            FixtureServer.send(
                ex,
                200,
                "application/rss+xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>\n<item><title>a</item>"
                    .getBytes(StandardCharsets.UTF_8)));
    int closedPort;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }

    assertThat(run("feed add", Map.of("url", web.url("/casse.xml"))).content())
        .isEqualTo(
            "Impossible d’ajouter ce flux\u00a0: ce n’est pas un flux RSS ou Atom\u00a0: son XML"
                + " est mal formé à la ligne 2.");
    assertThat(
            run("article post", Map.of("url", "http://127.0.0.1:" + closedPort + "/article"))
                .content())
        .isEqualTo(
            "Impossible d’utiliser ce lien\u00a0: 127.0.0.1 a refusé la connexion\u00a0: le site"
                + " est peut-être hors service.");
  }

  @Test
  @DisplayName(
      "when Discord refuses to open the thread, a French moderator is told why in French, not in"
          + " Discord's English")
  void discordRefusalInFrench() {
    sandbox.failNext("POST", "/threads", 403, 50013, "Missing Permissions");

    String answer =
        run(
                "article post",
                BotHarness.now(
                    Map.of(
                        "text",
                        "# Le Mali et le Niger\n\nLe Mali et le Niger ont signé un accord sur le"
                            + " commerce le long de la frontière, selon les deux gouvernements.\n")))
            .content();

    assertThat(answer)
        .startsWith("La publication a échoué (Discord a répondu\u00a0: il manque une permission au")
        .doesNotContain("Missing Permissions");
  }

  @Test
  @DisplayName(
      "a feed's stored error is shown in French in /feed list; a channel name in pattern syntax"
          + " is shown as written")
  void storedErrorsInFrench() {
    assertThat(run("feed add", Map.of("url", web.url("/piege.xml"))).content())
        .startsWith("Suivi de **Piège {0}")
        .contains("{x, plural, one {");
    assertThat(sandbox.awaitThread(t -> t.name().contains("Titre {0}"), WAIT).name())
        .isEqualTo("Votre avis 👇 · Titre " + FrenchEndToEndTest.PATTERN_SYNTAX);

    dev.takebot.sandbox.Channel odd =
        sandbox.addPrivateChannel("salon-{0}-'{n, plural, other {#}}'", sandbox.botRole());
    sandbox.setMemberOverwrite(
        odd, sandbox.moderator(), dev.takebot.sandbox.Permissions.VIEW_CHANNEL, 0);
    assertThat(run("feed add", Map.of("url", web.url("/panne.xml"), "channel", odd)).content())
        .startsWith("Suivi de **Panne**");
    web.route("/panne.xml", ex -> FixtureServer.send(ex, status, "application/rss+xml", rss(3)));
    sandbox.setMemberOverwrite(
        odd, sandbox.bot(), 0, dev.takebot.sandbox.Permissions.SEND_MESSAGES);
    BotHarness.await(
        "JDA to see the bot may not send in the channel",
        () ->
            !h.bot
                .jda()
                .getGuildById(sandbox.guildId())
                .getSelfMember()
                .hasPermission(
                    h.bot.jda().getGuildChannelById(odd.id()),
                    net.dv8tion.jda.api.Permission.MESSAGE_SEND));
    clock.advance(java.time.Duration.ofMinutes(20));
    h.app.pollFeedsNow();
    assertThat(run("feed list", Map.of()).content())
        .contains(
            "il me faut la permission Envoyer des messages dans #salon-{0}-'{n, plural, other"
                + " {#}}'",
            "1 erreur");
  }
}
