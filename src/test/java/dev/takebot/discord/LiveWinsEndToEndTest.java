package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static dev.takebot.discord.BotHarness.now;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.HeldResponse;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.RecordedRequest;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.sentiment.Label;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, "no take lost, duplicated or stale", through the sandbox and the real JDA client: both
 * messages of a post are the post, and live events win over history a backfill read before them.
 */
@DisplayName(
    "Takes end to end: both post messages count, and live events win over an in-flight backfill")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveWinsEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");
  private static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

  private BotHarness h;
  private DiscordSandbox sandbox;
  private Member alice;
  private Member bob;
  private final AtomicInteger articles = new AtomicInteger();
  private Set<Thread> threadsBefore;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    threadsBefore = Thread.getAllStackTraces().keySet();
    h = new BotHarness(dir, new KeywordAnalyzer(), List.of(), r -> r);
    sandbox = h.sandbox;
    alice = sandbox.addMember("alice");
    bob = sandbox.addMember("bob");
  }

  @AfterAll
  void stop() {
    h.close();
    BotHarness.await(
        "the bot's threads to end",
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threadsBefore.contains(t))
                .noneMatch(
                    t -> t.getName().startsWith("JDA") || t.getName().startsWith("takebot-")));
  }

  /** A posted article: its discussion, both of its messages and its thread. */
  private record Posted(
      Discussion discussion, SandboxMessage video, SandboxMessage post, Channel thread) {}

  /**
   * Posts an article with a video, which goes out as two messages: the video link, then the embed.
   */
  private Posted postVideoArticle(String title) {
    String text =
        "# "
            + title
            + " "
            + articles.incrementAndGet()
            + "\n\n"
            + "The council approved the new cycle lanes after a long debate this week. "
            + "Shop owners said parking would suffer, while residents welcomed safer streets.\n\n"
            + "Watch: "
            + VIDEO
            + "\n";
    InteractionHandle cmd =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            now(Map.of("file", FileUpload.text("article.md", text))));
    Matcher m = POST_LINK.matcher(cmd.awaitResponse(WAIT).content());
    assertThat(m.find()).isTrue();
    long postId = Long.parseLong(m.group(2));
    Discussion d = h.store.findDiscussion(postId).orElseThrow();
    Channel thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    SandboxMessage video =
        sandbox.messages(sandbox.news()).stream()
            .filter(s -> s.authorId().equals(sandbox.bot().id()) && Long.parseLong(s.id()) < postId)
            .max(Comparator.comparingLong(s -> Long.parseLong(s.id())))
            .orElseThrow();
    assertThat(video.content())
        .as("the post's first message is the video link")
        .contains("dQw4w9WgXcQ");
    return new Posted(d, video, sandbox.message(m.group(2)).orElseThrow(), thread);
  }

  private Take awaitTake(SandboxMessage m) {
    h.awaitTake(m.id());
    return h.store.findTake(Long.parseLong(m.id())).orElseThrow();
  }

  /**
   * Drops the gateway session; whatever runs before the bot is back, it sees only through backfill.
   */
  private void whileSessionLost(Runnable meanwhile) {
    int mark = sandbox.gatewayEvents().size();
    sandbox.invalidateSession(false);
    meanwhile.run();
    sandbox.awaitGatewayEvent("IDENTIFY", mark, WAIT);
  }

  /** Regression: a reply to the video message, the post's first, was not a take. */
  @Test
  @DisplayName(
      "a reply to the post's first message (the video link) is a take of the article, live")
  void replyToVideoMessageLive() {
    // given an article posted as two messages
    Posted p = postVideoArticle("Cycle lanes");

    // when a member replies to the video link, and another to the embed
    SandboxMessage toVideo = sandbox.reply(alice, p.video(), "Great footage, love the lanes");
    SandboxMessage toPost = sandbox.reply(bob, p.post(), "Terrible for the shops");

    // then both are takes of the article
    assertThat(awaitTake(toVideo).postMessageId()).isEqualTo(p.discussion().postMessageId());
    assertThat(awaitTake(toPost).postMessageId()).isEqualTo(p.discussion().postMessageId());
    assertThat(h.store.stats(p.discussion().postMessageId()).takes()).isEqualTo(2);
  }

  /** Regression: backfill, too, only knew replies to the second message. */
  @Test
  @DisplayName(
      "a reply to the post's first message posted while the bot was away is collected by backfill")
  void replyToVideoMessageBackfilled() {
    // given an article posted as two messages
    Posted p = postVideoArticle("Bus lanes");

    // when a member replies to the video link while the bot's session is lost
    SandboxMessage[] missed = new SandboxMessage[1];
    whileSessionLost(
        () -> missed[0] = sandbox.reply(alice, p.video(), "Good idea, buses need room"));

    // then the backfill after the new session collects it as a take of the article
    assertThat(awaitTake(missed[0]).postMessageId()).isEqualTo(p.discussion().postMessageId());
  }

  /**
   * Posts a take while the bot's session is lost, so that only the backfill after the new session
   * can see it; holds the backfill's first page of the thread's history (which holds the take as
   * first posted), runs {@code live} meanwhile, waits until the bot has handled those live events,
   * then lets the page go and waits until the backfill has moved past the thread.
   */
  private SandboxMessage inFlightPage(Posted p, String text, Consumer<SandboxMessage> live) {
    SandboxMessage[] missed = new SandboxMessage[1];
    HeldResponse page = sandbox.holdNext("GET", "channels/" + p.thread().id() + "/messages");
    whileSessionLost(() -> missed[0] = sandbox.post(alice, p.thread(), text));
    page.awaitHeld(WAIT);
    live.accept(missed[0]);
    // Events reach the bot in order: once this later message is stored, the live events were
    // handled.
    awaitTake(sandbox.post(bob, p.thread(), "marker: events before this one were handled"));
    int mark = sandbox.requests().size();
    page.release();
    String replies = "channels/" + sandbox.news().id() + "/messages";
    BotHarness.await(
        "the backfill to reach the channel's replies",
        () -> {
          List<RecordedRequest> all =
              sandbox.requests(); // one snapshot: the bot keeps sending meanwhile
          return all.subList(mark, all.size()).stream().anyMatch(r -> r.is("GET", replies));
        });
    return missed[0];
  }

  /**
   * Regression: a live delete of a message on a history page the backfill had read but not yet
   * written found no row and was dropped; the page then brought the deleted take back.
   */
  @Test
  @DisplayName(
      "a message deleted while a backfill's history page holding it is in flight stays deleted")
  void deleteWinsOverInFlightPage() {
    // given an article, and a take posted while the bot's session was lost
    Posted p = postVideoArticle("Tram line");

    // when the backfill has read it, and it is deleted live before the backfill writes it
    SandboxMessage deleted = inFlightPage(p, "Trams are great, build more", sandbox::delete);

    // then the take is not stored, once the backfill has moved past the thread
    assertThat(h.store.findTake(Long.parseLong(deleted.id()))).isEmpty();
    assertThat(h.store.stats(p.discussion().postMessageId()).takes())
        .as("the marker only")
        .isEqualTo(1);
  }

  /**
   * Regression: a live edit of a message on a history page the backfill had read but not yet
   * written found no row and was dropped; the page then stored the text as first posted.
   */
  @Test
  @DisplayName(
      "a message edited while a backfill's history page holding it is in flight keeps its new text")
  void editWinsOverInFlightPage() {
    // given an article, and a take posted while the bot's session was lost
    Posted p = postVideoArticle("Tram fares");

    // when the backfill has read it, and it is edited live before the backfill writes it
    SandboxMessage edited =
        inFlightPage(p, "Fares are great", m -> sandbox.edit(m, "Fares are awful, too high"));

    // then the take holds the edited text, tagged from it
    Take t = h.store.findTake(Long.parseLong(edited.id())).orElseThrow();
    assertThat(t.text()).isEqualTo("Fares are awful, too high");
    assertThat(t.editedAt()).isNotNull();
    assertThat(t.label()).isEqualTo(Label.NEGATIVE);
    assertThat(h.store.stats(p.discussion().postMessageId()).takes()).isEqualTo(2);
  }
}
