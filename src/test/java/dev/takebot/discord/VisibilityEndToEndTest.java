package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.Role;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.Label;
import dev.takebot.sentiment.LexiconSentimentAnalyzer;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11: every listing, default and suggestion worked across the whole server, so a member who
 * cannot see {@code #staff} read the staff thread's takes with {@code /takes list} in {@code
 * #general}, publicly; a staff member's summary of a staff article went public in {@code #general};
 * and a forged paging button showed another server's article title. Rule: nothing is shown to
 * anyone who cannot view the channel it was written in, and a public answer never quotes a channel
 * with a narrower audience.
 */
@DisplayName("Visibility end to end: members never see what Discord hides from them")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");
  private static final String SECRET = "SECRET payroll grievance, this is awful and stupid";
  private static final String FOREIGN_TITLE = "Foreign council minutes";
  private static final long FOREIGN_POST = 7_000;

  private BotHarness h;
  private DiscordSandbox sandbox;
  private Channel staff;
  private Member stella; // a moderator with the Staff role
  private Member bob; // a plain member
  private Discussion open;
  private Discussion secret;
  private Label secretLabel;
  private long secretTakeId;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h =
        new BotHarness(
            DiscordSandbox.builder(),
            dir,
            LexiconSentimentAnalyzer.standard(),
            List.of(),
            r -> r,
            new TakesSettings(0, 0));
    sandbox = h.sandbox;
    Role staffRole = sandbox.addRole("Staff", 0);
    staff = sandbox.addPrivateChannel("staff", staffRole, sandbox.botRole());
    stella = sandbox.addMember("stella", staffRole, sandbox.moderatorRole());
    bob = sandbox.addMember("bob");
    // A discussion of another server, in the same database.
    h.store.saveDiscussion(
        new Discussion(FOREIGN_POST, 1, 2, FOREIGN_POST, "foreign", FOREIGN_TITLE, Instant.EPOCH));
    h.store.insertTake(
        new Take(
            FOREIGN_POST + 1,
            FOREIGN_POST,
            FOREIGN_POST,
            3,
            "carol",
            "foreign take",
            Instant.EPOCH,
            null,
            Label.NEUTRAL,
            0,
            "v"));

    open =
        post(sandbox.moderator(), sandbox.news(), Map.of(), "Harbour budget vote", "abcdefghij1");
    Channel openThread = thread(open);
    SandboxMessage bobTake = sandbox.post(bob, openThread, "PUBLIC take: a great and wise plan");
    SandboxMessage stellaTake =
        sandbox.post(stella, openThread, "stella finds the harbour plan awful and stupid");
    // Posted last, so it is the newest article of the server.
    secret = post(stella, staff, Map.of("channel", staff), "Staff payroll review", "abcdefghij2");
    SandboxMessage secretTake = sandbox.post(stella, thread(secret), SECRET);
    h.awaitTake(bobTake.id());
    h.awaitTake(stellaTake.id());
    h.awaitTake(secretTake.id());
    secretTakeId = Long.parseLong(secretTake.id());
    secretLabel = h.store.findTake(secretTakeId).orElseThrow().label();
  }

  @AfterAll
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private Discussion post(
      Member moderator, Channel channel, Map<String, Object> options, String title, String video) {
    String article =
        "# "
            + title
            + "\n\nThe council met this week to weigh the plan. Officials said the vote would"
            + " come soon.\n\nCritics said the move came late, while supporters called it a pragmatic step.\n\n"
            + "https://www.youtube.com/watch?v="
            + video
            + "\n";
    Map<String, Object> all = new java.util.HashMap<>(options);
    all.put("file", FileUpload.text("article.md", article));
    all.put(ArticlePostCommand.NOW, true);
    SandboxMessage answer =
        sandbox.slash(moderator, channel, "article post", all).awaitResponse(WAIT);
    Matcher m = POST_LINK.matcher(answer.content());
    assertThat(m.find()).as("jump link in %s", answer.content()).isTrue();
    return h.store.findDiscussion(Long.parseLong(m.group(2))).orElseThrow();
  }

  private Channel thread(Discussion d) {
    return sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
  }

  /** Everything a message shows (content, embeds, buttons), lower-cased. */
  private static String shown(SandboxMessage m) {
    return m.json().toString().toLowerCase(Locale.ROOT);
  }

  private SandboxMessage answer(
      Member member, Channel channel, String command, Map<String, ?> options) {
    return sandbox.slash(member, channel, command, options).awaitResponse(WAIT);
  }

  @Test
  @DisplayName(
      "/takes list, with no filter, member:, sentiment: or article:, shows a member nothing from #staff")
  void listsHideStaff() {
    SandboxMessage all = answer(bob, sandbox.general(), "takes list", Map.of());
    assertThat(shown(all))
        .contains("public take")
        .doesNotContain("secret")
        .doesNotContain("payroll");

    SandboxMessage byStella =
        answer(bob, sandbox.general(), "takes list", Map.of("member", stella));
    assertThat(shown(byStella)).contains("harbour plan").doesNotContain("secret");

    SandboxMessage tagged =
        answer(bob, sandbox.general(), "takes list", Map.of("sentiment", secretLabel.id()));
    assertThat(shown(tagged)).doesNotContain("secret").doesNotContain("payroll");

    for (String article : List.of(Long.toString(secret.postMessageId()), "payroll")) {
      InteractionHandle named =
          sandbox.slash(bob, sandbox.general(), "takes list", Map.of("article", article));
      assertThat(named.awaitResponse(WAIT).content()).as(article).startsWith("No article matches");
      assertThat(named.isEphemeral()).isTrue();
    }
  }

  @Test
  @DisplayName(
      "/takes summary defaults to the newest article the member can see, and will not name a hidden one")
  void summaryHidesStaff() {
    SandboxMessage byDefault = answer(bob, sandbox.general(), "takes summary", Map.of());
    assertThat(shown(byDefault)).contains("harbour budget vote").doesNotContain("payroll");

    InteractionHandle named =
        sandbox.slash(
            bob,
            sandbox.general(),
            "takes summary",
            Map.of("article", Long.toString(secret.postMessageId())));
    assertThat(named.awaitResponse(WAIT).content()).startsWith("No article matches");
    assertThat(shown(named.awaitResponse(WAIT))).doesNotContain("payroll");
  }

  @Test
  @DisplayName("the article option suggests only articles the member can see")
  void autocompleteHidesStaff() {
    List<JsonNode> forBob =
        sandbox
            .autocomplete(bob, sandbox.general(), "takes summary", "article", "")
            .awaitChoices(WAIT);
    assertThat(forBob)
        .extracting(c -> c.path("name").asText())
        .containsExactly("Harbour budget vote");

    List<JsonNode> forStella =
        sandbox
            .autocomplete(stella, sandbox.general(), "takes list", "article", "")
            .awaitChoices(WAIT);
    assertThat(forStella)
        .extracting(c -> c.path("name").asText())
        .containsExactly("Staff payroll review", "Harbour budget vote");
  }

  @Test
  @DisplayName(
      "a moderator without access to #staff neither lists, reposts nor exports its article")
  void moderatorWithoutAccess() {
    InteractionHandle list = sandbox.slash(sandbox.moderator(), sandbox.general(), "article list");
    assertThat(shown(list.awaitResponse(WAIT)))
        .contains("harbour budget vote")
        .doesNotContain("payroll");

    SandboxMessage repost =
        answer(sandbox.moderator(), sandbox.general(), "article summary", Map.of());
    assertThat(shown(repost)).contains("harbour budget vote").doesNotContain("payroll");
    InteractionHandle named =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.general(),
            "article summary",
            Map.of("article", "payroll"));
    assertThat(named.awaitResponse(WAIT).content()).startsWith("No article matches");

    InteractionHandle export =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.general(),
            "takes export",
            Map.of("article", Long.toString(secret.postMessageId())));
    assertThat(export.awaitResponse(WAIT).content()).startsWith("No article matches");
  }

  @Test
  @DisplayName(
      "a staff member summarising the staff article in #general is answered privately, and told why")
  void narrowerDiscussionAnsweredPrivately() {
    InteractionHandle summary =
        sandbox.slash(
            stella,
            sandbox.general(),
            "takes summary",
            Map.of("article", Long.toString(secret.postMessageId())));
    SandboxMessage answer = summary.awaitResponse(WAIT);
    assertThat(summary.isEphemeral()).isTrue();
    assertThat(answer.content()).contains("Shown only to you").contains(staff.mention());
    assertThat(shown(answer)).contains("payroll");

    InteractionHandle repost =
        sandbox.slash(stella, sandbox.general(), "article summary", Map.of("article", "payroll"));
    assertThat(repost.awaitResponse(WAIT).content())
        .contains("Shown only to you")
        .contains(staff.mention());
    assertThat(repost.isEphemeral()).isTrue();

    InteractionHandle list = sandbox.slash(stella, sandbox.general(), "takes list", Map.of());
    SandboxMessage page = list.awaitResponse(WAIT);
    assertThat(list.isEphemeral()).isTrue();
    assertThat(page.content()).contains("Shown only to you").contains(staff.mention());
    assertThat(shown(page)).contains("secret payroll");
  }

  @Test
  @DisplayName(
      "where the audience is no wider, answers stay public: #staff itself, or an open channel's article")
  void sameOrWiderAudienceStaysPublic() {
    InteractionHandle inStaff =
        sandbox.slash(
            stella,
            staff,
            "takes summary",
            Map.of("article", Long.toString(secret.postMessageId())));
    inStaff.awaitResponse(WAIT);
    assertThat(inStaff.isEphemeral()).isFalse();

    InteractionHandle openInStaff =
        sandbox.slash(stella, staff, "takes summary", Map.of("article", "harbour"));
    openInStaff.awaitResponse(WAIT);
    assertThat(openInStaff.isEphemeral()).isFalse();

    InteractionHandle bobsTakes =
        sandbox.slash(stella, sandbox.general(), "takes list", Map.of("member", bob));
    assertThat(shown(bobsTakes.awaitResponse(WAIT))).contains("public take");
    assertThat(bobsTakes.isEphemeral()).isFalse();
  }

  @Test
  @DisplayName(
      "a forged paging button naming another server's post or a hidden one, or a malformed id, shows nothing")
  void forgedListButtons() {
    SandboxMessage page = answer(bob, sandbox.general(), "takes list", Map.of());
    String issued = Long.toString(Instant.now().getEpochSecond(), 36);
    String invoker = Long.toString(Long.parseLong(bob.id()), 36);

    for (long post : new long[] {FOREIGN_POST, secret.postMessageId()}) {
      String forged =
          "takebot-list:f0:1:" + invoker + ":" + Long.toString(post, 36) + ":-:-:" + issued;
      InteractionHandle press = sandbox.pressForgedButton(bob, page, forged);
      SandboxMessage refusal = press.awaitResponse(WAIT);
      assertThat(refusal.content()).isEqualTo(dev.takebot.i18n.Texts.english().get("list.invalid"));
      assertThat(refusal.isEphemeral()).isTrue();
    }
    InteractionHandle malformed =
        sandbox.pressForgedButton(bob, page, "takebot-list:not:a:list:button");
    assertThat(malformed.awaitResponse(WAIT).content())
        .isEqualTo(dev.takebot.i18n.Texts.english().get("list.invalid"));
    assertThat(malformed.isEphemeral()).isTrue();

    String now = shown(sandbox.message(page.id()).orElseThrow());
    assertThat(now)
        .doesNotContain(FOREIGN_TITLE.toLowerCase(Locale.ROOT))
        .doesNotContain("payroll");
  }

  @Test
  @DisplayName(
      "a forged Correct sentiment button or a retag link cannot touch another server's or a hidden take")
  void forgedCorrections() {
    Member mod = sandbox.moderator(); // no access to #staff
    SandboxMessage any = answer(bob, sandbox.general(), "takes list", Map.of());
    String invoker = Long.toString(Long.parseLong(mod.id()), 36);
    Label otherThanSecret = secretLabel == Label.POSITIVE ? Label.NEGATIVE : Label.POSITIVE;

    for (long take : new long[] {FOREIGN_POST + 1, secretTakeId}) {
      Label before = h.store.findTake(take).orElseThrow().label();
      String forged =
          "takebot-correct:" + invoker + ":" + Long.toString(take, 36) + ":" + otherThanSecret.id();
      InteractionHandle press = sandbox.pressForgedButton(mod, any, forged);
      assertThat(press.awaitResponse(WAIT).content())
          .isEqualTo(dev.takebot.i18n.Texts.english().get("correct.notHere"));
      assertThat(press.isEphemeral()).isTrue();
      assertThat(h.store.findTake(take).orElseThrow().label()).isEqualTo(before);
    }
    InteractionHandle malformed = sandbox.pressForgedButton(mod, any, "takebot-correct:zz");
    assertThat(malformed.awaitResponse(WAIT).content())
        .isEqualTo(dev.takebot.i18n.Texts.english().get("correct.notHere"));

    InteractionHandle retag =
        sandbox.slash(
            mod,
            sandbox.general(),
            "takes retag",
            Map.of("message", Long.toString(secretTakeId), "sentiment", otherThanSecret.id()));
    assertThat(retag.awaitResponse(WAIT).content())
        .contains("not a take on an article of this server");
    assertThat(h.store.findTake(secretTakeId).orElseThrow().label()).isEqualTo(secretLabel);
  }
}
