package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static dev.takebot.discord.BotHarness.now;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.RecordedRequest;
import dev.takebot.sandbox.Role;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.sentiment.Label;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("TakeBot end to end: real JDA against the local Discord sandbox")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TakeBotEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");
  private static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

  private BotHarness h;
  private DiscordSandbox sandbox;
  private Member editor;
  private final AtomicInteger articles = new AtomicInteger();

  private java.util.Set<Thread> threadsBefore;

  @BeforeAll
  void startBot(@TempDir Path dir) throws InterruptedException {
    threadsBefore = Thread.getAllStackTraces().keySet();
    h =
        new BotHarness(
            dir,
            new KeywordAnalyzer(),
            List.of("Editor"),
            renderer ->
                (d, requester, locale) -> {
                  if (d.title().contains("Explosive")) {
                    throw new IllegalStateException("renderer failed on purpose");
                  }
                  return renderer.render(d, requester, locale);
                });
    sandbox = h.sandbox;
    Role editorRole = sandbox.addRole("Editor", 0);
    editor = sandbox.addMember("editor", editorRole);
  }

  @AfterAll
  void stopBot() throws InterruptedException {
    h.close();
    // JDA, OkHttp and Jetty threads must all be gone (a few may take a moment to notice the
    // shutdown).
    BotHarness.await(
        "bot and sandbox threads to end",
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threadsBefore.contains(t))
                .noneMatch(
                    t ->
                        t.getName().startsWith("JDA")
                            || t.getName().startsWith("discord-sandbox")
                            || t.getName().startsWith("takebot-")));
  }

  /** A markdown article with a unique title and a tracking-laden video link. */
  private String article(String title) {
    return "# "
        + title
        + " "
        + articles.incrementAndGet()
        + "\n\n"
        + "The United States moved to reset relations with Burkina Faso, Mali and Niger this week. "
        + "Officials said talks would focus on security and trade.\n\n"
        + "Critics said the shift came late, while supporters called it a pragmatic step.\n\n"
        + "Watch: "
        + VIDEO
        + "&utm_source=newsletter\n";
  }

  private record Posted(
      Discussion discussion, SandboxMessage post, Channel thread, InteractionHandle command) {}

  private Posted post(Member who, Map<String, ?> options) {
    InteractionHandle cmd = sandbox.slash(who, sandbox.news(), "article post", now(options));
    SandboxMessage answer = cmd.awaitResponse(WAIT);
    Matcher m = POST_LINK.matcher(answer.content());
    assertThat(m.find()).as("jump link in %s", answer.content()).isTrue();
    String postId = m.group(2);
    Discussion d = h.store.findDiscussion(Long.parseLong(postId)).orElseThrow();
    Channel thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    return new Posted(d, sandbox.message(postId).orElseThrow(), thread, cmd);
  }

  private Posted postArticle(String title) {
    return post(sandbox.moderator(), Map.of("file", FileUpload.text("article.md", article(title))));
  }

  @Test
  @DisplayName(
      "logs in and registers /article and /feed (Manage Messages by default), /takes and /takebot"
          + " (Manage Server by default) in the dev guild")
  void registersCommands() {
    assertThat(sandbox.isBotConnected()).isTrue();
    assertThat(sandbox.guildCommands())
        .filteredOn(c -> c.path("type").asInt(1) == 1)
        .extracting(c -> c.path("name").asText())
        .containsExactlyInAnyOrder("article", "feed", "takes", "takebot");
    JsonNode article =
        sandbox.guildCommands().stream()
            .filter(c -> c.path("name").asText().equals("article"))
            .findFirst()
            .orElseThrow();
    assertThat(article.path("default_member_permissions").asText()).isEqualTo("8192");
    assertThat(article.path("options").get(0).path("name").asText()).isEqualTo("post");
    JsonNode takebot =
        sandbox.guildCommands().stream()
            .filter(c -> c.path("name").asText().equals("takebot"))
            .findFirst()
            .orElseThrow();
    assertThat(takebot.path("default_member_permissions").asText()).isEqualTo("32");
    assertThat(sandbox.globalCommands()).isEmpty();
  }

  @Nested
  @DisplayName("/article post")
  class ArticlePost {

    @Test
    @DisplayName(
        "by a moderator: video link in content, embed with the button, thread, ephemeral jump link")
    void moderatorPosts() {
      String text = article("Sahel reset");
      Posted p = post(sandbox.moderator(), Map.of("file", FileUpload.text("article.md", text)));

      assertThat(p.command().isEphemeral()).isTrue();
      List<SandboxMessage> inNews =
          sandbox.messages(sandbox.news()).stream()
              .filter(m -> m.authorId().equals(sandbox.bot().id()) && !m.isEphemeral())
              .toList();
      SandboxMessage video = inNews.get(inNews.indexOf(p.post()) - 1);
      assertThat(video.content()).contains("dQw4w9WgXcQ").doesNotContain("utm_source");
      assertThat(p.post().embeds())
          .singleElement()
          .satisfies(e -> assertThat(e.path("title").asText()).contains("Sahel reset"));
      assertThat(p.post().buttonIds()).contains(ShareTakeFeature.PREFIX);
      assertThat(p.thread().name()).isEqualTo(BotHarness.prepare("x", text).threadName());
      assertThat(p.thread().parentId()).isEqualTo(sandbox.news().id());
      assertThat(p.discussion().threadId()).isEqualTo(Long.parseLong(p.thread().id()));
      RecordedRequest threadCall =
          sandbox.awaitRequest(
              r ->
                  r.is(
                      "POST",
                      "channels/"
                          + sandbox.news().id()
                          + "/messages/"
                          + p.post().id()
                          + "/threads"),
              WAIT);
      assertThat(threadCall.body()).contains("\"auto_archive_duration\":1440");
    }

    @Test
    @DisplayName(
        "by name from the articles folder, by a member holding a configured moderator role")
    void byNameWithConfiguredRole() {
      Posted p = post(editor, Map.of("name", "sahel-reset"));

      assertThat(p.discussion().title()).containsIgnoringCase("Burkina Faso");
      assertThat(p.post().embeds()).hasSize(1);
    }

    @Test
    @DisplayName("refused to a plain member, with an ephemeral explanation and nothing posted")
    void refusedToMember() {
      int threads = sandbox.threads().size();
      InteractionHandle cmd =
          sandbox.slash(
              sandbox.member(), sandbox.news(), "article post", Map.of("text", "Some text"));

      SandboxMessage answer = cmd.awaitResponse(WAIT);
      assertThat(answer.isEphemeral()).isTrue();
      assertThat(answer.content()).contains("Only moderators", "Manage Messages");
      assertThat(sandbox.threads()).hasSize(threads);
    }

    @Test
    @DisplayName("bad input gets a one-line explanation")
    void badInput() {
      InteractionHandle two =
          sandbox.slash(
              sandbox.moderator(),
              sandbox.news(),
              "article post",
              Map.of("text", "Some text", "name", "sahel-reset"));
      assertThat(two.awaitResponse(WAIT).content())
          .contains("exactly one way", "paste it in a form");

      InteractionHandle missing =
          sandbox.slash(
              sandbox.moderator(),
              sandbox.news(),
              "article post",
              Map.of("name", "no-such-article"));
      assertThat(missing.awaitResponse(WAIT).content()).contains("No article `no-such-article`");

      InteractionHandle binary =
          sandbox.slash(
              sandbox.moderator(),
              sandbox.news(),
              "article post",
              Map.of("file", new FileUpload("a.png", new byte[] {1, 2, 3})));
      assertThat(binary.awaitResponse(WAIT).content()).contains(".txt or .md");

      InteractionHandle readOnly =
          sandbox.slash(
              sandbox.moderator(),
              sandbox.news(),
              "article post",
              Map.of(
                  "file",
                  FileUpload.text("a.md", article("Nowhere")),
                  "channel",
                  sandbox.readOnly()));
      assertThat(readOnly.awaitResponse(WAIT).content())
          .contains("I can't do that in <#" + sandbox.readOnly().id() + ">", "Send Messages");

      InteractionHandle notAnArticle =
          sandbox.slash(
              sandbox.moderator(),
              sandbox.news(),
              "article post",
              Map.of("file", FileUpload.text("a.txt", "\n\n")));
      assertThat(notAnArticle.awaitResponse(WAIT).content())
          .startsWith("Could not use that article: a.txt: ");
    }

    @Test
    @DisplayName("a 429 from Discord is waited out, not dropped")
    void rateLimitIsWaitedOut() {
      int before = sandbox.requests().size();
      sandbox.rateLimitNext("POST", "/messages", 1, Duration.ofSeconds(1));

      Posted p = postArticle("Rate limited");

      List<RecordedRequest> all = sandbox.requests(); // one snapshot: requests go on meanwhile
      List<RecordedRequest> posts =
          all.subList(before, all.size()).stream()
              .filter(
                  r ->
                      r.method().equals("POST")
                          && r.path().equals("channels/" + sandbox.news().id() + "/messages"))
              .toList();
      assertThat(posts).extracting(RecordedRequest::status).startsWith(429).contains(200);
      assertThat(p.post().embeds()).hasSize(1);
    }
  }

  @Nested
  @DisplayName("takes")
  class Takes {

    @Test
    @DisplayName(
        "come from the thread and from replies to the post; bots and other messages are not takes")
    void collected() {
      Posted p = postArticle("Collected");
      SandboxMessage inThread = sandbox.post(sandbox.member(), p.thread(), "A great step");
      SandboxMessage reply = sandbox.reply(sandbox.moderator(), p.post(), "An awful idea");
      SandboxMessage elsewhere = sandbox.post(sandbox.member(), sandbox.general(), "great weather");
      SandboxMessage plainInNews =
          sandbox.post(sandbox.moderator(), sandbox.news(), "good morning");

      h.awaitTake(inThread.id());
      h.awaitTake(reply.id());
      Take t = h.store.findTake(Long.parseLong(inThread.id())).orElseThrow();
      assertThat(t.authorId()).isEqualTo(Long.parseLong(sandbox.member().id()));
      assertThat(t.authorName()).isEqualTo("member");
      assertThat(t.label()).isEqualTo(Label.POSITIVE);
      assertThat(t.channelId()).isEqualTo(Long.parseLong(p.thread().id()));
      assertThat(h.store.findTake(Long.parseLong(reply.id())).orElseThrow().label())
          .isEqualTo(Label.NEGATIVE);
      // A later take in the same thread proves the earlier messages had been handled and skipped.
      SandboxMessage marker = sandbox.post(sandbox.member(), p.thread(), "marker");
      h.awaitTake(marker.id());
      assertThat(h.store.findTake(Long.parseLong(elsewhere.id()))).isEmpty();
      assertThat(h.store.findTake(Long.parseLong(plainInNews.id()))).isEmpty();
      assertThat(h.store.stats(p.discussion().postMessageId()).takes()).isEqualTo(3);
    }

    @Test
    @DisplayName("an edit re-tags, a delete removes, a bulk delete removes them all")
    void editAndDelete() {
      Posted p = postArticle("Edits");
      SandboxMessage a = sandbox.post(sandbox.member(), p.thread(), "great");
      SandboxMessage b = sandbox.post(sandbox.moderator(), p.thread(), "fine");
      SandboxMessage c = sandbox.post(sandbox.moderator(), p.thread(), "ok");
      h.awaitTake(a.id());
      h.awaitTake(b.id());
      h.awaitTake(c.id());

      sandbox.edit(a, "actually awful");
      BotHarness.await(
          "re-tag",
          () -> h.store.findTake(Long.parseLong(a.id())).orElseThrow().label() == Label.NEGATIVE);
      Take edited = h.store.findTake(Long.parseLong(a.id())).orElseThrow();
      assertThat(edited.text()).isEqualTo("actually awful");
      assertThat(edited.editedAt()).isNotNull();

      sandbox.delete(a);
      BotHarness.await("delete", () -> h.store.findTake(Long.parseLong(a.id())).isEmpty());

      sandbox.bulkDelete(p.thread(), List.of(b, c));
      BotHarness.await(
          "bulk delete", () -> h.store.stats(p.discussion().postMessageId()).takes() == 0);
    }

    @Test
    @DisplayName("a dropped connection resumes and no take sent meanwhile is lost")
    void resumeLosesNothing() {
      Posted p = postArticle("Resume");
      int events = sandbox.gatewayEvents().size();
      SandboxMessage[] sent = new SandboxMessage[3];

      sandbox.dropConnection(
          () -> {
            sent[0] = sandbox.post(sandbox.member(), p.thread(), "good while offline");
            sent[1] = sandbox.reply(sandbox.moderator(), p.post(), "bad while offline");
            sent[2] = sandbox.post(editor, p.thread(), "neutral while offline");
          });

      for (SandboxMessage m : sent) {
        h.awaitTake(m.id());
      }
      assertThat(sandbox.gatewayEventsSince(events))
          .extracting(e -> e.kind())
          .contains("DROP", "RESUME");
      assertThat(h.store.stats(p.discussion().postMessageId()).takes()).isEqualTo(3);
    }

    @Test
    @DisplayName(
        "\"Share your take\" opens a modal; the take is posted into the thread as the member's, unable to ping")
    void shareYourTake() {
      Posted p = postArticle("Modal");
      InteractionHandle press =
          sandbox.pressButton(sandbox.member(), p.post(), ShareTakeFeature.PREFIX);
      JsonNode modal = press.awaitModal(WAIT);
      assertThat(modal.path("custom_id").asText())
          .isEqualTo(ShareTakeFeature.PREFIX + ":" + p.post().id());

      InteractionHandle submit =
          sandbox.submitModal(
              sandbox.member(), press, Map.of(ShareTakeFeature.INPUT_ID, "I love this @everyone"));
      SandboxMessage answer = submit.awaitResponse(WAIT);

      assertThat(answer.isEphemeral()).isTrue();
      assertThat(answer.content()).contains("your take is posted", "positive");
      SandboxMessage inThread =
          sandbox.awaitBotMessage(p.thread(), m -> !m.embeds().isEmpty(), WAIT);
      assertThat(inThread.content()).contains("member");
      assertThat(inThread.embeds().get(0).path("description").asText())
          .contains("I love this")
          .doesNotContain("@everyone");
      Take t = h.store.findTake(Long.parseLong(inThread.id())).orElseThrow();
      assertThat(t.authorId()).isEqualTo(Long.parseLong(sandbox.member().id()));
      assertThat(t.text()).isEqualTo("I love this @everyone");
      RecordedRequest sendCall =
          sandbox.awaitRequest(
              r -> r.is("POST", "channels/" + p.thread().id() + "/messages") && r.status() == 200,
              WAIT);
      assertThat(sendCall.body()).contains("\"parse\":[]");
    }
  }

  @Nested
  @DisplayName("/takes summary")
  class Summary {

    @Test
    @DisplayName("for anyone, with exact counts and shares, and quotes that cannot ping")
    void exactNumbers() {
      Posted p = postArticle("Summary");
      List<SandboxMessage> sent =
          List.of(
              sandbox.post(sandbox.member(), p.thread(), "great move, love it @everyone"),
              sandbox.post(sandbox.member(), p.thread(), "good for trade"),
              sandbox.reply(sandbox.moderator(), p.post(), "awful timing"),
              sandbox.post(editor, p.thread(), "we will see"));
      sent.forEach(m -> h.awaitTake(m.id()));
      sandbox.react(sandbox.moderator(), sent.get(1), "🔥");
      sandbox.react(editor, sent.get(1), "👍");
      BotHarness.await(
          "reactions counted",
          () ->
              h.summaries
                  .summary(p.discussion().postMessageId())
                  .orElseThrow()
                  .summary()
                  .mostReacted()
                  .isPresent());

      InteractionHandle cmd = sandbox.slash(sandbox.member(), p.thread(), "takes summary");
      SandboxMessage answer = cmd.awaitResponse(WAIT);

      assertThat(cmd.isEphemeral()).isFalse();
      String description = answer.embeds().get(0).path("description").asText();
      assertThat(description)
          .contains("**4 takes** from **3 members**")
          .contains("positive **50%**", "negative **25%**", "neutral **25%**", "mixed **0%**");
      assertThat(answer.json().toString()).doesNotContain("@everyone");
      assertThat(answer.embeds().get(0).path("fields").toString())
          .contains("Most reacted (2 reactions)", "good for trade");
      assertThat(answer.attachments())
          .extracting(a -> a.path("filename").asText())
          .contains(dev.takebot.takes.summary.SummaryChart.FILE_NAME);
    }

    @Test
    @DisplayName(
        "a failure answers \"Something went wrong\" with the interaction id, to the member only")
    void errorsAreAnswered() {
      Posted p = postArticle("Explosive");

      InteractionHandle cmd =
          sandbox.slash(
              sandbox.member(),
              sandbox.general(),
              "takes summary",
              Map.of("article", p.post().id()));

      SandboxMessage error = cmd.awaitFollowUp(0, WAIT);
      assertThat(error.content()).contains("Something went wrong", cmd.id());
      assertThat(error.isEphemeral()).isTrue();
      sandbox.awaitDeleted(cmd.originalId().orElseThrow(), WAIT); // the public "thinking…"
    }
  }
}
