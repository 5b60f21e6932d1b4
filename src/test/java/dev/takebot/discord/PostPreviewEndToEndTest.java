package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static dev.takebot.discord.BotHarness.await;
import static dev.takebot.discord.BotHarness.awaitPreview;
import static dev.takebot.discord.BotHarness.previewButton;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.HeldResponse;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.takes.Discussion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
    "/article post previews privately: Post, Edit and Cancel, and reviews in a moderators' channel (real JDA, sandbox)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostPreviewEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");
  private static final String TITLE =
      "United States Moves to Reset Relations with Burkina Faso, Mali, and Niger";

  /** How far the bot's clock is ahead of the real one; the expiry test moves it. */
  private final AtomicLong skewMillis = new AtomicLong();

  /** How far Discord's (the sandbox's) clock is ahead, e.g. to lapse an interaction's token. */
  private final AtomicLong discordSkewMillis = new AtomicLong();

  private final Clock botClock = skewed(skewMillis);

  private static Clock skewed(AtomicLong skew) {
    return new Clock() {
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
        return Instant.now().plusMillis(skew.get());
      }
    };
  }

  private BotHarness h;
  private DiscordSandbox sandbox;
  private String seed;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException, IOException {
    seed =
        Files.readString(Path.of("config", "articles", "sahel-reset.txt"), StandardCharsets.UTF_8);
    h =
        new BotHarness(
            DiscordSandbox.builder().clock(skewed(discordSkewMillis)),
            dir,
            new KeywordAnalyzer(),
            List.of(),
            r -> r,
            new TakesSettings(0, 0),
            botClock);
    sandbox = h.sandbox;
  }

  @AfterAll
  void stop() {
    h.close();
  }

  /**
   * A moderator asks for a post of the seed article (a video link, then the summary embed), again
   * and again in this server ({@code again:true}).
   */
  private InteractionHandle ask(Member moderator) {
    return sandbox.slash(
        moderator, sandbox.news(), "article post", BotHarness.again(Map.of("name", "sahel-reset")));
  }

  private static SandboxMessage control(List<SandboxMessage> preview) {
    return preview.get(preview.size() - 1);
  }

  private int discussions() {
    return h.store.listDiscussions(Long.parseLong(sandbox.guildId()), 1000).size();
  }

  private List<SandboxMessage> publicBotMessages(Channel channel) {
    return sandbox.messages(channel).stream()
        .filter(m -> m.authorId().equals(sandbox.bot().id()) && !m.isEphemeral())
        .toList();
  }

  /** The discussion the answer links to. */
  private Discussion linked(SandboxMessage answer) {
    Matcher m = POST_LINK.matcher(answer.content());
    assertThat(m.find()).as("jump link in %s", answer.content()).isTrue();
    return h.store.findDiscussion(Long.parseLong(m.group(2))).orElseThrow();
  }

  /** The messages of the post that starts (or ends with) {@code d}'s post, oldest first. */
  private List<SandboxMessage> postOf(Discussion d, int count) {
    List<SandboxMessage> all =
        publicBotMessages(sandbox.channel(Long.toString(d.channelId())).get());
    int at = all.indexOf(sandbox.message(Long.toString(d.postMessageId())).orElseThrow());
    return all.subList(at - count + 1, at + 1);
  }

  private static void assertSameMessages(List<SandboxMessage> a, List<SandboxMessage> b) {
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).content()).as("content of message %d", i).isEqualTo(b.get(i).content());
      assertThat(a.get(i).embeds()).as("embeds of message %d", i).isEqualTo(b.get(i).embeds());
      assertThat(a.get(i).components())
          .as("buttons of message %d", i)
          .isEqualTo(b.get(i).components());
    }
  }

  @Test
  @DisplayName(
      "the preview is private, shows exactly the messages Post then sends, and Post posts them once with the thread")
  void previewThenPost() {
    int before = discussions();
    int inNews = publicBotMessages(sandbox.news()).size();

    InteractionHandle cmd = ask(sandbox.moderator());
    List<SandboxMessage> preview = awaitPreview(cmd);

    // the moderator alone sees it: the post's two messages, then Post, Edit and Cancel
    assertThat(preview).hasSize(3).allMatch(SandboxMessage::isEphemeral);
    SandboxMessage control = control(preview);
    assertThat(control.content())
        .contains("**Preview**", "<#" + sandbox.news().id() + ">", "only you can see it", "<t:");
    assertThat(control.buttonIds())
        .hasSize(3)
        .allMatch(id -> id.startsWith(PreviewId.PREFIX + ":"));
    assertThat(preview.get(0).content()).contains("PQGu6Lzyf04");
    assertThat(preview.get(1).embeds().get(0).path("title").asText()).isEqualTo(TITLE);
    // and nothing is posted yet (the preview was complete after the point a post would be made)
    assertThat(discussions()).isEqualTo(before);
    assertThat(publicBotMessages(sandbox.news())).hasSize(inNews);

    SandboxMessage answer = h.pressPost(sandbox.moderator(), cmd);

    assertThat(answer.content())
        .startsWith("Posted **" + TITLE + "** in <#" + sandbox.news().id() + ">")
        .contains("Takes are collected in <#");
    assertThat(answer.buttonIds()).isEmpty();
    Discussion d = linked(answer);
    Channel thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    assertThat(thread.parentId()).isEqualTo(sandbox.news().id());
    assertThat(discussions()).isEqualTo(before + 1);
    // the post is exactly what the preview showed
    assertSameMessages(postOf(d, 2), preview.subList(0, 2));

    // a second press (a forged one: the button is gone) posts nothing and says why
    SandboxMessage again =
        sandbox
            .pressForgedButton(sandbox.moderator(), control, previewButton(control, PreviewId.POST))
            .awaitResponse(WAIT);
    assertThat(again.isEphemeral()).isTrue();
    assertThat(again.content()).startsWith("This preview was already posted.");
    assertThat(discussions()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName(
      "a Post that Discord refuses says why privately, leaves no half post, and the preview can be posted again")
  void failedPostCanBeRetried() {
    int before = discussions();
    InteractionHandle cmd = ask(sandbox.moderator());
    SandboxMessage control = control(awaitPreview(cmd));
    String post = previewButton(control, PreviewId.POST);
    sandbox.failNext(
        "POST",
        "channels/" + sandbox.news().id() + "/messages/",
        403,
        50013,
        "Missing Permissions");

    InteractionHandle press = sandbox.pressButton(sandbox.moderator(), control, post);
    SandboxMessage failure = press.awaitFollowUp(0, WAIT);

    assertThat(failure.isEphemeral()).isTrue();
    assertThat(failure.content())
        .startsWith(
            "Posting failed (Discord said: the bot lacks a permission there), so I removed what I"
                + " had sent");
    assertThat(discussions()).isEqualTo(before);
    assertThat(sandbox.message(control.id()).orElseThrow().buttonIds()).contains(post);

    assertThat(h.pressPost(sandbox.moderator(), cmd).content()).startsWith("Posted **");
    assertThat(discussions()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("a double click on Post posts once: the second press finds the post going out")
  void doubleClickPostsOnce() {
    int before = discussions();
    InteractionHandle cmd = ask(sandbox.moderator());
    SandboxMessage control = control(awaitPreview(cmd));
    String post = previewButton(control, PreviewId.POST);
    // the first press is held while its first message goes out
    HeldResponse held = sandbox.holdNext("POST", "channels/" + sandbox.news().id() + "/messages");
    sandbox.pressButton(sandbox.moderator(), control, post);
    held.awaitHeld(WAIT);

    SandboxMessage second =
        sandbox.pressButton(sandbox.moderator(), control, post).awaitResponse(WAIT);
    held.release();

    assertThat(second.isEphemeral()).isTrue();
    assertThat(second.content()).isEqualTo("This post is going out right now.");
    SandboxMessage answer = h.awaitConcluded(control);
    assertThat(answer.content()).startsWith("Posted **");
    assertThat(discussions()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName(
      "Edit opens a form filled in with the post; the changed title, summary and hashtags show in the preview and in the post")
  void editThenPost() {
    InteractionHandle cmd = ask(sandbox.moderator());
    List<SandboxMessage> preview = awaitPreview(cmd);
    SandboxMessage control = control(preview);

    InteractionHandle edit =
        sandbox.pressButton(sandbox.moderator(), control, previewButton(control, PreviewId.EDIT));
    JsonNode form = edit.awaitModal(WAIT);

    assertThat(form.path("title").asText()).isEqualTo("Edit the post");
    Map<String, String> filled = inputs(form);
    assertThat(filled.get(PostPreviewFeature.TITLE)).isEqualTo(TITLE);
    assertThat(filled.get(PostPreviewFeature.SUMMARY))
        .startsWith("The United States is taking steps to normalize relations");
    assertThat(filled.get(PostPreviewFeature.HASHTAGS)).contains("#Russia", "#BurkinaFaso");

    sandbox
        .submitModal(
            sandbox.moderator(),
            edit,
            Map.of(
                PostPreviewFeature.TITLE, "Washington resets ties with the Sahel juntas",
                PostPreviewFeature.SUMMARY, "A shorter summary.\nWritten by a moderator.",
                PostPreviewFeature.HASHTAGS, "#Sahel, Diplomacy #sahel"))
        .awaitAck(WAIT);
    await(
        "the preview to show the edit",
        () ->
            sandbox
                .message(preview.get(1).id())
                .orElseThrow()
                .embeds()
                .get(0)
                .path("title")
                .asText()
                .equals("Washington resets ties with the Sahel juntas"));
    await(
        "the control message to say it was edited",
        () -> sandbox.message(control.id()).orElseThrow().content().contains("Edited"));
    List<SandboxMessage> edited =
        List.of(
            sandbox.message(preview.get(0).id()).orElseThrow(),
            sandbox.message(preview.get(1).id()).orElseThrow());
    assertThat(edited.get(1).embeds().get(0).path("description").asText())
        .isEqualTo(
            "A shorter summary. Written by a moderator.\n\n#Sahel #Diplomacy\n\n**Your take 👇**");

    SandboxMessage answer = h.pressPost(sandbox.moderator(), cmd);

    assertThat(answer.content())
        .startsWith("Posted **Washington resets ties with the Sahel juntas**");
    Discussion d = linked(answer);
    assertThat(d.title()).isEqualTo("Washington resets ties with the Sahel juntas");
    Channel thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    assertThat(thread.name())
        .isEqualTo("Your take 👇 · Washington resets ties with the Sahel juntas");
    assertSameMessages(postOf(d, 2), edited);
  }

  @Test
  @DisplayName(
      "an invalid edit is refused privately with what to fix, and the preview stays as it was")
  void invalidEditRefused() {
    InteractionHandle cmd = ask(sandbox.moderator());
    List<SandboxMessage> preview = awaitPreview(cmd);
    SandboxMessage control = control(preview);
    JsonNode embedBefore = preview.get(1).embeds().get(0);

    SandboxMessage badTag = submitEdit(control, TITLE, "A summary.", "#Sahel #not-a-tag");
    SandboxMessage blankTitle = submitEdit(control, "   ", "A summary.", "");
    SandboxMessage blankSummary = submitEdit(control, TITLE, " \u3164 ", "");

    assertThat(List.of(badTag, blankTitle, blankSummary)).allMatch(SandboxMessage::isEphemeral);
    assertThat(badTag.content())
        .isEqualTo(
            "Nothing was changed: `#not-a-tag` is not a hashtag: use letters, digits and '_' only,"
                + " e.g. #BurkinaFaso. Press **Edit** to try again.");
    assertThat(blankTitle.content()).startsWith("Nothing was changed: the title is empty");
    assertThat(blankSummary.content()).startsWith("Nothing was changed: the summary is empty");
    assertThat(sandbox.message(preview.get(1).id()).orElseThrow().embeds().get(0))
        .isEqualTo(embedBefore);
    assertThat(sandbox.message(control.id()).orElseThrow().content()).doesNotContain("Edited");
  }

  private SandboxMessage submitEdit(
      SandboxMessage control, String title, String summary, String hashtags) {
    InteractionHandle edit =
        sandbox.pressButton(sandbox.moderator(), control, previewButton(control, PreviewId.EDIT));
    edit.awaitModal(WAIT);
    Map<String, String> values = new java.util.HashMap<>();
    values.put(PostPreviewFeature.TITLE, title);
    values.put(PostPreviewFeature.SUMMARY, summary);
    if (!hashtags.isEmpty()) {
      values.put(PostPreviewFeature.HASHTAGS, hashtags);
    }
    return sandbox.submitModal(sandbox.moderator(), edit, values).awaitResponse(WAIT);
  }

  @Test
  @DisplayName("Cancel posts nothing, says so in place of the buttons, and a later Post is refused")
  void cancel() {
    int before = discussions();
    InteractionHandle cmd = ask(sandbox.moderator());
    SandboxMessage control = control(awaitPreview(cmd));

    sandbox.pressButton(sandbox.moderator(), control, previewButton(control, PreviewId.CANCEL));
    SandboxMessage cancelled = h.awaitConcluded(control);

    assertThat(cancelled.content()).isEqualTo("Cancelled: nothing was posted.");
    SandboxMessage late =
        sandbox
            .pressForgedButton(sandbox.moderator(), control, previewButton(control, PreviewId.POST))
            .awaitResponse(WAIT);
    assertThat(late.content()).isEqualTo("This preview was cancelled: nothing was posted.");
    assertThat(discussions()).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "only the moderator who asked may press: a member and another moderator are refused privately")
  void othersRefused() {
    int before = discussions();
    Member other = sandbox.addMember("other-mod", sandbox.moderatorRole());
    InteractionHandle cmd = ask(sandbox.moderator());
    SandboxMessage control = control(awaitPreview(cmd));
    String post = previewButton(control, PreviewId.POST);

    SandboxMessage member =
        sandbox.pressButton(sandbox.member(), control, post).awaitResponse(WAIT);
    SandboxMessage moderator = sandbox.pressButton(other, control, post).awaitResponse(WAIT);
    SandboxMessage editing =
        sandbox
            .pressButton(other, control, previewButton(control, PreviewId.EDIT))
            .awaitResponse(WAIT);

    assertThat(List.of(member, moderator, editing)).allMatch(SandboxMessage::isEphemeral);
    assertThat(member.content()).startsWith("Only moderators can post articles");
    assertThat(moderator.content())
        .isEqualTo(
            "This preview is <@"
                + sandbox.moderator().id()
                + ">'s: only they can post, edit or cancel it. Run `/article post` for your own.");
    assertThat(editing.content()).isEqualTo(moderator.content());
    assertThat(discussions()).isEqualTo(before);
    // and the preview still works for its moderator
    assertThat(h.pressPost(sandbox.moderator(), cmd).content()).startsWith("Posted **");
  }

  @Test
  @DisplayName("a preview expires after 15 minutes: a late press is told so and nothing is posted")
  void expires() {
    int before = discussions();
    InteractionHandle cmd = ask(sandbox.moderator());
    SandboxMessage control = control(awaitPreview(cmd));

    skewMillis.addAndGet(PendingPosts.PRIVATE_LIFETIME.plusSeconds(1).toMillis());
    SandboxMessage late =
        sandbox
            .pressButton(sandbox.moderator(), control, previewButton(control, PreviewId.POST))
            .awaitResponse(WAIT);

    assertThat(late.isEphemeral()).isTrue();
    assertThat(late.content())
        .matches(
            "This preview expired <t:\\d+:R>, so nothing was posted: run `/article post` again\\.");
    assertThat(discussions()).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "when Discord no longer lets the bot change the private preview, Post still posts once and answers through the press")
  void tokenLapsedWhilePending() {
    int before = discussions();
    InteractionHandle cmd = ask(sandbox.moderator());
    SandboxMessage control = control(awaitPreview(cmd));
    // the command's token lapses at Discord while the preview is still pending at the bot
    discordSkewMillis.addAndGet(Duration.ofMinutes(15).plusSeconds(5).toMillis());

    InteractionHandle press =
        sandbox.pressButton(sandbox.moderator(), control, previewButton(control, PreviewId.POST));
    SandboxMessage answer = press.awaitFollowUp(0, WAIT);

    assertThat(answer.isEphemeral()).isTrue();
    assertThat(answer.content()).startsWith("Posted **" + TITLE + "**");
    assertThat(discussions()).isEqualTo(before + 1);
    assertThat(
            sandbox
                .pressForgedButton(
                    sandbox.moderator(), control, previewButton(control, PreviewId.POST))
                .awaitResponse(WAIT)
                .content())
        .startsWith("This preview was already posted.");
    assertThat(discussions()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("a preview still works just before its 15 minutes are up")
  void worksUntilItExpires() {
    InteractionHandle cmd = ask(sandbox.moderator());
    awaitPreview(cmd);

    skewMillis.addAndGet(PendingPosts.PRIVATE_LIFETIME.minusSeconds(30).toMillis());

    assertThat(h.pressPost(sandbox.moderator(), cmd).content()).startsWith("Posted **");
  }

  @Test
  @DisplayName(
      "offer: a review in the moderators' channel that any moderator may post, once, though two press at once")
  void reviewInModeratorsChannel() {
    int before = discussions();
    Channel mods =
        sandbox.addPrivateChannel("moderators", sandbox.moderatorRole(), sandbox.botRole());
    Member other = sandbox.addMember("second-mod", sandbox.moderatorRole());
    await(
        "the bot to see #moderators",
        () -> h.bot.jda().getChannelById(GuildMessageChannel.class, mods.id()) != null);
    GuildMessageChannel modsChannel =
        h.bot.jda().getChannelById(GuildMessageChannel.class, mods.id());
    GuildMessageChannel news =
        h.bot.jda().getChannelById(GuildMessageChannel.class, sandbox.news().id());
    // A feed item the server does not discuss yet: the seed with a video of its own.
    PreparedArticle article =
        BotHarness.prepare("feed item", seed.replace("PQGu6Lzyf04", "R3v13wItem0"));

    h.app.previews().offer(modsChannel, news, article);

    List<SandboxMessage> review = publicBotMessages(mods);
    assertThat(review).hasSize(3).noneMatch(SandboxMessage::isEphemeral);
    SandboxMessage control = control(review);
    assertThat(control.content())
        .contains("**Review**", "<#" + sandbox.news().id() + ">", "Any moderator may");
    // two moderators press Post at once: the first is held while its post goes out
    HeldResponse held = sandbox.holdNext("POST", "channels/" + sandbox.news().id() + "/messages");
    sandbox.pressButton(other, control, previewButton(control, PreviewId.POST));
    held.awaitHeld(WAIT);
    SandboxMessage second =
        sandbox
            .pressButton(sandbox.moderator(), control, previewButton(control, PreviewId.POST))
            .awaitResponse(WAIT);
    held.release();

    assertThat(second.isEphemeral()).isTrue();
    assertThat(second.content()).isEqualTo("This post is going out right now.");
    SandboxMessage answer = h.awaitConcluded(control);
    assertThat(answer.isEphemeral()).isFalse();
    assertThat(answer.content())
        .startsWith("Posted **" + TITLE + "** in <#" + sandbox.news().id() + ">")
        .endsWith("(by <@" + other.id() + ">)");
    Discussion d = linked(answer);
    sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    assertThat(discussions()).isEqualTo(before + 1);
    assertSameMessages(postOf(d, 2), review.subList(0, 2));
  }

  /** The form's inputs by custom id, with the values it was filled in with. */
  private static Map<String, String> inputs(JsonNode form) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    List<JsonNode> labels = new ArrayList<>();
    form.path("components").forEach(labels::add);
    for (JsonNode label : labels) {
      JsonNode input = label.path("component");
      out.put(input.path("custom_id").asText(), input.path("value").asText(null));
    }
    return out;
  }

  @Test
  @DisplayName("now:true posts at once, without a preview")
  void nowPostsAtOnce() {
    SandboxMessage answer =
        sandbox
            .slash(
                sandbox.moderator(),
                sandbox.news(),
                "article post",
                BotHarness.now(Map.of("name", "sahel-reset")))
            .awaitResponse(WAIT);

    assertThat(answer.content()).startsWith("Posted **" + TITLE + "**");
    assertThat(answer.buttonIds()).isEmpty();
    Discussion d = linked(answer);
    sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
  }
}
