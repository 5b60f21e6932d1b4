package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.HeldResponse;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.Permissions;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.takes.Discussion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.channel.attribute.IPermissionContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Share your take" posts on a member's behalf, so it must refuse whatever Discord would refuse the
 * member themselves, never post anywhere but the discussion's own thread, treat its modal id as
 * untrusted input and keep members from flooding a thread (issue #11: 30 shares in 1.6 s were
 * accepted).
 */
@DisplayName(
    "Share your take: the bot posts for a member only where and when the member could post")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareTakeHardeningTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");
  private static final int MESSAGE = 4;
  private static final int MODAL = 9;

  private BotHarness h;
  private DiscordSandbox sandbox;
  private final AtomicInteger counter = new AtomicInteger();

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h =
        new BotHarness(
            DiscordSandbox.builder(),
            dir,
            new KeywordAnalyzer(),
            List.of(),
            UnaryOperator.identity(),
            new TakesSettings(0, 0),
            Clock.systemUTC());
    sandbox = h.sandbox;
  }

  @AfterAll
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private record Posted(Discussion discussion, SandboxMessage post, Channel thread) {}

  private Posted postArticle(String title) {
    String unique = title + " " + counter.incrementAndGet();
    InteractionHandle cmd =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            Map.of(
                "now",
                true,
                "file",
                FileUpload.text(
                    "article.md",
                    "# "
                        + unique
                        + "\n\n"
                        + "Officials said talks would focus on security and trade. A second sentence follows here.\n")));
    Matcher m = POST_LINK.matcher(cmd.awaitResponse(WAIT).content());
    assertThat(m.find()).isTrue();
    Discussion d = h.store.findDiscussion(Long.parseLong(m.group(2))).orElseThrow();
    Channel thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    return new Posted(d, sandbox.message(m.group(2)).orElseThrow(), thread);
  }

  private Member newMember() {
    return sandbox.addMember("member" + counter.incrementAndGet());
  }

  /** Presses the button, fills in the modal and returns the bot's private answer. */
  private SandboxMessage share(Member member, Posted p, String text) {
    InteractionHandle press = sandbox.pressButton(member, p.post(), ShareTakeFeature.PREFIX);
    press.awaitModal(WAIT);
    return sandbox
        .submitModal(member, press, Map.of(ShareTakeFeature.INPUT_ID, text))
        .awaitResponse(WAIT);
  }

  /**
   * A modal submit as a modified client sends it: any id, from any channel, no button pressed
   * first.
   */
  private SandboxMessage forgedShare(Member member, String modalId, String text) {
    return sandbox
        .submitModal(member, sandbox.news(), modalId, Map.of(ShareTakeFeature.INPUT_ID, text))
        .awaitResponse(WAIT);
  }

  /**
   * The bot's posts anywhere in the guild quoting {@code text} (a shared take quotes it in its
   * embed).
   */
  private List<SandboxMessage> postsQuoting(String text) {
    List<SandboxMessage> found = new ArrayList<>();
    for (SandboxMessage m : sandbox.allMessages()) {
      if (m.authorId().equals(sandbox.bot().id())
          && !m.isEphemeral()
          && m.embeds().stream().anyMatch(e -> e.path("description").asText().contains(text))) {
        found.add(m);
      }
    }
    return found;
  }

  /**
   * Waits until the bot's JDA cache no longer holds the thread (what an archive or delete does to
   * it).
   */
  private void awaitBotDropped(Channel thread) {
    BotHarness.await(
        "bot to drop thread " + thread.id(),
        () -> h.bot.jda().getThreadChannelById(thread.id()) == null);
  }

  @Test
  @DisplayName(
      "a member denied Send Messages in Threads is refused at the button and at the modal; nothing is posted")
  void deniedSendInThreads() {
    Posted p = postArticle("Denied");
    Member member = newMember();
    sandbox.setMemberOverwrite(sandbox.news(), member, 0, Permissions.SEND_MESSAGES_IN_THREADS);
    BotHarness.await(
        "bot to see the overwrite",
        () -> {
          GuildChannel news = h.bot.jda().getGuildChannelById(sandbox.news().id());
          return news instanceof IPermissionContainer c
              && c.getPermissionOverrides().stream().anyMatch(o -> o.getId().equals(member.id()));
        });

    InteractionHandle press = sandbox.pressButton(member, p.post(), ShareTakeFeature.PREFIX);
    assertThat(press.awaitAck(WAIT)).as("a message, not the modal").isEqualTo(MESSAGE);
    SandboxMessage refusal = press.awaitResponse(WAIT);
    SandboxMessage forged =
        forgedShare(member, ShareTakeFeature.PREFIX + ":" + p.post().id(), "denied but sharing");

    assertThat(refusal.isEphemeral()).isTrue();
    assertThat(refusal.content()).contains("Send Messages in Threads");
    assertThat(forged.isEphemeral()).isTrue();
    assertThat(forged.content()).contains("Send Messages in Threads");
    assertThat(postsQuoting("denied but sharing")).isEmpty();
    assertThat(h.store.stats(p.discussion().postMessageId()).takes()).isZero();
  }

  @Test
  @DisplayName("a timed-out member is refused at the button and at the modal; nothing is posted")
  void timedOut() {
    Posted p = postArticle("Timeout");
    Member member = newMember();
    sandbox.timeOut(member, Duration.ofMinutes(10));

    InteractionHandle press = sandbox.pressButton(member, p.post(), ShareTakeFeature.PREFIX);
    assertThat(press.awaitAck(WAIT)).as("a message, not the modal").isEqualTo(MESSAGE);
    SandboxMessage refusal = press.awaitResponse(WAIT);
    SandboxMessage forged =
        forgedShare(member, ShareTakeFeature.PREFIX + ":" + p.post().id(), "timed out but sharing");

    assertThat(refusal.content()).contains("timed out");
    assertThat(forged.isEphemeral()).isTrue();
    assertThat(forged.content()).contains("timed out");
    assertThat(postsQuoting("timed out but sharing")).isEmpty();
  }

  @Test
  @DisplayName("a locked thread is refused; nothing goes to the thread or, instead, to the channel")
  void lockedThread() {
    Posted p = postArticle("Locked");
    sandbox.archiveThread(p.thread(), true);
    awaitBotDropped(p.thread());
    Member member = newMember();

    // first a submit that carries no copy of the post (the bot has not seen the thread since it was
    // locked)
    SandboxMessage forged =
        forgedShare(
            member, ShareTakeFeature.PREFIX + ":" + p.post().id(), "sharing into a locked thread");
    // then the button, whose interaction carries the post and its thread as they are now
    InteractionHandle press = sandbox.pressButton(member, p.post(), ShareTakeFeature.PREFIX);
    assertThat(press.awaitAck(WAIT)).as("a message, not the modal").isEqualTo(MESSAGE);

    assertThat(forged.isEphemeral()).isTrue();
    assertThat(forged.content()).contains("locked");
    assertThat(press.awaitResponse(WAIT).content()).contains("locked");
    assertThat(postsQuoting("sharing into a locked thread")).isEmpty();
    assertThat(h.store.stats(p.discussion().postMessageId()).takes()).isZero();
  }

  @Test
  @DisplayName(
      "an archived (unlocked) thread is reopened by posting the take into it, not next to the post")
  void archivedThread() {
    Posted p = postArticle("Archived");
    sandbox.archiveThread(p.thread(), false);
    awaitBotDropped(p.thread());

    // a submit that carries no copy of the post, so the bot's cache has not seen the thread since
    // it closed
    SandboxMessage answer =
        forgedShare(
            newMember(),
            ShareTakeFeature.PREFIX + ":" + p.post().id(),
            "sharing into an archived thread");

    assertThat(answer.content()).contains("your take is posted");
    List<SandboxMessage> posted = postsQuoting("sharing into an archived thread");
    assertThat(posted).hasSize(1);
    assertThat(posted.get(0).channelId()).isEqualTo(p.thread().id());
    assertThat(h.store.findTake(Long.parseLong(posted.get(0).id()))).isPresent();
    BotHarness.await(
        "thread open again",
        () -> {
          ThreadChannel t = h.bot.jda().getThreadChannelById(p.thread().id());
          return t != null && !t.isArchived();
        });
  }

  @Test
  @DisplayName(
      "an archived thread Discord fails to look up: the member is asked to try again, not told it is gone")
  void archivedThreadLookupFails() {
    Posted p = postArticle("Archived flaky");
    sandbox.archiveThread(p.thread(), false);
    awaitBotDropped(p.thread());
    // Discord answers the lookup of the post with a server error (JDA retries 5xx a few times: fail
    // them all)
    for (int i = 0; i < 5; i++) {
      sandbox.failNext("GET", "/messages/" + p.post().id(), 500, 0, "Internal Server Error");
    }

    SandboxMessage answer =
        forgedShare(
            newMember(),
            ShareTakeFeature.PREFIX + ":" + p.post().id(),
            "sharing while Discord is flaky");

    assertThat(answer.content())
        .startsWith("Discord did not let me reach this article's thread just now")
        .contains("try again");
    assertThat(postsQuoting("sharing while Discord is flaky")).isEmpty();
  }

  @Test
  @DisplayName(
      "an archived thread, through the button: the take goes into the thread and reopens it")
  void archivedThreadThroughTheButton() {
    Posted p = postArticle("Archived button");
    sandbox.archiveThread(p.thread(), false);
    awaitBotDropped(p.thread());

    SandboxMessage answer = share(newMember(), p, "button into an archived thread");

    assertThat(answer.content()).contains("your take is posted");
    assertThat(postsQuoting("button into an archived thread"))
        .singleElement()
        .extracting(SandboxMessage::channelId)
        .isEqualTo(p.thread().id());
  }

  @Test
  @DisplayName(
      "an archived thread the bot may not post in stays closed: the member is told, nothing is posted")
  void archivedThreadBotCannotReopen() {
    Posted p = postArticle("Archived, bot muted");
    sandbox.archiveThread(p.thread(), false);
    awaitBotDropped(p.thread());
    sandbox.setMemberOverwrite(
        sandbox.news(), sandbox.bot(), 0, Permissions.SEND_MESSAGES_IN_THREADS);
    try {
      BotHarness.await(
          "bot to see its overwrite",
          () -> {
            var news = h.bot.jda().getTextChannelById(sandbox.news().id());
            return news != null
                && !news.getGuild()
                    .getSelfMember()
                    .hasPermission(news, net.dv8tion.jda.api.Permission.MESSAGE_SEND_IN_THREADS);
          });

      SandboxMessage answer =
          forgedShare(
              newMember(), ShareTakeFeature.PREFIX + ":" + p.post().id(), "bot may not reopen");

      assertThat(answer.isEphemeral()).isTrue();
      assertThat(answer.content()).contains("I can't post", "Send Messages in Threads");
      assertThat(postsQuoting("bot may not reopen")).isEmpty();
      assertThat(sandbox.channel(p.thread().id())).isPresent();
    } finally {
      sandbox.setMemberOverwrite(sandbox.news(), sandbox.bot(), 0, 0);
    }
  }

  @Test
  @DisplayName(
      "a deleted thread: the member is told, and the take is not posted in the parent channel instead")
  void deletedThread() {
    Posted p = postArticle("Deleted");
    sandbox.deleteThread(p.thread());
    awaitBotDropped(p.thread());

    SandboxMessage answer = share(newMember(), p, "sharing into a deleted thread");

    assertThat(answer.isEphemeral()).isTrue();
    assertThat(answer.content()).contains("thread is gone");
    assertThat(postsQuoting("sharing into a deleted thread")).isEmpty();
    assertThat(sandbox.messages(sandbox.news()))
        .noneMatch(m -> p.post().id().equals(m.referencedMessageId()));
  }

  @Test
  @DisplayName("a modal id naming another server's post is refused: nothing posted, nothing stored")
  void otherGuildsPost() {
    // given a discussion of another server (whose thread this bot can also reach)
    Posted p = postArticle("Elsewhere");
    long otherPost = p.discussion().postMessageId() + 1;
    h.store.saveDiscussion(
        new Discussion(
            otherPost,
            4242L,
            p.discussion().channelId(),
            p.discussion().threadId(),
            "other-key",
            "Another server's article",
            Instant.now()));

    // when a member of this server submits a modal naming it
    SandboxMessage answer =
        forgedShare(
            newMember(), ShareTakeFeature.PREFIX + ":" + otherPost, "planted in another server");

    // then they are refused and that server's thread and store are untouched
    assertThat(answer.isEphemeral()).isTrue();
    assertThat(answer.content()).contains("not collecting takes");
    assertThat(postsQuoting("planted in another server")).isEmpty();
    assertThat(h.store.stats(otherPost).takes()).isZero();
  }

  @Test
  @DisplayName(
      "garbage modal ids get a short private refusal, never an error report, and nothing is posted")
  void garbageModalIds() {
    Member member = newMember();
    for (String id : List.of("abc", "", "-5", "0", "1:2", "99999999999999999999999", " 12")) {
      SandboxMessage answer =
          forgedShare(member, ShareTakeFeature.PREFIX + ":" + id, "garbage id " + id);

      assertThat(answer.isEphemeral()).as(id).isTrue();
      assertThat(answer.content())
          .as(id)
          .contains("not collecting takes")
          .doesNotContain("Something went wrong");
      assertThat(postsQuoting("garbage id " + id)).as(id).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "5 shares in a row: the first is posted, the others are refused with the time left to wait")
  void cooldown() {
    Posted p = postArticle("Flood");
    Member member = newMember();
    List<InteractionHandle> modals = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      InteractionHandle press = sandbox.pressButton(member, p.post(), ShareTakeFeature.PREFIX);
      assertThat(press.awaitAck(WAIT)).isEqualTo(MODAL);
      modals.add(press);
    }

    List<SandboxMessage> answers = new ArrayList<>();
    for (int i = 0; i < modals.size(); i++) {
      answers.add(
          sandbox
              .submitModal(
                  member, modals.get(i), Map.of(ShareTakeFeature.INPUT_ID, "flood take " + i))
              .awaitResponse(WAIT));
    }
    InteractionHandle again = sandbox.pressButton(member, p.post(), ShareTakeFeature.PREFIX);

    assertThat(answers.get(0).content()).contains("your take is posted");
    for (SandboxMessage refused : answers.subList(1, answers.size())) {
      assertThat(refused.isEphemeral()).isTrue();
      assertThat(refused.content()).containsPattern("try again in \\d+ seconds?");
    }
    assertThat(again.awaitAck(WAIT)).as("a message, not the modal").isEqualTo(MESSAGE);
    assertThat(again.awaitResponse(WAIT).content()).containsPattern("try again in \\d+ seconds?");
    assertThat(h.store.stats(p.discussion().postMessageId()).takes()).isEqualTo(1);
    for (int i = 1; i < 5; i++) {
      assertThat(postsQuoting("flood take " + i)).isEmpty();
    }
    // another member is not held up by this one's cooldown
    assertThat(share(newMember(), p, "someone else's take").content())
        .contains("your take is posted");
  }

  /**
   * Regression (#11): a take submitted just before its author ran /takes forget, whose post reached
   * Discord meanwhile, stayed on Discord (refused by the store, or stored when its id was newer)
   * and out of reach of any later forget.
   */
  @Test
  @DisplayName("a take on its way while its author runs /takes forget is removed too, post and all")
  void forgetWhileSharing() {
    Posted p = postArticle("Forget race");
    Member author = newMember();
    String text = "shared a moment before forgetting";
    // Discord has created the bot's post, but its answer is still on the way to the bot
    HeldResponse held = sandbox.holdNext("POST", "channels/" + p.thread().id() + "/messages");
    InteractionHandle press = sandbox.pressButton(author, p.post(), ShareTakeFeature.PREFIX);
    press.awaitModal(WAIT);
    InteractionHandle submit =
        sandbox.submitModal(author, press, Map.of(ShareTakeFeature.INPUT_ID, text));
    held.awaitHeld(WAIT);

    // when the author asks to be forgotten meanwhile
    sandbox.slash(author, sandbox.general(), "takes forget").awaitResponse(WAIT);
    held.release();

    // then the take is neither kept nor left posted, and the author is told why
    assertThat(submit.awaitResponse(WAIT).content())
        .isEqualTo(
            "You asked TakeBot to forget your takes while this one was being posted, so it was"
                + " removed.");
    BotHarness.await("the repost deleted", () -> postsQuoting(text).isEmpty());
    List<Long> authors = new ArrayList<>();
    h.store.forEachTake(p.discussion().postMessageId(), t -> authors.add(t.authorId()));
    assertThat(authors).doesNotContain(Long.parseLong(author.id()));
  }

  @Test
  @DisplayName(
      "a take of only invisible characters is empty: nothing posted or counted; format characters are not"
          + " stored either")
  void invisibleTakes() {
    Posted p = postArticle("Invisible");

    SandboxMessage blank = share(newMember(), p, "\u200b\u200e \u202e\u2066\u200b");
    SandboxMessage filler = share(newMember(), p, "\u3164 \u2800\u3164\u115f");
    SandboxMessage marked = share(newMember(), p, "\u202egood\u202c plan\u200b");

    assertThat(blank.content()).isEqualTo("Your take was empty, so nothing was posted.");
    assertThat(filler.content())
        .as("blank Hangul and braille 'letters'")
        .isEqualTo("Your take was empty, so nothing was posted.");
    assertThat(marked.content()).contains("your take is posted");
    assertThat(h.store.stats(p.discussion().postMessageId()).takes()).isEqualTo(1);
    List<String> stored = new ArrayList<>();
    h.store.forEachTake(p.discussion().postMessageId(), t -> stored.add(t.text()));
    assertThat(stored).containsExactly("good plan");
  }
}
