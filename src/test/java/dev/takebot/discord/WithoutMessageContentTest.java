package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static dev.takebot.discord.BotHarness.now;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.takes.Discussion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Without the Message Content intent")
class WithoutMessageContentTest {

  @Test
  @DisplayName(
      "the bot still connects, stores no empty takes, and collects takes through the modal")
  void modalStillWorks(@TempDir Path dir) throws InterruptedException {
    try (BotHarness h =
        new BotHarness(
            DiscordSandbox.builder().messageContentIntentAllowed(false),
            dir,
            new KeywordAnalyzer(),
            List.of(),
            UnaryOperator.identity())) {
      DiscordSandbox sandbox = h.sandbox;
      InteractionHandle cmd =
          sandbox.slash(
              sandbox.moderator(),
              sandbox.news(),
              "article post",
              now(
                  Map.of(
                      "file",
                      FileUpload.text(
                          "a.md", "# No intent\n\nA first paragraph. With two sentences.\n"))));
      cmd.awaitResponse(WAIT);
      Channel thread = sandbox.awaitThread(t -> true, WAIT);
      Discussion d = h.store.findDiscussionByThread(Long.parseLong(thread.id())).orElseThrow();
      SandboxMessage post = sandbox.message(Long.toString(d.postMessageId())).orElseThrow();

      SandboxMessage typed = sandbox.post(sandbox.member(), thread, "a great take nobody can read");
      InteractionHandle press =
          sandbox.pressButton(sandbox.member(), post, ShareTakeFeature.PREFIX);
      press.awaitModal(WAIT);
      sandbox
          .submitModal(sandbox.member(), press, Map.of(ShareTakeFeature.INPUT_ID, "a great take"))
          .awaitResponse(WAIT);

      assertThat(h.store.stats(d.postMessageId()).takes()).isEqualTo(1);
      assertThat(h.store.findTake(Long.parseLong(typed.id()))).isEmpty();
    }
  }
}
