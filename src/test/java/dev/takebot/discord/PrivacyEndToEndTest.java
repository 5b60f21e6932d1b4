package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.takes.Discussion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Privacy that holds (#11), through the sandbox and the real JDA client. */
@DisplayName("Privacy end to end")
class PrivacyEndToEndTest {
  @TempDir Path dir;
  private BotHarness h;
  private DiscordSandbox sandbox;

  @BeforeEach
  void start() throws InterruptedException {
    // No share cooldown: a member shares two takes in a row here, which the cooldown would refuse.
    h =
        new BotHarness(
            DiscordSandbox.builder(),
            dir,
            new KeywordAnalyzer(),
            List.of(),
            UnaryOperator.identity(),
            new TakesSettings(0, 0, 0, 0, null));
    sandbox = h.sandbox;
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private record Posted(Discussion discussion, SandboxMessage post, Channel thread) {}

  private Posted postArticle(String title) {
    sandbox
        .slash(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            Map.of(
                "now",
                true,
                "file",
                FileUpload.text(
                    "a.md", "# " + title + "\n\nA first paragraph. With two sentences.\n")))
        .awaitResponse(WAIT);
    Channel thread = sandbox.awaitThread(t -> t.name().contains(title), WAIT);
    Discussion d = h.store.findDiscussionByThread(Long.parseLong(thread.id())).orElseThrow();
    return new Posted(d, sandbox.message(Long.toString(d.postMessageId())).orElseThrow(), thread);
  }

  /** The member shares a take with the button and modal; returns the bot's post of it. */
  private SandboxMessage share(Member member, Posted p, String text) {
    InteractionHandle press = sandbox.pressButton(member, p.post(), ShareTakeFeature.PREFIX);
    press.awaitModal(WAIT);
    SandboxMessage answer =
        sandbox
            .submitModal(member, press, Map.of(ShareTakeFeature.INPUT_ID, text))
            .awaitResponse(WAIT);
    assertThat(answer.content()).contains("your take is posted");
    SandboxMessage repost =
        sandbox.messages(p.thread()).stream()
            .filter(
                m -> m.authorId().equals(sandbox.bot().id()) && m.json().toString().contains(text))
            .findFirst()
            .orElseThrow();
    h.awaitTake(repost.id());
    return repost;
  }

  @Test
  @DisplayName(
      "/takes forget also deletes the posts the bot made for the member with \"Share your take\","
          + " which the member cannot delete, and says so; their own messages and others' posts stay")
  void forgetDeletesSharedReposts() {
    // given a member who shared two takes through the modal and wrote one reply, and another
    // member's share
    Member carol = sandbox.addMember("carol");
    Member dave = sandbox.addMember("dave");
    Posted a = postArticle("Tram line");
    SandboxMessage shared1 = share(carol, a, "carol shares a great take");
    SandboxMessage shared2 = share(carol, a, "carol shares another good take");
    SandboxMessage davesShare = share(dave, a, "dave shares a good take");
    SandboxMessage typed = sandbox.post(carol, a.thread(), "carol writes a good take herself");
    h.awaitTake(typed.id());

    // when carol asks to be forgotten
    InteractionHandle cmd = sandbox.slash(carol, sandbox.general(), "takes forget", Map.of());
    cmd.awaitResponse(WAIT);

    // then the bot deletes both of its posts of her takes, and tells her once they are gone
    sandbox.awaitDeleted(shared1.id(), WAIT);
    sandbox.awaitDeleted(shared2.id(), WAIT);
    BotHarness.await(
        "the answer to report the deleted posts",
        () ->
            cmd.original()
                .map(m -> m.content().contains("All 2 posts TakeBot made for you"))
                .orElse(false));
    assertThat(cmd.isEphemeral()).isTrue();
    assertThat(cmd.original().orElseThrow().content())
        .contains("forgot your 3 takes")
        .contains("Messages you wrote yourself are still on Discord");
    // and her own message (hers to delete) and dave's shared take stay, as does dave's stored take
    assertThat(sandbox.isDeleted(typed.id())).isFalse();
    assertThat(sandbox.isDeleted(davesShare.id())).isFalse();
    assertThat(h.store.findTake(Long.parseLong(davesShare.id()))).isPresent();
    assertThat(h.store.stats(a.discussion().postMessageId()).takes()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "when the bot is removed from a server the departure is recorded (purged after the grace"
          + " period), and adding the bot back cancels it")
  void removalIsRecordedAndReAddingCancelsIt() {
    long guild = Long.parseLong(sandbox.guildId());
    Posted a = postArticle("Bike lanes");
    SandboxMessage take = sandbox.post(sandbox.member(), a.thread(), "a good take");
    h.awaitTake(take.id());

    sandbox.removeBotFromGuild();

    BotHarness.await(
        "the departure to be recorded", () -> h.store.departedGuilds().containsKey(guild));
    assertThat(h.store.findTake(Long.parseLong(take.id())))
        .as("kept during the grace period")
        .isPresent();

    sandbox.addBotBackToGuild();

    BotHarness.await("the departure to be cancelled", () -> h.store.departedGuilds().isEmpty());
    assertThat(h.store.findTake(Long.parseLong(take.id()))).isPresent();
  }
}
