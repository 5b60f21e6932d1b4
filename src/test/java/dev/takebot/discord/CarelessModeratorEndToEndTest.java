package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.Permissions;
import dev.takebot.sandbox.Role;
import dev.takebot.sandbox.SandboxMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings a careless manager or moderator may choose that cannot work are refused when chosen,
 * with the reason, rather than failing later where nobody looks (a feed's post, the next article).
 */
@DisplayName("Careless moderators: settings that cannot work are refused when chosen")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CarelessModeratorEndToEndTest {
  private BotHarness h;
  private DiscordSandbox sandbox;
  private Member manny; // Manage Server
  private Role managers;
  private long guild;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h =
        new BotHarness(
            DiscordSandbox.builder(),
            dir,
            s -> List.of(),
            new TakesSettings(0, 0),
            BotHarness.realAnalyzer());
    sandbox = h.sandbox;
    guild = Long.parseLong(sandbox.guildId());
    managers = sandbox.addRole("Managers", Permissions.EVERYONE_DEFAULT | Permissions.MANAGE_GUILD);
    manny = sandbox.addMember("manny", managers);
  }

  @AfterAll
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private SandboxMessage settingsMessage() {
    return sandbox.slash(manny, sandbox.general(), "takebot settings").awaitResponse(WAIT);
  }

  @Test
  @DisplayName(
      "a post channel the bot cannot see or send in is refused in the settings, naming the missing"
          + " permission, and the post channel stays as it was")
  void postChannelTheBotCannotUseIsRefused() {
    String before = h.app.settings().get(guild).postChannel();
    Channel hidden = sandbox.addPrivateChannel("managers-only", managers);

    SandboxMessage unseen =
        sandbox
            .selectEntities(
                manny, settingsMessage(), TakeBotSettingsCommand.CHANNEL_ID, List.of(hidden))
            .awaitResponse(WAIT);
    SandboxMessage mute =
        sandbox
            .selectEntities(
                manny,
                settingsMessage(),
                TakeBotSettingsCommand.CHANNEL_ID,
                List.of(sandbox.readOnly()))
            .awaitResponse(WAIT);

    assertThat(unseen.content())
        .isEqualTo(
            "I can't do that in <#"
                + hidden.id()
                + ">: I need the View Channels permission there.");
    assertThat(mute.content())
        .isEqualTo(
            "I can't do that in <#"
                + sandbox.readOnly().id()
                + ">: I need the Send Messages permission there.");
    assertThat(h.app.settings().get(guild).postChannel()).isEqualTo(before);

    SandboxMessage fine =
        sandbox
            .selectEntities(
                manny,
                settingsMessage(),
                TakeBotSettingsCommand.CHANNEL_ID,
                List.of(sandbox.news()))
            .awaitResponse(WAIT);
    assertThat(fine.content())
        .contains("Articles are now posted in <#" + sandbox.news().id() + ">");
  }
}
