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
import dev.takebot.sandbox.Role;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.takes.settings.GuildSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13, settings per server: {@code /takebot settings} for members with Manage Server, changed
 * with Discord's own channel select, role select, button and form, and honoured by the features on
 * their next use. The bot's configuration names a post channel this server lacks ({@code
 * #announcements}, as on a server that just added the bot) and a 30 s summary cooldown; the tests
 * run in order, the first one on the server as it joined.
 */
@DisplayName("Settings per server end to end: managers change them with Discord's components")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");
  private static final int YAML_COOLDOWN_SECONDS = 30;

  private BotHarness h;
  private DiscordSandbox sandbox;
  private Member manny; // Manage Server, nothing else
  private Member bob; // a plain member
  private Member carl; // has the Curators role, which is no moderator role until a manager says so
  private Role curators;
  private long guild;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h =
        new BotHarness(
            DiscordSandbox.builder(),
            dir,
            s -> List.of(),
            new TakesSettings(YAML_COOLDOWN_SECONDS, 0),
            BotHarness.realAnalyzer(),
            "announcements");
    sandbox = h.sandbox;
    guild = Long.parseLong(sandbox.guildId());
    Role managers =
        sandbox.addRole("Managers", Permissions.EVERYONE_DEFAULT | Permissions.MANAGE_GUILD);
    curators = sandbox.addRole("Curators", Permissions.EVERYONE_DEFAULT);
    manny = sandbox.addMember("manny", managers);
    bob = sandbox.addMember("bob");
    carl = sandbox.addMember("carl", curators);
  }

  @AfterAll
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private SandboxMessage postArticle(Member moderator, Channel channel, String title) {
    String article =
        "# "
            + title
            + "\n\nThe council met this week to weigh the plan. Officials said the vote would"
            + " come soon.\n\nCritics said the move came late, while supporters called it a pragmatic step.\n";
    return sandbox
        .slash(
            moderator,
            channel,
            "article post",
            now(Map.of("file", FileUpload.text("article.md", article))))
        .awaitResponse(WAIT);
  }

  private static String postedChannel(SandboxMessage answer) {
    Matcher m = POST_LINK.matcher(answer.content());
    assertThat(m.find()).as("jump link in %s", answer.content()).isTrue();
    return m.group(1);
  }

  private SandboxMessage settingsMessage(Member member) {
    InteractionHandle open = sandbox.slash(member, sandbox.general(), "takebot settings");
    SandboxMessage shown = open.awaitResponse(WAIT);
    assertThat(open.isEphemeral()).isTrue();
    return shown;
  }

  private InteractionHandle summary(Member member, Map<String, ?> options) {
    InteractionHandle handle = sandbox.slash(member, sandbox.general(), "takes summary", options);
    handle.awaitResponse(WAIT);
    return handle;
  }

  @Test
  @Order(1)
  @DisplayName(
      "a server that never configured anything works with the defaults: no message on joining, the"
          + " first /article post adopts the channel it is run in and says so, summaries are public"
          + " with the configured cooldown")
  void defaultsApplyToAnUnconfiguredServer() {
    assertThat(sandbox.botMessages()).as("nothing unsolicited on joining").isEmpty();
    assertThat(h.app.settings().get(guild)).isEqualTo(h.app.settings().defaults());

    SandboxMessage first = postArticle(sandbox.moderator(), sandbox.general(), "Harbour vote");

    assertThat(postedChannel(first)).isEqualTo(sandbox.general().id());
    assertThat(first.content()).contains("had no post channel, so I posted here");
    assertThat(h.app.settings().get(guild).postChannel()).isEqualTo(sandbox.general().id());

    InteractionHandle once = summary(bob, Map.of());
    assertThat(once.isEphemeral()).as("summaries are public by default").isFalse();
    assertThat(once.awaitResponse(WAIT).content()).doesNotContain("try again");
    InteractionHandle again = summary(bob, Map.of());
    assertThat(again.awaitResponse(WAIT).content())
        .as("the configured cooldown")
        .contains("try again in");
  }

  @Test
  @Order(2)
  @DisplayName(
      "a member without Manage Server is refused the command, the selects, the buttons and the form,"
          + " even a moderator and even with forged component ids")
  void nonManagersAreRefused() {
    GuildSettings before = h.app.settings().get(guild);
    for (Member m : List.of(bob, sandbox.moderator())) {
      InteractionHandle slash = sandbox.slash(m, sandbox.general(), "takebot settings");
      assertThat(slash.awaitResponse(WAIT).content())
          .startsWith(
              "Only members with the Manage Server permission can change TakeBot's settings");
      assertThat(slash.isEphemeral()).isTrue();
    }
    SandboxMessage managersView = settingsMessage(manny);
    SandboxMessage marker = sandbox.post(bob, sandbox.general(), "a message to forge on");

    List<InteractionHandle> forged =
        List.of(
            sandbox.selectEntities(
                bob, managersView, TakeBotSettingsCommand.CHANNEL_ID, List.of(sandbox.readOnly())),
            sandbox.selectEntities(
                bob, managersView, TakeBotSettingsCommand.ROLES_ID, List.of(curators)),
            sandbox.pressForgedButton(bob, marker, TakeBotSettingsCommand.VISIBILITY_ID),
            sandbox.pressForgedButton(bob, marker, TakeBotSettingsCommand.NUMBERS_ID),
            sandbox.submitModal(
                bob,
                sandbox.general(),
                TakeBotSettingsCommand.NUMBERS_ID,
                Map.of(
                    TakeBotSettingsCommand.DIGEST_INPUT, "1",
                    TakeBotSettingsCommand.DIGEST_HOURS_INPUT, "0",
                    TakeBotSettingsCommand.RETENTION_INPUT, "1",
                    TakeBotSettingsCommand.COOLDOWN_INPUT, "0",
                    TakeBotSettingsCommand.LANGUAGE_INPUT, "fr")));
    for (InteractionHandle f : forged) {
      assertThat(f.awaitResponse(WAIT).content())
          .as("%s", f)
          .startsWith("Only members with the Manage Server permission");
      assertThat(f.isEphemeral()).isTrue();
    }
    assertThat(h.app.settings().get(guild)).isEqualTo(before);
    assertThat(h.store.guildSettings(guild)).doesNotContainKeys("moderator_roles", "language");
  }

  @Test
  @Order(3)
  @DisplayName(
      "a manager picks the post channel with the channel select, and /article post posts there")
  void channelSelectSetsThePostChannel() {
    SandboxMessage view = settingsMessage(manny);
    assertThat(view.content()).contains("Post channel: <#" + sandbox.general().id() + ">");

    SandboxMessage updated =
        sandbox
            .selectEntities(manny, view, TakeBotSettingsCommand.CHANNEL_ID, List.of(sandbox.news()))
            .awaitResponse(WAIT);

    assertThat(updated.id()).as("the same message, edited").isEqualTo(view.id());
    assertThat(updated.content())
        .contains("Articles are now posted in <#" + sandbox.news().id() + ">");
    SandboxMessage posted = postArticle(sandbox.moderator(), sandbox.general(), "Tram lines");
    assertThat(postedChannel(posted)).isEqualTo(sandbox.news().id());
    assertThat(posted.content()).doesNotContain("had no post channel");
  }

  @Test
  @Order(4)
  @DisplayName("a moderator role picked by id with the role select makes its members moderators")
  void roleSelectSetsModeratorRoles() {
    InteractionHandle refused = sandbox.slash(carl, sandbox.general(), "article list");
    assertThat(refused.awaitResponse(WAIT).content()).startsWith("Only moderators can");

    SandboxMessage updated =
        sandbox
            .selectEntities(
                manny, settingsMessage(manny), TakeBotSettingsCommand.ROLES_ID, List.of(curators))
            .awaitResponse(WAIT);

    assertThat(updated.content()).contains("Moderator roles are now <@&" + curators.id() + ">");
    assertThat(h.store.guildSettings(guild)).containsEntry("moderator_roles", curators.id());
    InteractionHandle allowed = sandbox.slash(carl, sandbox.general(), "article list");
    assertThat(allowed.awaitResponse(WAIT).content()).doesNotStartWith("Only moderators");
  }

  @Test
  @Order(5)
  @DisplayName(
      "the summary cooldown set in the form and the default visibility set with the button take"
          + " effect on the next /takes summary; a bad number saves nothing")
  void cooldownAndVisibilityTakeEffect() {
    SandboxMessage view = settingsMessage(manny);
    InteractionHandle badOpen = sandbox.pressButton(manny, view, TakeBotSettingsCommand.NUMBERS_ID);
    badOpen.awaitModal(WAIT);
    InteractionHandle bad =
        sandbox.submitModal(
            manny,
            badOpen,
            Map.of(
                TakeBotSettingsCommand.DIGEST_INPUT, "0",
                TakeBotSettingsCommand.DIGEST_HOURS_INPUT, "0",
                TakeBotSettingsCommand.RETENTION_INPUT, "0",
                TakeBotSettingsCommand.COOLDOWN_INPUT, "-5",
                TakeBotSettingsCommand.LANGUAGE_INPUT, "fr"));
    assertThat(bad.awaitResponse(WAIT).content())
        .startsWith("Summary cooldown must be a whole number from 0 to 86400");
    assertThat(h.app.settings().get(guild).language())
        .as("none chosen: the server's Discord language")
        .isEmpty();

    InteractionHandle open = sandbox.pressButton(manny, view, TakeBotSettingsCommand.NUMBERS_ID);
    open.awaitModal(WAIT);
    SandboxMessage saved =
        sandbox
            .submitModal(
                manny,
                open,
                Map.of(
                    TakeBotSettingsCommand.DIGEST_INPUT, "0",
                    TakeBotSettingsCommand.DIGEST_HOURS_INPUT, "0",
                    TakeBotSettingsCommand.RETENTION_INPUT, "0",
                    TakeBotSettingsCommand.COOLDOWN_INPUT, "0",
                    TakeBotSettingsCommand.LANGUAGE_INPUT, "fr"))
            .awaitResponse(WAIT);
    assertThat(saved.content()).contains("Settings saved").contains("Summary cooldown: none");
    assertThat(h.app.settings().get(guild).language()).isEqualTo("fr");

    for (int i = 0; i < 2; i++) {
      assertThat(summary(bob, Map.of()).awaitResponse(WAIT).content())
          .as("no cooldown any more, summary %d", i)
          .doesNotContain("try again");
    }

    SandboxMessage flipped =
        sandbox.pressButton(manny, saved, TakeBotSettingsCommand.VISIBILITY_ID).awaitResponse(WAIT);
    assertThat(flipped.content()).contains("Summaries: private by default");
    assertThat(summary(bob, Map.of()).isEphemeral()).as("private by default now").isTrue();
    assertThat(summary(bob, Map.of("private", false)).isEphemeral())
        .as("the member's own choice still wins")
        .isFalse();
  }

  @Test
  @Order(6)
  @DisplayName("a digest cadence set in the form posts the summary into the thread every N takes")
  void digestCadenceTakesEffect() {
    SandboxMessage posted = postArticle(sandbox.moderator(), sandbox.general(), "Bridge tolls");
    Matcher m = POST_LINK.matcher(posted.content());
    assertThat(m.find()).isTrue();
    Channel thread = sandbox.awaitThread(t -> t.id().equals(m.group(2)), WAIT);
    InteractionHandle open =
        sandbox.pressButton(manny, settingsMessage(manny), TakeBotSettingsCommand.NUMBERS_ID);
    open.awaitModal(WAIT);
    sandbox
        .submitModal(
            manny,
            open,
            Map.of(
                TakeBotSettingsCommand.DIGEST_INPUT, "2",
                TakeBotSettingsCommand.DIGEST_HOURS_INPUT, "0",
                TakeBotSettingsCommand.RETENTION_INPUT, "0",
                TakeBotSettingsCommand.COOLDOWN_INPUT, "0",
                TakeBotSettingsCommand.LANGUAGE_INPUT, "fr"))
        .awaitResponse(WAIT);

    h.awaitTake(sandbox.post(bob, thread, "a great and wise plan").id());
    h.awaitTake(sandbox.post(carl, thread, "an awful and stupid plan").id());

    // The server chose French above: its public digest is French (issue #14).
    BotHarness.await(
        "the digest after 2 takes",
        () ->
            sandbox.messages(thread).stream()
                .anyMatch(x -> x.content().startsWith("📊 2 avis pour l’instant")));
  }
}
