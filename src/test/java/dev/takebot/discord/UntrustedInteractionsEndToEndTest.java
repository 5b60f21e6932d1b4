package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.Role;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.takes.Discussion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a member without permissions or a modified client can send the bot besides the happy path:
 * the autocomplete of a moderators' command (Discord offers it to anyone once an admin lets them
 * see the command, and a client can send it regardless) and component ids the bot never made. Each
 * gets a short private answer that gives nothing away, never "Something went wrong".
 */
@DisplayName(
    "Untrusted interactions: autocomplete and forged ids get short private answers, nothing more")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntrustedInteractionsEndToEndTest {
  private BotHarness h;
  private DiscordSandbox sandbox;
  private SandboxMessage anyMessage;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h = new BotHarness(dir, new KeywordAnalyzer(), List.of("Moderator"), UnaryOperator.identity());
    sandbox = h.sandbox;
    anyMessage = sandbox.post(sandbox.member(), sandbox.general(), "hello");
  }

  /**
   * An article posted by a moderator of the Staff role into #staff, which only that role (and the
   * bot) sees.
   */
  private Discussion staffArticle() {
    Role staffRole = sandbox.addRole("Staff", 0);
    Channel staff = sandbox.addPrivateChannel("staff", staffRole, sandbox.botRole());
    Member stella = sandbox.addMember("stella", staffRole, sandbox.moderatorRole());
    SandboxMessage answer =
        sandbox
            .slash(
                stella,
                staff,
                "article post",
                Map.of(
                    "now",
                    true,
                    "channel",
                    staff,
                    "file",
                    FileUpload.text(
                        "a.md",
                        "# Staff payroll review\n\nThe board met this week. Officials said a vote was near.\n")))
            .awaitResponse(WAIT);
    Matcher m =
        Pattern.compile("https://discord\\.com/channels/\\d+/\\d+/(\\d+)")
            .matcher(answer.content());
    assertThat(m.find()).as(answer.content()).isTrue();
    Discussion d = h.store.findDiscussion(Long.parseLong(m.group(1))).orElseThrow();
    sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    return d;
  }

  @Test
  @DisplayName(
      "a Share your take form naming a post the member cannot see reads exactly as one naming no post")
  void shareFormDoesNotRevealHiddenDiscussions() {
    Discussion hidden = staffArticle();
    Member bob = sandbox.addMember("bob");

    SandboxMessage forHidden =
        sandbox
            .submitModal(
                bob,
                sandbox.general(),
                ShareTakeFeature.PREFIX + ":" + hidden.postMessageId(),
                Map.of(ShareTakeFeature.INPUT_ID, "let me in"))
            .awaitResponse(WAIT);
    SandboxMessage forNothing =
        sandbox
            .submitModal(
                bob,
                sandbox.general(),
                ShareTakeFeature.PREFIX + ":" + (hidden.postMessageId() + 1),
                Map.of(ShareTakeFeature.INPUT_ID, "let me in"))
            .awaitResponse(WAIT);

    assertThat(forHidden.isEphemeral()).isTrue();
    assertThat(forHidden.json().toString()).doesNotContain(Long.toString(hidden.threadId()));
    assertThat(forHidden.content()).isEqualTo(forNothing.content());
    assertThat(h.store.stats(hidden.postMessageId()).takes()).isZero();
  }

  @AfterAll
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  @DisplayName("/article post name: suggests the articles folder's files to moderators only")
  void articleFolderNamesOnlyForModerators() {
    List<JsonNode> forMember =
        sandbox
            .autocomplete(sandbox.member(), sandbox.general(), "article post", "name", "")
            .awaitChoices(WAIT);
    List<JsonNode> forModerator =
        sandbox
            .autocomplete(sandbox.moderator(), sandbox.general(), "article post", "name", "")
            .awaitChoices(WAIT);

    assertThat(forMember).as("a member learns no file name (unpublished articles, say)").isEmpty();
    assertThat(forModerator)
        .extracting(c -> c.path("name").asText())
        .contains("example.md", "sahel-reset.txt");
  }

  private SandboxMessage forgedButton(Member member, String customId) {
    return sandbox.pressForgedButton(member, anyMessage, customId).awaitResponse(WAIT);
  }

  private SandboxMessage forgedModal(Member member, String customId) {
    return sandbox
        .submitModal(
            member, sandbox.general(), customId, Map.of("article", "# T\n\nA paragraph here."))
        .awaitResponse(WAIT);
  }

  private static void assertShortPrivateAnswer(SandboxMessage answer) {
    assertThat(answer.isEphemeral()).isTrue();
    assertThat(answer.content()).isEqualTo(InteractionRouter.NOT_OURS);
  }

  @Test
  @DisplayName(
      "a button or form id of no feature, or of a feature that has no such component, is answered briefly")
  void unknownComponentIds() {
    assertShortPrivateAnswer(forgedButton(sandbox.member(), "takebot-nothing:1"));
    assertShortPrivateAnswer(forgedButton(sandbox.member(), "no-colon-at-all"));
    // Moderator-only features refuse a member before anything else (the router checks access
    // first), so a
    // moderator forges the ids those features never made.
    assertShortPrivateAnswer(forgedButton(sandbox.moderator(), ArticlePasteModal.PREFIX + ":1"));
    assertShortPrivateAnswer(forgedModal(sandbox.member(), "takebot-nothing"));
    assertShortPrivateAnswer(
        forgedModal(sandbox.member(), TakesListCommand.PREFIX + ":f1:1:1:-:-:-:1"));
    assertShortPrivateAnswer(
        forgedModal(sandbox.moderator(), CorrectSentimentFeature.PREFIX + ":1:1:positive"));
  }

  @Test
  @DisplayName(
      "a paste form whose id carries no channel id is answered briefly, and nothing is posted")
  void malformedPasteFormIds() {
    long before = publicBotMessages();
    for (String id : List.of("abc", "", "-1", "99999999999999999999", "1:2")) {
      SandboxMessage answer = forgedModal(sandbox.moderator(), ArticlePasteModal.PREFIX + ":" + id);
      assertThat(answer.isEphemeral()).as(id).isTrue();
      assertThat(answer.content())
          .as(id)
          .doesNotStartWith("Something went wrong")
          .doesNotContain("snowflake")
          .contains("run `/article post` again");
    }
    assertThat(publicBotMessages()).isEqualTo(before);
  }

  private long publicBotMessages() {
    return sandbox.botMessages().stream().filter(m -> !m.isEphemeral()).count();
  }
}
