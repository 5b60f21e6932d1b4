package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static dev.takebot.discord.BotHarness.awaitPreview;
import static dev.takebot.discord.BotHarness.previewButton;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.DiscordSettings;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.config.TakesSettings;
import dev.takebot.feed.Feed;
import dev.takebot.feed.FeedStore;
import dev.takebot.fetch.FixtureServer;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.Role;
import dev.takebot.sandbox.SandboxGuild;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.store.JdbcTakeStore;
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

@DisplayName(
    "The same article posted twice: one discussion per server unless a moderator means it (real"
        + " JDA, sandbox, two servers, a local web server)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SameArticleEndToEndTest {
  private final MovableClock clock = MovableClock.startingNow();
  private final FixtureServer web = new FixtureServer();

  /** The feed's items, newest first: guid, title, text (each links to news.example.com/guid). */
  private final List<String[]> items = new CopyOnWriteArrayList<>();

  private BotHarness h;
  private DiscordSandbox sandbox;
  private SandboxGuild other;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    items.add(
        new String[] {
          "border",
          "Niger reopens border with Benin after two years",
          "Niger has reopened its border with Benin, ending a closure that choked trade."
        });
    web.route("/feed.xml", ex -> FixtureServer.send(ex, 200, "application/rss+xml", feed()));
    web.route("/mirror.xml", ex -> FixtureServer.send(ex, 200, "application/rss+xml", feed()));
    page("/by-hand/border", "border", "Niger reopens its border with Benin");
    page("/by-hand/energy", "energy", "Mali and Burkina Faso sign an energy deal");
    page("/by-hand/talks", "talks", "Chad and Sudan open talks on refugees");
    page("/by-hand/audit", "audit", "Auditors question the regional grid budget");
    String[] talks = {
      "talks",
      "Chad and Sudan open talks on refugees",
      "Chad and Sudan opened talks on the refugees crossing their border, officials said."
    };
    for (String path : List.of("/talks.xml", "/talks-staff.xml")) {
      web.route(
          path,
          ex -> FixtureServer.send(ex, 200, "application/rss+xml", feed(List.<String[]>of(talks))));
    }
    h =
        new BotHarness(
            DiscordSandbox.builder().guilds(2),
            dir,
            s -> List.of("Moderator"),
            new TakesSettings(0, 0),
            BotHarness.keywordsOn(clock),
            "news",
            SameArticleEndToEndTest::everyServer);
    sandbox = h.sandbox;
    other = sandbox.guilds().get(1);
  }

  /** Local feeds, and the commands registered for every server rather than the first one. */
  private static TakeBotConfig everyServer(TakeBotConfig c) {
    DiscordSettings d = c.discord();
    return BotHarness.readsLocalFeeds(c)
        .withDiscord(
            new DiscordSettings(
                d.restUrl(), d.gatewayUrl(), null, d.moderatorRoles(), d.postChannel()));
  }

  @AfterAll
  void stop() {
    BotHarness.close(h, web);
  }

  private byte[] feed() {
    return feed(items);
  }

  private static byte[] feed(List<String[]> items) {
    return SahelWire.rss(items, "?utm_source=rss", null);
  }

  /** A news page whose own link is the feed item {@code guid}'s, worded otherwise. */
  private void page(String path, String guid, String title) {
    web.text(
        path,
        "text/html; charset=utf-8",
        "<html><head><meta property=\"og:title\" content=\""
            + title
            + "\"><meta property=\"og:url\" content=\"https://news.example.com/"
            + guid
            + "\"></head><body><article><p>"
            + title
            + ", officials said on Monday, in a decision traders had long waited for.</p><p>The"
            + " move follows months of talks between the two governments.</p></article></body>"
            + "</html>");
  }

  /**
   * {@code options} with {@code now:true} alone (not {@link BotHarness#now}'s {@code again}): what
   * happens to a second post is what this class tests.
   */
  private static Map<String, Object> atOnce(Map<String, ?> options) {
    Map<String, Object> all = new java.util.LinkedHashMap<>(options);
    all.put(ArticlePostCommand.NOW, true);
    return all;
  }

  /** The moderator posts the seed article "sahel-reset" to the news channel at once; the answer. */
  private SandboxMessage postSeedAtOnce() {
    return run(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            atOnce(Map.of("name", "sahel-reset")))
        .awaitResponse(WAIT);
  }

  private InteractionHandle run(Member who, Channel where, String command, Map<String, ?> opts) {
    return sandbox.slash(who, where, command, opts);
  }

  private int discussions(String guildId) {
    return h.store.listDiscussions(Long.parseLong(guildId), 1000).size();
  }

  private List<SandboxMessage> publicBotMessages(Channel channel) {
    return sandbox.messages(channel).stream()
        .filter(m -> m.authorId().equals(sandbox.bot().id()) && !m.isEphemeral())
        .toList();
  }

  /** Asserts {@code notice} is the private notice pointing at {@code earlier}; its button's id. */
  private static String assertNotice(SandboxMessage notice, Discussion earlier) {
    assertThat(notice.isEphemeral()).isTrue();
    assertThat(notice.content())
        .startsWith("This server already discusses **")
        .contains(
            "https://discord.com/channels/"
                + earlier.guildId()
                + "/"
                + earlier.channelId()
                + "/"
                + earlier.postMessageId(),
            "<#" + earlier.threadId() + ">",
            "nothing was posted");
    return previewButton(notice, PreviewId.ANYWAY);
  }

  @Test
  @Order(1)
  @DisplayName(
      "a moderator who posts an article twice gets a private notice linking the first post and"
          + " its thread, not a second post; Post anyway posts it")
  void postedTwice() {
    Discussion first = h.linked(postSeedAtOnce());
    sandbox.awaitThread(t -> t.id().equals(Long.toString(first.threadId())), WAIT);
    int posts = publicBotMessages(sandbox.news()).size();

    SandboxMessage notice = postSeedAtOnce();

    String anyway = assertNotice(notice, first);
    assertThat(notice.buttonIds()).containsExactly(anyway);
    assertThat(discussions(sandbox.guildId())).isOne();
    assertThat(publicBotMessages(sandbox.news())).hasSize(posts);

    sandbox.pressButton(sandbox.moderator(), notice, anyway);
    SandboxMessage answer = h.awaitConcluded(notice);

    assertThat(answer.content()).startsWith("Posted **");
    Discussion second = h.linked(answer);
    assertThat(second.postMessageId()).isNotEqualTo(first.postMessageId());
    sandbox.awaitThread(t -> t.id().equals(Long.toString(second.threadId())), WAIT);
    assertThat(discussions(sandbox.guildId())).isEqualTo(2);
  }

  @Test
  @Order(2)
  @DisplayName(
      "Post on a preview of an article the server discusses answers privately with the newest"
          + " discussion; the preview waits, and Post anyway from the notice posts it")
  void previewOfADiscussedArticle() {
    Discussion newest = h.store.listDiscussions(Long.parseLong(sandbox.guildId()), 1).get(0);
    InteractionHandle cmd =
        run(sandbox.moderator(), sandbox.news(), "article post", Map.of("name", "sahel-reset"));
    List<SandboxMessage> preview = awaitPreview(cmd);
    SandboxMessage control = preview.get(preview.size() - 1);

    InteractionHandle press =
        sandbox.pressButton(sandbox.moderator(), control, previewButton(control, PreviewId.POST));
    SandboxMessage notice = press.awaitFollowUp(0, WAIT);

    String anyway = assertNotice(notice, newest);
    assertThat(discussions(sandbox.guildId())).isEqualTo(2);
    assertThat(sandbox.message(control.id()).orElseThrow().buttonIds())
        .as("the preview still waits")
        .contains(previewButton(control, PreviewId.POST));

    sandbox.pressButton(sandbox.moderator(), notice, anyway);

    assertThat(h.awaitConcluded(control).content()).startsWith("Posted **");
    assertThat(h.awaitConcluded(notice).content()).startsWith("Posted **");
    assertThat(discussions(sandbox.guildId())).isEqualTo(3);
  }

  @Test
  @Order(3)
  @DisplayName("the notice is in the moderator's language, and again:true posts at once")
  void frenchNoticeAndAgain() {
    Member bastien = sandbox.addMember("Bastien", sandbox.moderatorRole());
    sandbox.setUserLocale(bastien, "fr");
    Map<String, Object> seed = atOnce(Map.of("name", "sahel-reset"));

    SandboxMessage notice = run(bastien, sandbox.news(), "article post", seed).awaitResponse(WAIT);

    assertThat(notice.isEphemeral()).isTrue();
    assertThat(notice.content()).startsWith("Ce serveur discute déjà de **");
    assertThat(notice.components().toString()).contains("Publier quand même");

    Map<String, Object> again = new java.util.LinkedHashMap<>(seed);
    again.put(ArticlePostCommand.AGAIN, true);
    SandboxMessage posted =
        run(sandbox.moderator(), sandbox.news(), "article post", again).awaitResponse(WAIT);
    assertThat(posted.content()).startsWith("Posted **");
    assertThat(discussions(sandbox.guildId())).isEqualTo(4);
  }

  @Test
  @Order(4)
  @DisplayName(
      "a feed never posts what a server already discusses (posted by hand, or by the feed before"
          + " it forgot the item); another server still gets it")
  void feedsSkipWhatTheServerDiscusses() {
    // A moderator posted the page by hand, from its own address (no tracking, other words).
    Discussion byHand =
        h.linked(
            run(
                    sandbox.moderator(),
                    sandbox.news(),
                    "article post",
                    atOnce(Map.of("url", web.url("/by-hand/border"))))
                .awaitResponse(WAIT));
    int here = discussions(sandbox.guildId());

    SandboxMessage added =
        run(sandbox.moderator(), sandbox.news(), "feed add", Map.of("url", web.url("/feed.xml")))
            .awaitResponse(WAIT);
    SandboxMessage addedThere =
        run(other.moderator(), other.news(), "feed add", Map.of("url", web.url("/feed.xml")))
            .awaitResponse(WAIT);

    assertThat(added.content())
        .contains(
            "Its newest item was not posted: this server already discusses it in https://discord"
                + ".com/channels/"
                + byHand.guildId()
                + "/"
                + byHand.channelId()
                + "/"
                + byHand.postMessageId());
    assertThat(discussions(sandbox.guildId())).isEqualTo(here);
    Discussion there = h.linked(addedThere);
    assertThat(there.guildId()).isEqualTo(Long.parseLong(other.id()));
    sandbox.awaitThread(t -> t.id().equals(Long.toString(there.threadId())), WAIT);

    // A new item, posted by hand here first; then the feed lists it.
    run(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            atOnce(Map.of("url", web.url("/by-hand/energy"))))
        .awaitResponse(WAIT);
    items.add(
        0,
        new String[] {
          "energy",
          "Mali and Burkina Faso sign energy deal",
          "Mali and Burkina Faso signed an agreement to share electricity from a new solar plant."
        });
    int hereBefore = discussions(sandbox.guildId());
    int thereBefore = discussions(other.id());
    // The other server's feed forgets the item it posted, as feeds.forgetAfterDays does to an
    // item gone from its feed; undated, it would be new again when listed.
    FeedStore feeds = ((JdbcTakeStore) h.store).feeds();
    Feed otherFeed = feeds.feed(Long.parseLong(other.id()), web.url("/feed.xml")).orElseThrow();
    feeds.forgetSeen(otherFeed.id(), "border");

    clock.advance(Duration.ofMinutes(20));
    assertThat(h.app.pollFeedsNow()).isEqualTo(2);

    assertThat(discussions(sandbox.guildId()))
        .as("here: posted by hand already")
        .isEqualTo(hereBefore);
    assertThat(discussions(other.id()))
        .as("there: the new item once, the forgotten one not again")
        .isEqualTo(thereBefore + 1);
    assertThat(h.store.listDiscussions(Long.parseLong(other.id()), 1).get(0).title())
        .isEqualTo("Mali and Burkina Faso sign energy deal");
  }

  @Test
  @Order(5)
  @DisplayName(
      "a review-first feed offers moderators nothing the server already discusses, on add or at"
          + " a poll")
  void reviewsSkipWhatTheServerDiscusses() {
    Channel desk =
        sandbox.addPrivateChannel("review-desk", sandbox.moderatorRole(), sandbox.botRole());
    BotHarness.await(
        "the bot to see #review-desk",
        () ->
            h.bot
                    .jda()
                    .getChannelById(
                        net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel.class,
                        desk.id())
                != null);

    SandboxMessage added =
        run(
                sandbox.moderator(),
                sandbox.news(),
                "feed add",
                Map.of("url", web.url("/mirror.xml"), "review", desk))
            .awaitResponse(WAIT);

    assertThat(added.content()).contains("Its newest item was not posted: this server already");
    // Forgotten, the older item is new to the feed again at the next poll: still not offered.
    FeedStore feeds = ((JdbcTakeStore) h.store).feeds();
    Feed mirror =
        feeds.feed(Long.parseLong(sandbox.guildId()), web.url("/mirror.xml")).orElseThrow();
    feeds.forgetSeen(mirror.id(), "border");
    clock.advance(Duration.ofMinutes(20));
    h.app.pollFeedsNow();
    SandboxMessage marker = sandbox.post(sandbox.moderator(), desk, "marker");

    assertThat(sandbox.messages(desk)).containsExactly(marker);
  }

  /**
   * Attacks on Post anyway (review of #15): its custom id is input like any other, so only its own
   * moderator, in its own server, once, before it expires, may post with it; every refusal is
   * private and posts nothing.
   */
  @Test
  @Order(6)
  @DisplayName(
      "Post anyway: a member, another moderator, another server's moderator, a forged key, a second"
          + " press and a late press are each refused privately; only the owner's one press posts")
  void postAnywayRefusesEveryoneElse() {
    SandboxMessage notice = postSeedAtOnce();
    String anyway = previewButton(notice, PreviewId.ANYWAY);
    int before = discussions(sandbox.guildId());
    int publicBefore = publicBotMessages(sandbox.news()).size();
    SandboxMessage somePost = publicBotMessages(sandbox.news()).get(0);
    Member secondModerator = sandbox.addMember("second-mod", sandbox.moderatorRole());

    SandboxMessage byMember =
        sandbox.pressForgedButton(sandbox.member(), somePost, anyway).awaitResponse(WAIT);
    SandboxMessage byOtherModerator =
        sandbox.pressForgedButton(secondModerator, somePost, anyway).awaitResponse(WAIT);
    SandboxMessage fromOtherServer =
        sandbox
            .pressForgedButton(
                other.moderator(),
                publicBotMessages(other.news()).stream().findFirst().orElse(somePost),
                anyway)
            .awaitResponse(WAIT);
    String[] parts = anyway.split(":");
    String forgedKey =
        parts[0] + ":" + parts[1] + ":" + (parts[2].equals("1") ? "2" : "1") + ":" + parts[3];
    SandboxMessage forged =
        sandbox.pressForgedButton(sandbox.moderator(), somePost, forgedKey).awaitResponse(WAIT);

    for (SandboxMessage refusal : List.of(byMember, byOtherModerator, fromOtherServer, forged)) {
      assertThat(refusal.isEphemeral()).as(refusal.content()).isTrue();
    }
    assertThat(byOtherModerator.content()).contains("only they can post");
    assertThat(fromOtherServer.content()).doesNotContain("only they can post");
    assertThat(forged.content()).contains("no longer available");
    assertThat(discussions(sandbox.guildId())).isEqualTo(before);
    assertThat(publicBotMessages(sandbox.news())).hasSize(publicBefore);

    sandbox.pressButton(sandbox.moderator(), notice, anyway);
    assertThat(h.awaitConcluded(notice).content()).startsWith("Posted **");
    SandboxMessage again =
        sandbox.pressForgedButton(sandbox.moderator(), somePost, anyway).awaitResponse(WAIT);

    assertThat(again.isEphemeral()).isTrue();
    assertThat(again.content()).contains("already posted");
    assertThat(discussions(sandbox.guildId())).isEqualTo(before + 1);

    SandboxMessage late = postSeedAtOnce();
    String lateId = previewButton(late, PreviewId.ANYWAY);
    clock.advance(PendingPosts.PRIVATE_LIFETIME.plusMinutes(1));
    SandboxMessage expired =
        sandbox.pressForgedButton(sandbox.moderator(), somePost, lateId).awaitResponse(WAIT);

    assertThat(expired.isEphemeral()).isTrue();
    assertThat(expired.content()).contains("expired");
    assertThat(discussions(sandbox.guildId())).isEqualTo(before + 1);
  }

  /** A private {@code #staff} only its role (and the bot) can view, and a moderator in it. */
  private record Staff(Channel channel, Member moderator) {}

  private Staff staff;

  private Staff staff() {
    if (staff == null) {
      Role role = sandbox.addRole("Staff", 0);
      Channel channel = sandbox.addPrivateChannel("staff", role, sandbox.botRole());
      Member moderator = sandbox.addMember("staff-mod", sandbox.moderatorRole(), role);
      BotHarness.await(
          "the bot to see #staff",
          () ->
              h.bot
                      .jda()
                      .getChannelById(
                          net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel.class,
                          channel.id())
                  != null);
      staff = new Staff(channel, moderator);
    }
    return staff;
  }

  /** A staff moderator's post of the page at {@code path} in #staff. */
  private Discussion postedInStaff(String path) {
    Map<String, Object> opts = atOnce(Map.of("url", web.url(path)));
    opts.put("channel", staff().channel());
    Discussion d =
        h.linked(
            run(staff().moderator(), staff().channel(), "article post", opts).awaitResponse(WAIT));
    assertThat(d.channelId()).isEqualTo(Long.parseLong(staff().channel().id()));
    sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    return d;
  }

  /** Asserts {@code notice} gives away nothing of {@code hidden}, a post its reader cannot see. */
  private static void assertRevealsNothing(SandboxMessage notice, Discussion hidden) {
    assertThat(notice.isEphemeral()).isTrue();
    assertThat(notice.content())
        .doesNotContain(
            Long.toString(hidden.channelId()),
            Long.toString(hidden.threadId()),
            Long.toString(hidden.postMessageId()),
            "discord.com/channels",
            "<#",
            "Auditors",
            "grid budget");
    assertThat(notice.embeds()).isEmpty();
  }

  /**
   * Review of #15: the notice showed the earlier post's title, channel, thread and link to a
   * moderator who cannot view its channel, e.g. a post in a private #staff.
   */
  @Test
  @Order(7)
  @DisplayName(
      "a moderator who cannot see the channel of the earlier post is told only that it is in a"
          + " channel they cannot see (no title, channel, thread or link), in their language, and"
          + " may still post anyway")
  void noticeRevealsNothingOfAChannelTheModeratorCannotSee() {
    Discussion hidden = postedInStaff("/by-hand/audit");
    Map<String, Object> again = atOnce(Map.of("url", web.url("/by-hand/audit")));
    int before = discussions(sandbox.guildId());

    SandboxMessage notice =
        run(sandbox.moderator(), sandbox.news(), "article post", again).awaitResponse(WAIT);

    assertRevealsNothing(notice, hidden);
    assertThat(notice.content())
        .isEqualTo(
            "This server already has a discussion of this article, in a channel you cannot see,"
                + " so nothing was posted.");
    String anyway = previewButton(notice, PreviewId.ANYWAY);
    assertThat(discussions(sandbox.guildId())).isEqualTo(before);

    // The same through a preview's Post, for a French moderator.
    Member chloe = sandbox.addMember("Chloe", sandbox.moderatorRole());
    sandbox.setUserLocale(chloe, "fr");
    List<SandboxMessage> preview =
        awaitPreview(
            run(chloe, sandbox.news(), "article post", Map.of("url", web.url("/by-hand/audit"))));
    SandboxMessage control = preview.get(preview.size() - 1);
    SandboxMessage french =
        sandbox
            .pressButton(chloe, control, previewButton(control, PreviewId.POST))
            .awaitFollowUp(0, WAIT);

    assertRevealsNothing(french, hidden);
    assertThat(french.content())
        .isEqualTo(
            "Ce serveur a déjà une discussion de cet article, dans un salon que vous ne pouvez pas"
                + " voir, donc rien n’a été publié.");
    assertThat(french.components().toString()).contains("Publier quand même");

    // Whoever can see #staff is still shown where the discussion is.
    SandboxMessage toStaff =
        run(staff().moderator(), sandbox.news(), "article post", again).awaitResponse(WAIT);
    assertNotice(toStaff, hidden);

    sandbox.pressButton(sandbox.moderator(), notice, anyway);
    assertThat(h.awaitConcluded(notice).content()).startsWith("Posted **");
    assertThat(discussions(sandbox.guildId())).isEqualTo(before + 1);
  }

  @Test
  @Order(8)
  @DisplayName(
      "a feed posts in a channel whose members cannot see the only discussion of its item (in a"
          + " private #staff); a feed posting in #staff itself still skips it")
  void aPrivateDiscussionDoesNotKeepAFeedItemFromAWiderChannel() {
    Discussion hidden = postedInStaff("/by-hand/talks");

    SandboxMessage added =
        run(sandbox.moderator(), sandbox.news(), "feed add", Map.of("url", web.url("/talks.xml")))
            .awaitResponse(WAIT);

    assertThat(added.content()).contains("Its newest item: https://discord.com/channels/");
    Discussion inNews = h.linked(added);
    assertThat(inNews.channelId()).isEqualTo(Long.parseLong(sandbox.news().id()));
    assertThat(inNews.postMessageId()).isNotEqualTo(hidden.postMessageId());
    assertThat(added.content())
        .doesNotContain(Long.toString(hidden.channelId()), Long.toString(hidden.postMessageId()));

    SandboxMessage addedInStaff =
        run(
                staff().moderator(),
                staff().channel(),
                "feed add",
                Map.of("url", web.url("/talks-staff.xml"), "channel", staff().channel()))
            .awaitResponse(WAIT);

    assertThat(addedInStaff.content())
        .contains("Its newest item was not posted: this server already discusses it in ");
    // #staff's members see both discussions: the newest, in #news, keeps it out.
    assertThat(h.linked(addedInStaff)).isEqualTo(inNews);
  }
}
