package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.takes.Discussion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
    "/article post paste form end to end: a multi-line article pasted into a modal, with real JDA")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticlePasteEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");
  private static final Path SEED = Path.of("config", "articles", "sahel-reset.txt");

  private BotHarness h;
  private DiscordSandbox sandbox;
  private String seed;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException, IOException {
    seed = Files.readString(SEED, StandardCharsets.UTF_8);
    h = new BotHarness(dir, new KeywordAnalyzer(), List.of(), r -> r);
    sandbox = h.sandbox;
  }

  @AfterAll
  void stop() {
    h.close();
  }

  private record Posted(
      Discussion discussion,
      SandboxMessage post,
      SandboxMessage before,
      Channel thread,
      SandboxMessage answer) {}

  /**
   * Follows the answer's jump link to the post, the message posted just before it, and the thread.
   */
  private Posted posted(SandboxMessage answer) {
    Matcher m = POST_LINK.matcher(answer.content());
    assertThat(m.find()).as("jump link in %s", answer.content()).isTrue();
    Discussion d = h.store.findDiscussion(Long.parseLong(m.group(2))).orElseThrow();
    Channel thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    Channel channel = sandbox.channel(m.group(1)).orElseThrow();
    List<SandboxMessage> byBot =
        sandbox.messages(channel).stream()
            .filter(x -> x.authorId().equals(sandbox.bot().id()) && !x.isEphemeral())
            .toList();
    SandboxMessage post = sandbox.message(m.group(2)).orElseThrow();
    int at = byBot.indexOf(post);
    return new Posted(d, post, at > 0 ? byBot.get(at - 1) : null, thread, answer);
  }

  /** A moderator opens the form with {@code options} (no article in them) and gets the modal. */
  private InteractionHandle openForm(Map<String, ?> options) {
    InteractionHandle opener =
        sandbox.slash(sandbox.moderator(), sandbox.news(), "article post", options);
    opener.awaitModal(WAIT);
    return opener;
  }

  private int botMessages() {
    return (int)
        sandbox.messages(sandbox.news()).stream()
            .filter(x -> x.authorId().equals(sandbox.bot().id()) && !x.isEphemeral())
            .count();
  }

  @Test
  @DisplayName(
      "no options: a \"Paste the article\" modal whose pasted seed article posts exactly as the attached file")
  void pastedLikeAttached() {
    assertThat(seed)
        .as("the seed article has many lines")
        .contains("\n\n")
        .contains("Your take 👇");

    // again:true throughout: this class posts the seed article many times in one server
    InteractionHandle opener =
        sandbox.slash(sandbox.moderator(), sandbox.news(), "article post", Map.of());
    JsonNode modal = opener.awaitModal(WAIT);
    assertThat(modal.path("custom_id").asText()).isEqualTo(ArticlePasteModal.PREFIX);
    opener =
        sandbox.slash(
            sandbox.moderator(), sandbox.news(), "article post", BotHarness.again(Map.of()));
    modal = opener.awaitModal(WAIT);

    assertThat(modal.path("custom_id").asText()).isEqualTo(ArticlePasteModal.PREFIX + ":again");
    assertThat(modal.path("title").asText()).isEqualTo("Paste the article");
    JsonNode input = modal.path("components").get(0).path("component");
    assertThat(input.path("custom_id").asText()).isEqualTo(ArticlePasteModal.INPUT_ID);
    assertThat(input.path("style").asInt()).as("paragraph").isEqualTo(2);
    assertThat(input.path("min_length").asInt()).isEqualTo(1);
    assertThat(input.path("max_length").asInt()).isEqualTo(4000);
    assertThat(input.path("required").asBoolean(true)).isTrue();
    assertThat(input.path("placeholder").asText()).contains("line breaks are kept");

    InteractionHandle submit =
        sandbox.submitModal(sandbox.moderator(), opener, Map.of(ArticlePasteModal.INPUT_ID, seed));
    Posted pasted = posted(h.pressPost(sandbox.moderator(), submit));

    assertThat(submit.callbackType()).as("deferred, then edited").contains(5);
    assertThat(pasted.answer().isEphemeral()).isTrue();
    assertThat(pasted.answer().content())
        .contains(
            "Posted **United States Moves to Reset Relations",
            "in <#" + sandbox.news().id() + ">",
            "Takes are collected in <#" + pasted.thread().id() + ">");
    assertThat(pasted.thread().parentId()).isEqualTo(sandbox.news().id());
    assertThat(pasted.post().buttonIds()).contains(ShareTakeFeature.PREFIX);
    JsonNode embed = pasted.post().embeds().get(0);
    assertThat(embed.path("title").asText())
        .isEqualTo("United States Moves to Reset Relations with Burkina Faso, Mali, and Niger");
    assertThat(embed.path("description").asText()).contains("Burkina Faso", "#Russia", "#Bamako");
    assertThat(pasted.before().content()).contains("PQGu6Lzyf04").doesNotContain("si=");

    SandboxMessage fileAnswer =
        h.pressPost(
            sandbox.moderator(),
            sandbox.slash(
                sandbox.moderator(),
                sandbox.news(),
                "article post",
                BotHarness.again(Map.of("file", FileUpload.text("sahel-reset.txt", seed)))));
    Posted attached = posted(fileAnswer);

    assertThat(pasted.post().embeds()).isEqualTo(attached.post().embeds());
    assertThat(pasted.post().content()).isEqualTo(attached.post().content());
    assertThat(pasted.before().content()).isEqualTo(attached.before().content());
    assertThat(pasted.thread().name()).isEqualTo(attached.thread().name());
    assertThat(pasted.discussion().title()).isEqualTo(attached.discussion().title());
    assertThat(pasted.discussion().articleKey()).isEqualTo(attached.discussion().articleKey());
  }

  @Test
  @DisplayName(
      "the channel option rides in the modal's custom id and the pasted article is posted there")
  void channelIsHonoured() {
    InteractionHandle opener =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            BotHarness.again(Map.of("channel", sandbox.general())));
    JsonNode modal = opener.awaitModal(WAIT);
    assertThat(modal.path("custom_id").asText())
        .isEqualTo(ArticlePasteModal.PREFIX + ":" + sandbox.general().id() + ":again")
        .hasSizeLessThanOrEqualTo(100);

    Posted p =
        posted(
            h.pressPost(
                sandbox.moderator(),
                sandbox.submitModal(
                    sandbox.moderator(), opener, Map.of(ArticlePasteModal.INPUT_ID, seed))));

    assertThat(p.answer().content()).contains("in <#" + sandbox.general().id() + ">");
    assertThat(p.post().channelId()).isEqualTo(sandbox.general().id());
    assertThat(p.thread().parentId()).isEqualTo(sandbox.general().id());
    assertThat(p.discussion().channelId()).isEqualTo(Long.parseLong(sandbox.general().id()));
  }

  @Test
  @DisplayName(
      "now:true rides in the modal's custom id too, and the pasted article is posted at once")
  void nowIsHonoured() {
    InteractionHandle opener =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            BotHarness.now(Map.of("channel", sandbox.general())));
    JsonNode modal = opener.awaitModal(WAIT);
    assertThat(modal.path("custom_id").asText())
        .isEqualTo(ArticlePasteModal.PREFIX + ":" + sandbox.general().id() + ":now:again");

    SandboxMessage answer =
        sandbox
            .submitModal(sandbox.moderator(), opener, Map.of(ArticlePasteModal.INPUT_ID, seed))
            .awaitResponse(WAIT);

    assertThat(answer.buttonIds()).as("no preview").isEmpty();
    Posted p = posted(answer);
    assertThat(p.post().channelId()).isEqualTo(sandbox.general().id());
  }

  @Test
  @DisplayName(
      "a channel the bot cannot post in is refused before the form opens, so nothing is pasted in vain")
  void unusableChannelRefusedUpFront() {
    InteractionHandle cmd =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            Map.of("channel", sandbox.readOnly()));

    SandboxMessage answer = cmd.awaitResponse(WAIT);

    assertThat(cmd.callbackType()).as("a reply, not a modal").contains(4);
    assertThat(answer.isEphemeral()).isTrue();
    assertThat(answer.content())
        .contains("I can't do that in <#" + sandbox.readOnly().id() + ">", "Send Messages");
  }

  @Test
  @DisplayName("a plain member who submits the form is refused privately and nothing is posted")
  void memberSubmitRefused() {
    InteractionHandle opener = openForm(Map.of());
    int threads = sandbox.threads().size();
    int messages = botMessages();
    int discussions = h.store.listDiscussions(Long.parseLong(sandbox.guildId()), 1000).size();

    InteractionHandle submit =
        sandbox.submitModal(sandbox.member(), opener, Map.of(ArticlePasteModal.INPUT_ID, seed));
    SandboxMessage answer = submit.awaitResponse(WAIT);

    assertThat(answer.isEphemeral()).isTrue();
    assertThat(answer.content()).contains("Only moderators can post articles", "Manage Messages");
    assertThat(sandbox.threads()).hasSize(threads);
    assertThat(botMessages()).isEqualTo(messages);
    assertThat(h.store.listDiscussions(Long.parseLong(sandbox.guildId()), 1000))
        .hasSize(discussions);
  }

  @Test
  @DisplayName(
      "a malformed pasted article gets the same one-line error as the text option, and nothing is posted")
  void malformedLikeTextOption() {
    String malformed =
        "https://youtu.be/PQGu6Lzyf04\nUnited States moves to reset relations\n\nA paragraph.";
    int threads = sandbox.threads().size();
    int messages = botMessages();

    SandboxMessage viaForm =
        sandbox
            .submitModal(
                sandbox.moderator(),
                openForm(Map.of()),
                Map.of(ArticlePasteModal.INPUT_ID, malformed))
            .awaitResponse(WAIT);
    SandboxMessage viaOption =
        sandbox
            .slash(sandbox.moderator(), sandbox.news(), "article post", Map.of("text", malformed))
            .awaitResponse(WAIT);

    assertThat(viaForm.isEphemeral()).isTrue();
    assertThat(viaForm.content())
        .isEqualTo(viaOption.content())
        .startsWith("Could not use that article: pasted text")
        .contains("the first line is a link")
        .doesNotContain("\n");
    assertThat(sandbox.threads()).hasSize(threads);
    assertThat(botMessages()).isEqualTo(messages);
  }
}
