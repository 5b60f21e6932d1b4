package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.fetch.FixtureServer;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.SandboxGuild;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What a moderator of another server, or a moderator reaching past their own view, cannot do. */
@DisplayName("Feeds and previews under abuse: real JDA, two servers, a local web server")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedAndPreviewAbuseEndToEndTest {
  private final FixtureServer web = new FixtureServer();
  private BotHarness h;
  private DiscordSandbox sandbox;
  private SandboxGuild other;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    web.fixture("/feed.xml", "application/rss+xml", "rss.xml");
    h =
        new BotHarness(
            DiscordSandbox.builder().guilds(2),
            dir,
            s -> List.of(),
            new TakesSettings(0, 0),
            TakeBotAssembly.Overrides.none()
                .analyzer(new KeywordAnalyzer())
                .takeRetryDelay(BotHarness.TAKE_RETRY_DELAY),
            "news",
            BotHarness::readsLocalFeeds);
    sandbox = h.sandbox;
    other = sandbox.guilds().get(1);
  }

  @AfterAll
  void stop() {
    BotHarness.close(h, web);
  }

  private Channel moderatorsChannel(String name) {
    Channel mods = sandbox.addPrivateChannel(name, sandbox.moderatorRole(), sandbox.botRole());
    BotHarness.await(
        "the bot to see #" + name,
        () -> h.bot.jda().getChannelById(GuildMessageChannel.class, mods.id()) != null);
    return mods;
  }

  private static String seed() {
    try {
      return java.nio.file.Files.readString(
          Path.of("config", "articles", "sahel-reset.txt"),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<SandboxMessage> botMessages(Channel channel) {
    return sandbox.messages(channel).stream()
        .filter(m -> m.authorId().equals(sandbox.bot().id()) && !m.isEphemeral())
        .toList();
  }

  @Test
  @DisplayName(
      "a review waiting in one server cannot be cancelled or edited by a moderator of another")
  void reviewIsDecidedInItsOwnServerOnly() {
    Channel mods = moderatorsChannel("review-desk");
    h.app
        .previews()
        .offer(
            h.bot.jda().getChannelById(GuildMessageChannel.class, mods.id()),
            h.bot.jda().getChannelById(GuildMessageChannel.class, sandbox.news().id()),
            BotHarness.prepare("feed item", seed()));
    List<SandboxMessage> review = botMessages(mods);
    SandboxMessage control = review.get(review.size() - 1);
    String cancel = BotHarness.previewButton(control, PreviewId.CANCEL);
    String save = cancel.replace(":cancel:", ":save:");
    // The other server's moderator has the ids (e.g. they also sit in this server's channel) and
    // sends them from their own server, where they do moderate.
    SandboxMessage there = sandbox.post(other.member(), other.news(), "hello");

    SandboxMessage cancelled =
        sandbox.pressForgedButton(other.moderator(), there, cancel).awaitResponse(WAIT);
    SandboxMessage edited =
        sandbox
            .submitModal(
                other.moderator(),
                other.news(),
                save,
                Map.of(
                    PostPreviewFeature.TITLE, "Pwned",
                    PostPreviewFeature.SUMMARY, "Rewritten from another server.",
                    PostPreviewFeature.HASHTAGS, ""))
            .awaitResponse(WAIT);

    assertThat(cancelled.isEphemeral()).isTrue();
    assertThat(cancelled.content()).contains("no longer available");
    assertThat(edited.isEphemeral()).isTrue();
    assertThat(edited.content()).contains("no longer available");
    sandbox.pressButton(
        sandbox.moderator(), control, BotHarness.previewButton(control, PreviewId.POST));
    SandboxMessage answer = h.awaitConcluded(control);
    assertThat(answer.content()).startsWith("Posted **").doesNotContain("Pwned");
  }

  @Test
  @DisplayName(
      "/feed add review: a channel the moderator cannot see is refused, and nothing is sent there")
  void reviewChannelMustBeVisibleToTheModerator() {
    Channel hidden = sandbox.addPrivateChannel("owners-only", sandbox.botRole());
    BotHarness.await(
        "the bot to see #owners-only",
        () -> h.bot.jda().getChannelById(GuildMessageChannel.class, hidden.id()) != null);

    SandboxMessage answer =
        sandbox
            .slash(
                sandbox.moderator(),
                sandbox.news(),
                "feed add",
                Map.of("url", web.url("/feed.xml"), "review", hidden))
            .awaitResponse(WAIT);

    assertThat(answer.content()).isEqualTo("You can't post in <#" + hidden.id() + "> yourself.");
    assertThat(botMessages(hidden)).isEmpty();
    assertThat(
            sandbox
                .slash(sandbox.moderator(), sandbox.news(), "feed list", Map.of())
                .awaitResponse(WAIT)
                .content())
        .doesNotContain(web.url("/feed.xml"));
  }

  @Test
  @DisplayName("/feed add channel: a channel the moderator cannot see is refused")
  void targetChannelMustBeVisibleToTheModerator() {
    Channel hidden = sandbox.addPrivateChannel("owners-posts", sandbox.botRole());
    BotHarness.await(
        "the bot to see #owners-posts",
        () -> h.bot.jda().getChannelById(GuildMessageChannel.class, hidden.id()) != null);

    SandboxMessage answer =
        sandbox
            .slash(
                sandbox.moderator(),
                sandbox.news(),
                "feed add",
                Map.of("url", web.url("/feed.xml"), "channel", hidden))
            .awaitResponse(WAIT);

    assertThat(answer.content()).isEqualTo("You can't post in <#" + hidden.id() + "> yourself.");
    assertThat(botMessages(hidden)).isEmpty();
  }

  @Test
  @DisplayName(
      "another server's moderator can neither see a server's feeds in suggestions nor remove one"
          + " by its id")
  void feedsStayInTheirServer() {
    web.fixture("/mine.xml", "application/atom+xml", "atom.xml");
    sandbox
        .slash(sandbox.moderator(), sandbox.news(), "feed add", Map.of("url", web.url("/mine.xml")))
        .awaitResponse(WAIT);
    List<com.fasterxml.jackson.databind.JsonNode> mine =
        sandbox
            .autocomplete(sandbox.moderator(), sandbox.news(), "feed remove", "feed", "")
            .awaitChoices(WAIT);
    assertThat(mine).isNotEmpty();
    String id = mine.get(0).path("value").asText();

    assertThat(
            sandbox
                .autocomplete(other.moderator(), other.news(), "feed remove", "feed", "")
                .awaitChoices(WAIT))
        .isEmpty();
    assertThat(
            sandbox
                .slash(other.moderator(), other.news(), "feed remove", Map.of("feed", id))
                .awaitResponse(WAIT)
                .content())
        .isEqualTo("This server follows no such feed: see `/feed list`.");
    assertThat(
            sandbox
                .autocomplete(sandbox.moderator(), sandbox.news(), "feed remove", "feed", "")
                .awaitChoices(WAIT))
        .hasSize(mine.size());
  }
}
