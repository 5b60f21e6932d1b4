package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.Label;
import dev.takebot.sentiment.LexiconSentimentAnalyzer;
import dev.takebot.store.Stores;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.summary.DiscussionSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Insights end to end: corrections, explanations, listings and reposts with real JDA")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");
  private static final String POSITIVE = "I love this, a great and wise move";
  private static final String NEGATIVE = "This is awful, a terrible and stupid decision";
  private static final String NEUTRAL = "The talks are scheduled for Tuesday in Niamey";

  private static final long OLD_POST = 5_000;

  /** The bot's clock; a test moves it forward to expire list buttons. */
  private final AtomicReference<Duration> skew = new AtomicReference<>(Duration.ZERO);

  private final Clock botClock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.now().plus(skew.get());
        }
      };

  private BotHarness h;
  private DiscordSandbox sandbox;
  private Member alice;
  private Member bob;
  private Discussion discussion;
  private SandboxMessage post;
  private Channel thread;
  private final List<SandboxMessage> aliceTakes = new ArrayList<>();
  private SandboxMessage bobTake;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    // A take tagged by an older analyser, stored before the bot starts: re-tagged in the background
    // at ready.
    try (TakeRepository before =
        Stores.open("jdbc:sqlite:" + dir.resolve("takes.db"), null, null)) {
      before.saveDiscussion(
          new Discussion(OLD_POST, 1, 2, OLD_POST, "old", "An old article", Instant.EPOCH));
      before.insertTake(
          new Take(
              OLD_POST + 1,
              OLD_POST,
              OLD_POST,
              3,
              "carol",
              NEGATIVE,
              Instant.EPOCH,
              null,
              Label.NEUTRAL,
              0,
              "lexicon-0-old"));
    }
    h =
        new BotHarness(
            DiscordSandbox.builder(),
            dir,
            LexiconSentimentAnalyzer.standard(),
            List.of("Editor"),
            r -> r,
            new TakesSettings(30, 0, 20),
            botClock);
    sandbox = h.sandbox;
    alice = sandbox.addMember("alice");
    bob = sandbox.addMember("bob");
    String article =
        "# Sahel reset talks\n\nThe United States moved to reset relations with Burkina Faso, Mali and"
            + " Niger this week. Officials said talks would focus on security and trade.\n\nCritics said the shift"
            + " came late, while supporters called it a pragmatic step.\n\nhttps://www.youtube.com/watch?v=PQGu6Lzyf04&si=x\n";
    SandboxMessage answer = h.postArticleFile(article);
    Matcher m = POST_LINK.matcher(answer.content());
    assertThat(m.find()).as("jump link in %s", answer.content()).isTrue();
    discussion = h.store.findDiscussion(Long.parseLong(m.group(2))).orElseThrow();
    post = sandbox.message(m.group(2)).orElseThrow();
    thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(discussion.threadId())), WAIT);
    String[] texts = {POSITIVE, NEGATIVE, NEUTRAL};
    for (int i = 0; i < 23; i++) { // three pages of /takes list
      SandboxMessage take = sandbox.post(alice, thread, texts[i % 3] + " #" + (i + 1));
      aliceTakes.add(take);
    }
    bobTake = sandbox.post(bob, thread, POSITIVE + " says bob");
    aliceTakes.forEach(t -> h.awaitTake(t.id()));
    h.awaitTake(bobTake.id());
  }

  @AfterAll
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private DiscussionSummary summary() {
    return h.summaries.summary(discussion.postMessageId()).orElseThrow().summary();
  }

  private Label stored(SandboxMessage m) {
    return h.store.findTake(Long.parseLong(m.id())).orElseThrow().label();
  }

  private static String description(SandboxMessage m) {
    return m.embeds().get(0).path("description").asText();
  }

  @Test
  @DisplayName(
      "registers the two message commands: Correct sentiment for moderators, Explain sentiment for all")
  void registersMenus() {
    List<JsonNode> menus =
        sandbox.guildCommands().stream().filter(c -> c.path("type").asInt() == 3).toList();
    assertThat(menus)
        .extracting(c -> c.path("name").asText())
        .containsExactlyInAnyOrder("Correct sentiment", "Explain sentiment");
    assertThat(menus)
        .filteredOn(c -> c.path("name").asText().equals("Correct sentiment"))
        .singleElement()
        .satisfies(
            c -> assertThat(c.path("default_member_permissions").asText()).isEqualTo("8192"));
  }

  @Test
  @DisplayName("at ready, takes tagged by an older analyser are re-tagged in the background")
  void retagsAtReady() {
    BotHarness.await(
        "the background re-tag",
        () ->
            h.store
                .findTake(OLD_POST + 1)
                .orElseThrow()
                .analyzerVersion()
                .equals(h.takes.analyzer().version()));
    assertThat(h.store.findTake(OLD_POST + 1).orElseThrow().label()).isEqualTo(Label.NEGATIVE);
    assertThat(h.store.stats(OLD_POST).byLabel().get(Label.NEGATIVE)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Correct sentiment: the moderator picks a tag by button, the store and the summary follow")
  void correctViaMenu() {
    SandboxMessage take = aliceTakes.get(0); // positive by the analyser
    assertThat(stored(take)).isEqualTo(Label.POSITIVE);
    long negativeBefore = summary().byLabel().get(Label.NEGATIVE); // cached from here on

    InteractionHandle refused = sandbox.messageCommand(alice, take, "Correct sentiment");
    assertThat(refused.awaitResponse(WAIT).content()).contains("Only moderators");
    assertThat(refused.isEphemeral()).isTrue();

    InteractionHandle menu = sandbox.messageCommand(sandbox.moderator(), take, "Correct sentiment");
    SandboxMessage picker = menu.awaitResponse(WAIT);
    assertThat(menu.isEphemeral()).isTrue();
    assertThat(picker.content()).contains("positive");
    assertThat(picker.buttonIds()).hasSize(4);
    String negative =
        picker.buttonIds().stream()
            .filter(id -> id.endsWith(":negative"))
            .findFirst()
            .orElseThrow();

    InteractionHandle press = sandbox.pressButton(sandbox.moderator(), picker, negative);
    press.awaitAck(WAIT);
    BotHarness.await("the correction", () -> stored(take) == Label.NEGATIVE);
    BotHarness.await(
        "the picker to confirm",
        () -> sandbox.message(picker.id()).orElseThrow().content().startsWith("Corrected"));
    assertThat(sandbox.message(picker.id()).orElseThrow().buttonIds()).isEmpty();
    assertThat(h.store.findTake(Long.parseLong(take.id())).orElseThrow().analyzerVersion())
        .isEqualTo("moderator");
    assertThat(summary().byLabel().get(Label.NEGATIVE)).isEqualTo(negativeBefore + 1);
  }

  @Test
  @DisplayName("/takes retag by link: moderators only, and the summary counts the new tag")
  void retagCommand() {
    SandboxMessage take = aliceTakes.get(2); // neutral by the analyser
    assertThat(stored(take)).isEqualTo(Label.NEUTRAL);
    String link =
        "https://discord.com/channels/" + sandbox.guildId() + "/" + thread.id() + "/" + take.id();
    long mixedBefore = summary().byLabel().get(Label.MIXED);

    InteractionHandle refused =
        sandbox.slash(alice, thread, "takes retag", Map.of("message", link, "sentiment", "mixed"));
    assertThat(refused.awaitResponse(WAIT).content()).contains("Only moderators");
    InteractionHandle bad =
        sandbox.slash(
            sandbox.moderator(),
            thread,
            "takes retag",
            Map.of("message", "not a link", "sentiment", "mixed"));
    assertThat(bad.awaitResponse(WAIT).content()).contains("must be a message link");
    assertThat(stored(take)).isEqualTo(Label.NEUTRAL);

    InteractionHandle ok =
        sandbox.slash(
            sandbox.moderator(),
            thread,
            "takes retag",
            Map.of("message", link, "sentiment", "mixed"));
    assertThat(ok.awaitResponse(WAIT).content()).contains("Corrected").contains("mixed");
    assertThat(ok.isEphemeral()).isTrue();
    assertThat(stored(take)).isEqualTo(Label.MIXED);
    assertThat(summary().byLabel().get(Label.MIXED)).isEqualTo(mixedBefore + 1);
  }

  @Test
  @DisplayName(
      "Explain sentiment: anyone gets the tag, score and driving words, on a take or any message")
  void explain() {
    InteractionHandle onTake = sandbox.messageCommand(bob, aliceTakes.get(1), "Explain sentiment");
    String text = onTake.awaitResponse(WAIT).content();
    assertThat(onTake.isEphemeral()).isTrue();
    assertThat(text)
        .contains("This take is tagged")
        .contains("negative")
        .contains("score -")
        .contains("What drove it")
        .contains("awful");

    SandboxMessage chatter = sandbox.post(bob, sandbox.general(), "what a great day");
    InteractionHandle onAny = sandbox.messageCommand(bob, chatter, "Explain sentiment");
    assertThat(onAny.awaitResponse(WAIT).content())
        .contains("This message reads as")
        .contains("positive")
        .contains("great");
  }

  @Test
  @DisplayName(
      "/takes list pages 10 at a time; only the invoker can page, another member is refused")
  void listPaging() {
    InteractionHandle cmd =
        sandbox.slash(
            bob,
            thread,
            "takes list",
            Map.of("article", Long.toString(discussion.postMessageId()), "member", alice));
    SandboxMessage page1 = cmd.awaitResponse(WAIT);
    assertThat(cmd.isEphemeral()).isFalse();
    assertThat(description(page1).lines().filter(l -> l.contains("[jump]"))).hasSize(10);
    assertThat(description(page1))
        .contains("#1”")
        .contains("#10”")
        .doesNotContain("#11”")
        .doesNotContain("bob");
    assertThat(page1.buttonIds())
        .hasSize(2)
        .allSatisfy(id -> assertThat(id.length()).isLessThanOrEqualTo(100));
    String next = page1.buttonIds().get(1);

    InteractionHandle stranger = sandbox.pressButton(alice, page1, next);
    assertThat(stranger.awaitResponse(WAIT).content()).contains("Only the member who ran this");
    assertThat(stranger.isEphemeral()).isTrue();

    InteractionHandle turn = sandbox.pressButton(bob, page1, next);
    turn.awaitAck(WAIT);
    BotHarness.await(
        "page 2", () -> description(sandbox.message(page1.id()).orElseThrow()).contains("#11”"));
    SandboxMessage page2 = sandbox.message(page1.id()).orElseThrow();
    assertThat(description(page2)).contains("#20”").doesNotContain("#10”").doesNotContain("#21”");
    assertThat(page2.embeds().get(0).path("footer").path("text").asText()).startsWith("Page 2");

    sandbox.pressButton(bob, page2, page2.buttonIds().get(1)).awaitAck(WAIT);
    BotHarness.await(
        "page 3", () -> description(sandbox.message(page1.id()).orElseThrow()).contains("#23”"));
    SandboxMessage page3 = sandbox.message(page1.id()).orElseThrow();
    assertThat(description(page3).lines().filter(l -> l.contains("[jump]"))).hasSize(3);
    assertThat(page3.components().get(0).path("components").get(1).path("disabled").asBoolean())
        .isTrue();

    sandbox.pressButton(bob, page3, page3.buttonIds().get(0)).awaitAck(WAIT);
    BotHarness.await(
        "back to page 2",
        () -> description(sandbox.message(page1.id()).orElseThrow()).contains("#11”"));
  }

  @Test
  @DisplayName(
      "/takes list buttons pressed after 10 minutes: the buttons go, and the invoker is told to run it again")
  void listExpires() {
    // Each list test has its own invoker: a member's second public list within the summary
    // cooldown is answered privately (PublicFloodEndToEndTest).
    Member dora = sandbox.addMember("dora");
    InteractionHandle cmd = sandbox.slash(dora, thread, "takes list", Map.of("member", alice));
    SandboxMessage page1 = cmd.awaitResponse(WAIT);
    String next = page1.buttonIds().get(1);
    skew.set(Duration.ofMinutes(11));
    try {
      InteractionHandle late = sandbox.pressButton(dora, page1, next);
      assertThat(late.awaitFollowUp(0, WAIT).content())
          .isEqualTo(dev.takebot.i18n.Texts.english().get("list.expired"));
      assertThat(late.awaitFollowUp(0, WAIT).isEphemeral()).isTrue();
      BotHarness.await(
          "the buttons to go",
          () -> sandbox.message(page1.id()).orElseThrow().buttonIds().isEmpty());
      assertThat(description(sandbox.message(page1.id()).orElseThrow())).contains("#1”");
    } finally {
      skew.set(Duration.ZERO);
    }
  }

  @Test
  @DisplayName("/takes list filters by tag; an unknown article is a one-line error")
  void listFilters() {
    Member erin = sandbox.addMember("erin");
    InteractionHandle cmd =
        sandbox.slash(erin, thread, "takes list", Map.of("sentiment", "neutral", "member", alice));
    SandboxMessage page = cmd.awaitResponse(WAIT);
    assertThat(description(page).lines().filter(l -> l.contains("[jump]")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains("**neutral**"));
    InteractionHandle unknown =
        sandbox.slash(erin, thread, "takes list", Map.of("article", "no such article"));
    assertThat(unknown.awaitResponse(WAIT).content()).startsWith("No article matches");
  }

  @Test
  @DisplayName("/takes mine answers only the member, newest first, with their tags")
  void mine() {
    InteractionHandle cmd = sandbox.slash(bob, sandbox.general(), "takes mine");
    SandboxMessage answer = cmd.awaitResponse(WAIT);
    assertThat(cmd.isEphemeral()).isTrue();
    assertThat(description(answer))
        .contains("says bob")
        .contains("**positive**")
        .contains("Sahel reset talks")
        .doesNotContain("#1”");
    InteractionHandle none = sandbox.slash(sandbox.moderator(), sandbox.general(), "takes mine");
    assertThat(none.awaitResponse(WAIT).content()).contains("no takes here yet");
  }

  @Test
  @DisplayName(
      "/article list and /article summary: moderators see the posts and repost one publicly")
  void articles() {
    InteractionHandle list = sandbox.slash(sandbox.moderator(), sandbox.general(), "article list");
    SandboxMessage answer = list.awaitResponse(WAIT);
    assertThat(list.isEphemeral()).isTrue();
    assertThat(description(answer))
        .contains("Sahel reset talks")
        .contains("24 takes")
        .contains("/" + discussion.postMessageId() + ")");
    InteractionHandle refused = sandbox.slash(bob, sandbox.general(), "article list");
    assertThat(refused.awaitResponse(WAIT).content()).contains("Only moderators");

    InteractionHandle repost =
        sandbox.slash(
            sandbox.moderator(), sandbox.general(), "article summary", Map.of("article", "sahel"));
    SandboxMessage reposted = repost.awaitResponse(WAIT);
    assertThat(repost.isEphemeral()).isFalse();
    assertThat(reposted.content())
        .as("the video link, in content for the player")
        .isEqualTo("https://youtu.be/PQGu6Lzyf04");
    assertThat(reposted.embeds()).hasSize(post.embeds().size());
    assertThat(reposted.embeds().get(0).path("title").asText())
        .isEqualTo(post.embeds().get(0).path("title").asText());
    JsonNode button = reposted.components().get(0).path("components").get(0);
    assertThat(button.path("style").asInt()).isEqualTo(5);
    assertThat(button.path("url").asText()).endsWith("/" + discussion.threadId());
  }

  @Test
  @DisplayName("digest: the summary is posted into the thread once, when the 20th take has arrived")
  void digest() {
    SandboxMessage digest =
        sandbox.awaitBotMessage(thread, m -> m.content().contains("takes so far"), WAIT);
    // The check is queued by the 20th take and counts when it runs, off the gateway thread (#11),
    // so the
    // takes that arrived meanwhile are in it too: at least 20, at most every take of the thread.
    assertThat(digest.content()).matches("(?s)📊 2[0-4] takes so far.*");
    assertThat(digest.embeds()).isNotEmpty();
    assertThat(digest.attachments())
        .singleElement()
        .satisfies(a -> assertThat(a.path("filename").asText()).endsWith(".png"));
    assertThat(sandbox.messages(thread))
        .filteredOn(m -> m.content().contains("takes so far"))
        .hasSize(1);
  }

  @Test
  @DisplayName(
      "/takes summary private:true answers only the asker, with the chart; a second ask is politely held off")
  void privateSummary() {
    InteractionHandle cmd = sandbox.slash(bob, thread, "takes summary", Map.of("private", true));
    SandboxMessage answer = cmd.awaitResponse(WAIT);
    assertThat(cmd.isEphemeral()).isTrue();
    assertThat(answer.embeds()).isNotEmpty();
    assertThat(answer.attachments())
        .singleElement()
        .satisfies(a -> assertThat(a.path("filename").asText()).endsWith(".png"));

    InteractionHandle again = sandbox.slash(bob, thread, "takes summary");
    assertThat(again.awaitResponse(WAIT).content()).contains("try again in");
    assertThat(again.isEphemeral()).isTrue();
  }
}
