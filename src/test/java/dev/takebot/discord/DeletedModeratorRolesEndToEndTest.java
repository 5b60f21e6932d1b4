package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.i18n.Texts;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.Permissions;
import dev.takebot.sandbox.Role;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (#13 settings, follow-up): when every moderator role a server's managers chose in
 * {@code /takebot settings} was deleted from the server, the bot kept the stale ids, so the
 * configured moderator roles no longer applied and moderators lost access; the settings view showed
 * the deleted roles.
 */
@DisplayName("Deleted moderator roles are dropped from a server's settings")
class DeletedModeratorRolesEndToEndTest {
  private static final String ROLES = "moderator_roles";
  private static final String DELETED = "moderator_roles_deleted";

  @TempDir Path dir;
  private DiscordSandbox sandbox;
  private TakeBotAssembly app;
  private Role editors; // the configured moderator role (discord.moderatorRoles)
  private Member manny; // Manage Server
  private Member eddie; // an editor: a moderator by the configuration

  @AfterEach
  void stop() {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  /** Starts (again) the bot on the sandbox and the same database. */
  private TakeBotAssembly start() throws InterruptedException {
    return TakeBotAssembly.start(
        BotHarness.config(sandbox, dir, List.of(editors.id()), new TakesSettings(0, 0), "news"),
        sandbox.token(),
        Map.of(),
        TakeBotAssembly.Overrides.none()
            .analyzer(new KeywordAnalyzer())
            .takeRetryDelay(BotHarness.TAKE_RETRY_DELAY));
  }

  private void startServer() throws InterruptedException {
    sandbox = DiscordSandbox.builder().start();
    editors = sandbox.addRole("Editors", Permissions.EVERYONE_DEFAULT);
    Role managers =
        sandbox.addRole("Managers", Permissions.EVERYONE_DEFAULT | Permissions.MANAGE_GUILD);
    manny = sandbox.addMember("manny", managers);
    eddie = sandbox.addMember("eddie", editors);
    app = start();
  }

  private long guild() {
    return Long.parseLong(sandbox.guildId());
  }

  private Map<String, String> stored() {
    return app.store().guildSettings(guild());
  }

  private SandboxMessage settingsView() {
    return sandbox.slash(manny, sandbox.general(), "takebot settings").awaitResponse(WAIT);
  }

  private void choose(Role... roles) {
    sandbox
        .selectEntities(manny, settingsView(), TakeBotSettingsCommand.ROLES_ID, List.of(roles))
        .awaitResponse(WAIT);
  }

  private boolean isModerator(Member member) {
    InteractionHandle list = sandbox.slash(member, sandbox.general(), "article list");
    return !list.awaitResponse(WAIT).content().startsWith("Only moderators can");
  }

  @Test
  @DisplayName(
      "on GUILD_ROLE_DELETE a chosen role is dropped: the view shows only the roles left, and once"
          + " none is left the configured moderator roles apply again and the view says why")
  void droppedOnTheRoleDeleteEvent() throws InterruptedException {
    startServer();
    Role curators = sandbox.addRole("Curators", Permissions.EVERYONE_DEFAULT);
    Role wardens = sandbox.addRole("Wardens", Permissions.EVERYONE_DEFAULT);
    Member walt = sandbox.addMember("walt", wardens);
    choose(curators, wardens);
    assertThat(isModerator(eddie)).as("chosen roles replace the configured ones").isFalse();
    assertThat(isModerator(walt)).isTrue();

    sandbox.deleteRole(curators);

    // No interaction reads the settings meanwhile: the event alone drops the role.
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(stored()).containsEntry(ROLES, wardens.id()));
    String view = settingsView().content();
    assertThat(view).contains(wardens.mention()).doesNotContain(curators.id());

    sandbox.deleteRole(wardens);

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(stored()).doesNotContainKey(ROLES).containsEntry(DELETED, "true"));
    assertThat(isModerator(eddie)).as("the configured role applies again").isTrue();
    String fallback = settingsView().content();
    assertThat(fallback)
        .contains(
            Texts.english()
                .get("settings.moderatorRoles.deleted", "roles", editors.mention())
                .strip())
        .doesNotContain(curators.id(), wardens.id());

    choose(editors);
    assertThat(stored()).as("choosing again ends the notice").doesNotContainKey(DELETED);
  }

  @Test
  @DisplayName(
      "roles deleted while the bot was offline are dropped on the next read, so the configured"
          + " moderator roles apply again at once")
  void droppedOnReadAfterARestart() throws InterruptedException {
    startServer();
    Role stewards = sandbox.addRole("Stewards", Permissions.EVERYONE_DEFAULT);
    choose(stewards);
    assertThat(isModerator(eddie)).isFalse();
    app.close();
    app = null;

    sandbox.deleteRole(stewards); // nobody connected: the bot never hears of it
    app = start();

    assertThat(stored()).as("nothing told the bot").containsEntry(ROLES, stewards.id());
    assertThat(isModerator(eddie)).isTrue();
    assertThat(stored()).doesNotContainKey(ROLES).containsEntry(DELETED, "true");
    assertThat(settingsView().content())
        .doesNotContain(stewards.id())
        .contains(
            Texts.english()
                .get("settings.moderatorRoles.deleted", "roles", editors.mention())
                .strip());
  }

  /**
   * Attacks (review of #16): a role nobody chose going away must change nothing, and a manager's
   * stale select naming a role deleted meanwhile must not bring it back.
   */
  @Test
  @DisplayName(
      "a deleted role nobody chose (or the configured one) changes no setting; a stale select"
          + " naming a deleted role keeps only the live one")
  void unchosenAndStaleRoles() throws InterruptedException {
    startServer();
    Role bystanders = sandbox.addRole("Bystanders", Permissions.EVERYONE_DEFAULT);
    Role curators = sandbox.addRole("Curators", Permissions.EVERYONE_DEFAULT);
    Role wardens = sandbox.addRole("Wardens", Permissions.EVERYONE_DEFAULT);
    Member walt = sandbox.addMember("walt", wardens);

    sandbox.deleteRole(bystanders);
    assertThat(isModerator(eddie)).as("the configured role still applies").isTrue();
    assertThat(stored()).doesNotContainKeys(ROLES, DELETED);

    SandboxMessage staleView = settingsView();
    sandbox.deleteRole(curators);
    sandbox
        .selectEntities(
            manny, staleView, TakeBotSettingsCommand.ROLES_ID, List.of(curators, wardens))
        .awaitResponse(WAIT);

    assertThat(isModerator(walt)).isTrue();
    assertThat(isModerator(eddie)).isFalse();
    assertThat(stored()).containsEntry(ROLES, wardens.id()).doesNotContainKey(DELETED);
    assertThat(settingsView().content()).doesNotContain(curators.id());
  }
}
