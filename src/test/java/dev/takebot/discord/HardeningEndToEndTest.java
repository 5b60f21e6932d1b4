package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static dev.takebot.discord.BotHarness.now;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.Permissions;
import dev.takebot.sandbox.RecordedRequest;
import dev.takebot.sandbox.Role;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.store.StoreException;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.TakeRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure paths through the real bot: a store that fails on demand, missing permissions, oversized
 * files, and slow commands that must not starve quick ones.
 */
@DisplayName("Hardening end to end: failures are cleaned up, retried or refused up front")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardeningEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");

  private BotHarness h;
  private DiscordSandbox sandbox;
  private Member editor;
  private final AtomicInteger failInserts = new AtomicInteger();
  private final AtomicBoolean failSaveDiscussion = new AtomicBoolean();
  private final AtomicBoolean overflowListDiscussions = new AtomicBoolean();
  private final AtomicInteger articles = new AtomicInteger();
  private volatile CountDownLatch slowGate = new CountDownLatch(0);

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h =
        new BotHarness(
            DiscordSandbox.builder(),
            dir,
            new KeywordAnalyzer(),
            List.of("Editor"),
            renderer ->
                (d, requester, locale) -> {
                  if (d.title().contains("Slow")) {
                    try {
                      slowGate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  return renderer.render(d, requester, locale);
                },
            new TakesSettings(0, 0),
            Clock.systemUTC(),
            this::failingOnDemand);
    sandbox = h.sandbox;
    Role editorRole = sandbox.addRole("Editor", 0);
    editor = sandbox.addMember("editor", editorRole);
  }

  @AfterAll
  void stop() {
    slowGate.countDown();
    if (h != null) {
      h.close();
    }
  }

  /** The real store, except that inserts and discussion saves fail while the test says so. */
  private TakeRepository failingOnDemand(TakeRepository real) {
    return (TakeRepository)
        Proxy.newProxyInstance(
            TakeRepository.class.getClassLoader(),
            new Class<?>[] {TakeRepository.class},
            (proxy, method, args) -> {
              if (method.getName().equals("insertTake")
                  && failInserts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new StoreException("database unavailable (injected by the test)");
              }
              if (method.getName().equals("listDiscussions")
                  && overflowListDiscussions.get()
                  && Thread.currentThread().getName().startsWith("takebot-interaction-")) {
                throw new StackOverflowError("injected by the test");
              }
              if (method.getName().equals("saveDiscussion") && failSaveDiscussion.get()) {
                throw new StoreException("database unavailable (injected by the test)");
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private record Posted(Discussion discussion, SandboxMessage post, Channel thread) {}

  private static String article(String title) {
    return "# "
        + title
        + "\n\n"
        + "The United States moved to reset relations with Burkina Faso, Mali and Niger this week. "
        + "Officials said talks would focus on security and trade.\n";
  }

  private Posted postArticle(String title) {
    String unique = title + " " + articles.incrementAndGet();
    InteractionHandle cmd =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            now(Map.of("file", FileUpload.text("article.md", article(unique)))));
    SandboxMessage answer = cmd.awaitResponse(WAIT);
    Matcher m = POST_LINK.matcher(answer.content());
    assertThat(m.find()).as("jump link in %s", answer.content()).isTrue();
    Discussion d = h.store.findDiscussion(Long.parseLong(m.group(2))).orElseThrow();
    Channel thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    return new Posted(d, sandbox.message(m.group(2)).orElseThrow(), thread);
  }

  /**
   * Ids of messages under {@code prefix} the bot asked to delete since the {@code mark}-th request.
   * The log is written after a route answers, so a message can be gone a moment before its DELETE
   * is logged.
   */
  private List<String> deletedSince(int mark, String prefix) {
    List<RecordedRequest> log = sandbox.requests();
    return log.subList(mark, log.size()).stream()
        .filter(r -> r.method().equals("DELETE") && r.path().startsWith(prefix))
        .map(r -> r.path().substring(prefix.length()))
        .toList();
  }

  private Set<String> botMessageIds(Channel channel) {
    return sandbox.messages(channel).stream()
        .filter(m -> m.authorId().equals(sandbox.bot().id()) && !m.isEphemeral())
        .map(SandboxMessage::id)
        .collect(Collectors.toSet());
  }

  @Test
  @DisplayName(
      "Share your take: when the take cannot be stored, the bot's post is deleted and the member told")
  void shareTakeStoreFailure() {
    // given an article, and a store that fails the next insert
    Posted p = postArticle("Share failure");
    InteractionHandle press =
        sandbox.pressButton(sandbox.member(), p.post(), ShareTakeFeature.PREFIX);
    press.awaitModal(WAIT);
    failInserts.set(1);

    // when the member submits their take
    SandboxMessage answer =
        sandbox
            .submitModal(sandbox.member(), press, Map.of(ShareTakeFeature.INPUT_ID, "I love this"))
            .awaitResponse(WAIT);

    // then they are told privately, and the bot's post of it is gone again
    assertThat(answer.isEphemeral()).isTrue();
    assertThat(answer.content()).isEqualTo("Couldn't save your take — please try again.");
    assertThat(failInserts).hasValue(0);
    String prefix = "channels/" + p.thread().id() + "/messages/";
    String posted =
        sandbox
            .awaitRequest(r -> r.method().equals("DELETE") && r.path().startsWith(prefix), WAIT)
            .path()
            .substring(prefix.length());
    sandbox.awaitDeleted(posted, WAIT);
    assertThat(botMessageIds(p.thread())).as("nothing of the take left in the thread").isEmpty();
    assertThat(h.store.findTake(Long.parseLong(posted))).isEmpty();
    assertThat(h.store.stats(p.discussion().postMessageId()).takes()).isZero();
  }

  @Test
  @DisplayName(
      "a take whose write fails on the gateway thread is stored by the retry a moment later")
  void listenerRetriesOnce() {
    Posted p = postArticle("Retry");
    failInserts.set(1);

    SandboxMessage take =
        sandbox.post(sandbox.member(), p.thread(), "A great take despite the hiccup");

    h.awaitTake(take.id());
    assertThat(failInserts).as("the first attempt failed").hasValue(0);
    assertThat(h.store.stats(p.discussion().postMessageId()).takes()).isEqualTo(1);
  }

  @Test
  @DisplayName("a take deleted before its retry is not brought back by the retry")
  void retryHonoursDelete() {
    Posted p = postArticle("Retry then delete");
    failInserts.set(1);
    SandboxMessage take = sandbox.post(sandbox.member(), p.thread(), "A take I regret");
    BotHarness.await("the failed first attempt", () -> failInserts.get() == 0);

    sandbox.delete(take);
    // The marker: a later take whose first write fails too. Retries run one at a time, in the order
    // they
    // were scheduled, so once the marker's retry has stored it, the deleted take's retry would have
    // run.
    failInserts.set(1);
    SandboxMessage marker =
        sandbox.post(sandbox.member(), p.thread(), "A take stored on its retry");
    h.awaitTake(marker.id());

    assertThat(failInserts).as("the marker's first attempt failed").hasValue(0);
    assertThat(h.store.findTake(Long.parseLong(take.id()))).isEmpty();
  }

  @Test
  @DisplayName("a take whose retry fails too is collected by backfill on the next reconnect")
  void retryFailsThenBackfill() {
    Posted p = postArticle("Retry fails");
    failInserts.set(2);
    SandboxMessage take =
        sandbox.post(sandbox.member(), p.thread(), "A good take, stored eventually");
    BotHarness.await("the first attempt and the retry to fail", () -> failInserts.get() == 0);
    assertThat(h.store.findTake(Long.parseLong(take.id()))).isEmpty();

    sandbox.invalidateSession(false);

    h.awaitTake(take.id());
  }

  @Test
  @DisplayName("/article post: a file over the parser's limit is refused, naming the real limit")
  void fileOverTheLimit() {
    String big = "# Big\n\n" + "word ".repeat(30_000);
    InteractionHandle cmd =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            Map.of("file", FileUpload.text("big.md", big)));

    String answer = cmd.awaitResponse(WAIT).content();

    assertThat(answer).contains("`big.md` is 147 KB", "at most 100 KB");
  }

  @Test
  @DisplayName(
      "/article post: a moderator who cannot post in the target channel themselves is refused")
  void moderatorMustBeAbleToPost() {
    Set<String> before = botMessageIds(sandbox.readOnly());
    InteractionHandle cmd =
        sandbox.slash(
            editor,
            sandbox.news(),
            "article post",
            Map.of("text", article("Not yours to post"), "channel", sandbox.readOnly()));

    SandboxMessage answer = cmd.awaitResponse(WAIT);

    assertThat(answer.isEphemeral()).isTrue();
    assertThat(answer.content())
        .isEqualTo("You can't post in <#" + sandbox.readOnly().id() + "> yourself.");
    assertThat(botMessageIds(sandbox.readOnly())).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "/article post: a permission the bot lacks is named up front, before anything is posted")
  void botPermissionsCheckedUpFront() {
    // Everyone holds the permission too, so it goes from both roles (moderators keep theirs).
    sandbox.setRolePermissions(
        sandbox.everyoneRole(), Permissions.EVERYONE_DEFAULT & ~Permissions.CREATE_PUBLIC_THREADS);
    sandbox.setRolePermissions(
        sandbox.botRole(), Permissions.BOT_DEFAULT & ~Permissions.CREATE_PUBLIC_THREADS);
    try {
      BotHarness.await(
          "the bot to see its role change",
          () ->
              !h.bot
                  .jda()
                  .getGuildById(sandbox.guildId())
                  .getSelfMember()
                  .hasPermission(Permission.CREATE_PUBLIC_THREADS));
      Set<String> before = botMessageIds(sandbox.news());

      InteractionHandle cmd =
          sandbox.slash(
              sandbox.moderator(),
              sandbox.news(),
              "article post",
              now(Map.of("text", article("No threads"))));

      assertThat(cmd.awaitResponse(WAIT).content())
          .isEqualTo(
              "I can't do that in <#"
                  + sandbox.news().id()
                  + ">: I need the "
                  + Permission.CREATE_PUBLIC_THREADS.getName()
                  + " permission there.");
      assertThat(botMessageIds(sandbox.news())).isEqualTo(before);
    } finally {
      sandbox.setRolePermissions(sandbox.everyoneRole(), Permissions.EVERYONE_DEFAULT);
      sandbox.setRolePermissions(sandbox.botRole(), Permissions.BOT_DEFAULT);
      BotHarness.await(
          "the bot to see its role restored",
          () ->
              h.bot
                  .jda()
                  .getGuildById(sandbox.guildId())
                  .getSelfMember()
                  .hasPermission(Permission.CREATE_PUBLIC_THREADS));
    }
  }

  @Test
  @DisplayName(
      "/article post: when recording the discussion fails, the messages already sent are deleted")
  void failedPostIsRemoved() {
    Set<String> before = botMessageIds(sandbox.news());
    int threads = sandbox.threads().size();
    int mark = sandbox.requests().size();
    failSaveDiscussion.set(true);
    SandboxMessage answer;
    try {
      answer =
          sandbox
              .slash(
                  sandbox.moderator(),
                  sandbox.news(),
                  "article post",
                  now(Map.of("text", article("Half made"))))
              .awaitResponse(WAIT);
    } finally {
      failSaveDiscussion.set(false);
    }

    assertThat(answer.content())
        .startsWith("Posting failed")
        .contains("removed", "try again")
        .doesNotContain("\n");
    String prefix = "channels/" + sandbox.news().id() + "/messages/";
    BotHarness.await(
        "every message of the failed post to be deleted",
        () ->
            botMessageIds(sandbox.news()).equals(before) && !deletedSince(mark, prefix).isEmpty());
    List<String> deleted = deletedSince(mark, prefix);
    assertThat(deleted)
        .as("messages the failed post had sent")
        .isNotEmpty()
        .allMatch(sandbox::isDeleted);
    assertThat(sandbox.threads()).hasSize(threads);
  }

  @Test
  @DisplayName(
      "an Error thrown while handling an interaction (a stack overflow) still gets the member an answer")
  void errorInHandlerIsAnswered() {
    // Regression (#11): the router caught RuntimeException only, so a StackOverflowError ended the
    // worker and
    // the moderator's reply stayed "thinking…" forever.
    overflowListDiscussions.set(true);
    InteractionHandle cmd;
    SandboxMessage answer;
    try {
      cmd = sandbox.slash(sandbox.moderator(), sandbox.news(), "article list");
      answer = cmd.awaitResponse(WAIT);
    } finally {
      overflowListDiscussions.set(false);
    }

    assertThat(answer.content())
        .isEqualTo(
            dev.takebot.i18n.Texts.english()
                .get(InteractionErrors.MESSAGE_KEY, "reference", cmd.id()));
    assertThat(answer.content()).doesNotContain("StackOverflowError", "\n\tat ");
  }

  @Test
  @DisplayName(
      "/article post: when Discord refuses to open the thread, the messages and the recorded discussion"
          + " are both removed")
  void threadRefusedLeavesNoDiscussion() {
    // given a channel where opening the next thread on a message fails as if the permission had
    // just gone
    long guild = Long.parseLong(sandbox.guildId());
    List<Discussion> discussionsBefore = h.store.listDiscussions(guild, Integer.MAX_VALUE);
    Set<String> before = botMessageIds(sandbox.news());
    int threads = sandbox.threads().size();
    int mark = sandbox.requests().size();
    String prefix = "channels/" + sandbox.news().id() + "/messages/";
    sandbox.failNext("POST", "/threads", 403, 50013, "Missing Permissions");

    // when a moderator posts an article there
    SandboxMessage answer =
        sandbox
            .slash(
                sandbox.moderator(),
                sandbox.news(),
                "article post",
                now(Map.of("text", article("Thread refused"))))
            .awaitResponse(WAIT);

    // then they are told in one line, and the thread creation was indeed the step that failed
    assertThat(answer.content())
        .startsWith("Posting failed")
        .contains("the bot lacks a permission there", "try again")
        .doesNotContain("\n");
    String refused =
        sandbox
            .awaitRequest(
                r ->
                    r.method().equals("POST")
                        && r.path().startsWith(prefix)
                        && r.path().endsWith("/threads")
                        && r.status() == 403,
                WAIT)
            .path();
    String postId = refused.substring(prefix.length(), refused.length() - "/threads".length());
    // and every message it had sent is deleted, the post among them
    BotHarness.await(
        "every message of the failed post to be deleted",
        () ->
            botMessageIds(sandbox.news()).equals(before)
                && deletedSince(mark, prefix).contains(postId));
    assertThat(deletedSince(mark, prefix))
        .as("messages the failed post had sent")
        .allMatch(sandbox::isDeleted);
    assertThat(sandbox.threads()).hasSize(threads);
    // and no discussion points at the deleted post
    assertThat(h.store.findDiscussion(Long.parseLong(postId))).isEmpty();
    assertThat(h.store.findDiscussionByThread(Long.parseLong(postId))).isEmpty();
    assertThat(h.store.listDiscussions(guild, Integer.MAX_VALUE)).isEqualTo(discussionsBefore);
  }

  @Test
  @DisplayName(
      "slow commands blocking their workers do not starve a quick one past Discord's 3 s window")
  void slowCommandsDoNotStarveOthers() {
    Posted slow = postArticle("Slow");
    SandboxMessage take = sandbox.post(sandbox.member(), slow.thread(), "A great take");
    h.awaitTake(take.id());
    slowGate = new CountDownLatch(1);
    try {
      List<InteractionHandle> summaries = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        summaries.add(sandbox.slash(sandbox.member(), slow.thread(), "takes summary"));
      }
      summaries.forEach(s -> s.awaitAck(WAIT)); // all six handlers are now blocked rendering

      SandboxMessage mine =
          sandbox
              .slash(sandbox.member(), sandbox.general(), "takes mine")
              .awaitResponse(Duration.ofSeconds(3));

      assertThat(mine.isEphemeral()).isTrue();
      assertThat(summaries)
          .allSatisfy(
              s ->
                  assertThat(s.original())
                      .hasValueSatisfying(
                          m -> assertThat(m.isLoading()).as("still rendering").isTrue()));
    } finally {
      slowGate.countDown();
    }
  }

  @Test
  @DisplayName(
      "JDA's default allowed mentions are none, so a message that forgot to set them pings nobody")
  void defaultMentionsAreNone() {
    assertThat(MessageRequest.getDefaultMentions()).isEmpty();
    assertThat(MessageRequest.isDefaultMentionRepliedUser()).isFalse();
  }
}
