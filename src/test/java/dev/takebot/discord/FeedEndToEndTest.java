package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takebot.config.TakesSettings;
import dev.takebot.fetch.FixtureServer;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.takes.Discussion;
import dev.takebot.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Feeds and links end to end: real JDA, the sandbox and a local web server")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedEndToEndTest {
  /** The bot's clock, moved by the test to make feeds due. */
  private final MovableClock clock = MovableClock.startingNow();

  private final FixtureServer web = new FixtureServer();
  private final List<String[]> items = new CopyOnWriteArrayList<>(); // newest first
  private volatile int status = 200;
  private BotHarness h;
  private DiscordSandbox sandbox;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    items.add(
        new String[] {
          "g1",
          "Niger reopens border with Benin after two years",
          "Niger has reopened its border with Benin, ending a closure that choked trade along one"
              + " of West Africa's busiest corridors."
        });
    web.route(
        "/feed.xml",
        ex -> {
          if (status != 200) {
            ex.sendResponseHeaders(status, -1);
            return;
          }
          FixtureServer.send(ex, 200, "application/rss+xml", SahelWire.rss(items, "", "Sahel"));
        });
    web.fixture("/news", "text/html; charset=utf-8", "news-page.html");
    web.fixture("/video", "text/html; charset=utf-8", "iframe-page.html");
    web.text("/login", "text/html", "<html><head><title>Log in</title></head><body></body></html>");
    web.huge("/huge", 10L * 1024 * 1024);
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
  }

  @AfterAll
  void stop() {
    BotHarness.close(h, web);
  }

  private SandboxMessage run(String command, Map<String, ?> options) {
    return sandbox.slash(sandbox.moderator(), sandbox.news(), command, options).awaitResponse(WAIT);
  }

  private List<SandboxMessage> botPosts() {
    return sandbox.messages(sandbox.news()).stream()
        .filter(x -> x.authorId().equals(sandbox.bot().id()) && !x.isEphemeral())
        .filter(x -> !x.embeds().isEmpty())
        .toList();
  }

  private void advance(Duration d) {
    clock.advance(d);
  }

  @Test
  @Order(1)
  @DisplayName(
      "/feed add posts the feed's newest item with its thread, and members' takes are collected")
  void addPostsNewestItemWithThread() {
    SandboxMessage answer = run("feed add", Map.of("url", web.url("/feed.xml")));

    assertThat(answer.isEphemeral()).isTrue();
    assertThat(answer.content())
        .contains("Following **Sahel Wire** in <#" + sandbox.news().id() + ">")
        .contains("read every 15 minutes", "Its newest item: https://discord.com/channels/");
    Discussion d = h.linked(answer);
    assertThat(d.title()).isEqualTo("Niger reopens border with Benin after two years");
    Channel thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    JsonNode embed =
        sandbox.message(Long.toString(d.postMessageId())).orElseThrow().embeds().get(0);
    assertThat(embed.path("title").asText()).isEqualTo(d.title());
    assertThat(embed.path("description").asText()).contains("#Sahel");

    SandboxMessage take =
        sandbox.post(sandbox.member(), thread, "Great news for traders, finally!");
    h.awaitTake(take.id());
    assertThat(h.store.stats(d.postMessageId()).takes()).isEqualTo(1);
  }

  @Test
  @Order(2)
  @DisplayName(
      "a new item becomes a post at the next due poll, once; an unchanged feed posts nothing")
  void newItemIsPostedOnce() {
    int before = botPosts().size();
    items.add(
        0,
        new String[] {
          "g2",
          "Mali and Burkina Faso sign energy deal",
          "Mali and Burkina Faso signed an agreement to share electricity from a new solar plant"
              + " near Koutiala, officials said on Monday."
        });

    h.app.pollFeedsNow();
    assertThat(botPosts()).as("not due yet").hasSize(before);

    advance(Duration.ofMinutes(20));
    assertThat(h.app.pollFeedsNow()).isOne();
    List<SandboxMessage> posts = botPosts();
    assertThat(posts).hasSize(before + 1);
    assertThat(posts.get(posts.size() - 1).embeds().get(0).path("title").asText())
        .isEqualTo("Mali and Burkina Faso sign energy deal");
    Discussion d =
        h.store.findDiscussion(Long.parseLong(posts.get(posts.size() - 1).id())).orElseThrow();
    sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);

    advance(Duration.ofMinutes(20));
    assertThat(h.app.pollFeedsNow()).isOne();
    assertThat(botPosts()).as("the same items again").hasSize(before + 1);
  }

  @Test
  @Order(3)
  @DisplayName("/feed list shows each feed and, after errors, the reason and the backoff")
  void listShowsErrors() {
    status = 500;
    advance(Duration.ofMinutes(20));
    h.app.pollFeedsNow();
    status = 200;

    SandboxMessage list = run("feed list", Map.of());

    assertThat(list.isEphemeral()).isTrue();
    assertThat(list.content())
        .contains("**Feeds** (1)", "Sahel Wire", "<" + web.url("/feed.xml") + ">")
        .contains("every 15 min", "⚠ the site answered HTTP 500 (1 error; next try <t:");
  }

  @Test
  @Order(4)
  @DisplayName("a paused feed posts nothing until resumed; removed, it is gone")
  void pauseResumeRemove() {
    int before = botPosts().size();
    items.add(
        0,
        new String[] {
          "g3",
          "Chad and Sudan agree on refugee corridor",
          "Chad and Sudan have agreed to open a humanitarian corridor for refugees fleeing the"
              + " fighting in Darfur, the UN refugee agency said."
        });

    assertThat(run("feed pause", Map.of("feed", web.url("/feed.xml"))).content())
        .isEqualTo("Paused **Sahel Wire**: use `/feed resume` to go on.");
    advance(Duration.ofHours(3));
    assertThat(h.app.pollFeedsNow()).isZero();
    assertThat(botPosts()).hasSize(before);

    assertThat(run("feed resume", Map.of("feed", web.url("/feed.xml"))).content())
        .isEqualTo("Resumed **Sahel Wire**.");
    h.app.pollFeedsNow();
    assertThat(botPosts()).hasSize(before + 1);

    assertThat(run("feed remove", Map.of("feed", web.url("/feed.xml"))).content())
        .isEqualTo("No longer following **Sahel Wire**.");
    assertThat(run("feed list", Map.of()).content())
        .isEqualTo("This server follows no feeds yet: add one with `/feed add`.");
  }

  @Test
  @Order(5)
  @DisplayName("a member who is no moderator cannot add a feed")
  void membersAreRefused() {
    SandboxMessage answer =
        sandbox
            .slash(
                sandbox.member(), sandbox.news(), "feed add", Map.of("url", web.url("/feed.xml")))
            .awaitResponse(WAIT);

    assertThat(answer.content()).startsWith("Only moderators can manage feeds");
    assertThat(run("feed list", Map.of()).content()).contains("follows no feeds");
  }

  @Test
  @Order(6)
  @DisplayName("/article post url: builds the post from a news page: OpenGraph title, video first")
  void articleFromLink() {
    SandboxMessage answer = run("article post", Map.of("url", web.url("/news"), "now", true));

    Discussion d = h.linked(answer);
    assertThat(d.title()).isEqualTo("Sahel States and Washington Resume Security Talks in Bamako");
    SandboxMessage post = sandbox.message(Long.toString(d.postMessageId())).orElseThrow();
    assertThat(post.embeds().get(0).path("description").asText()).contains("Bamako");
    assertThat(sandbox.message(Long.toString(d.leadMessageId())).orElseThrow().content())
        .isEqualTo("https://youtu.be/PQGu6Lzyf04");
  }

  @Test
  @Order(7)
  @DisplayName("refusals are one line: too large, no article text, not http")
  void linkRefusals() {
    assertThat(run("article post", Map.of("url", web.url("/huge"))).content())
        .isEqualTo("Could not use that link: the page is larger than 2 MB.");
    assertThat(run("article post", Map.of("url", web.url("/login"))).content())
        .isEqualTo("Could not use that link: no article text found.");
    assertThat(run("article post", Map.of("url", "file:///etc/passwd")).content())
        .isEqualTo("Could not use that link: only http and https links can be fetched.");
    assertThat(run("feed add", Map.of("url", web.url("/news"))).content())
        .isEqualTo("Could not add that feed: that page is not a feed and names none.");
  }

  @Test
  @Order(8)
  @DisplayName(
      "review first: the feed's items wait as previews in the moderators' channel; Post posts them")
  void reviewFirst() {
    web.fixture("/review.xml", "application/rss+xml", "rss.xml");
    Channel mods =
        sandbox.addPrivateChannel("moderators", sandbox.moderatorRole(), sandbox.botRole());
    BotHarness.await(
        "the bot to see #moderators",
        () ->
            h.bot
                    .jda()
                    .getChannelById(
                        net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel.class,
                        mods.id())
                != null);
    int before = botPosts().size();

    SandboxMessage answer = run("feed add", Map.of("url", web.url("/review.xml"), "review", mods));

    assertThat(answer.content())
        .contains("new items wait for review in <#" + mods.id() + ">")
        .contains("Its newest item is waiting for review there.");
    assertThat(botPosts()).as("nothing posted before review").hasSize(before);
    List<SandboxMessage> review =
        sandbox.messages(mods).stream()
            .filter(m -> m.authorId().equals(sandbox.bot().id()) && !m.isEphemeral())
            .toList();
    SandboxMessage control = review.get(review.size() - 1);
    assertThat(control.content()).contains("**Review**", "<#" + sandbox.news().id() + ">");

    sandbox.pressButton(
        sandbox.moderator(), control, BotHarness.previewButton(control, PreviewId.POST));
    SandboxMessage posted = h.awaitConcluded(control);

    assertThat(posted.content())
        .startsWith(
            "Posted **Niger reopens border with Benin after two years** in <#"
                + sandbox.news().id()
                + ">");
    assertThat(botPosts()).hasSize(before + 1);
    assertThat(run("feed list", Map.of()).content()).contains("(reviewed in <#" + mods.id() + ">)");
  }

  @Test
  @Order(9)
  @DisplayName("a feed of a server the bot was removed from is not read any more")
  void feedOfALeftServerIsNotRead() {
    int reads = web.count("/review.xml");
    sandbox.removeBotFromGuild();
    BotHarness.await(
        "the bot to leave the server", () -> h.bot.jda().getGuildById(sandbox.guildId()) == null);
    advance(Duration.ofHours(3));

    assertThat(h.app.pollFeedsNow()).isOne();

    assertThat(web.count("/review.xml")).as("its site is not asked").isEqualTo(reads);
  }
}
