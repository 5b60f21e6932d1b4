package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.Permissions;
import dev.takebot.sandbox.Role;
import dev.takebot.sentiment.KeywordAnalyzer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Moderator roles: anyone allowed to create roles can create one with any name, so a configured
 * role is matched by its id; names still work but warn the operator at start-up.
 */
@DisplayName("Moderator roles are matched by id; names are a convenience that warns")
class ModeratorRolesTest {
  private static final String REFUSAL = "Only moderators can";
  private static final long PLAIN = Permissions.EVERYONE_DEFAULT;

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger moderatorsLog = (Logger) LoggerFactory.getLogger(Moderators.class);

  @BeforeEach
  void captureLog() {
    logged.start();
    moderatorsLog.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    moderatorsLog.detachAppender(logged);
  }

  private BotHarness start(Path dir, Function<DiscordSandbox, List<String>> roles)
      throws InterruptedException {
    return new BotHarness(
        DiscordSandbox.builder(),
        dir,
        new KeywordAnalyzer(),
        roles,
        UnaryOperator.identity(),
        new TakesSettings(0, 0),
        Clock.systemUTC(),
        r -> r);
  }

  private static String articleList(DiscordSandbox sandbox, Member member) {
    return sandbox.slash(member, sandbox.news(), "article list").awaitResponse(WAIT).content();
  }

  private List<ILoggingEvent> warnings() {
    return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
  }

  @Test
  @DisplayName(
      "a role configured by id admits its members; look-alikes named like it, or like its id, do not")
  void byId(@TempDir Path dir) throws InterruptedException {
    AtomicReference<Role> editors = new AtomicReference<>();
    try (BotHarness h =
        start(
            dir,
            s -> {
              editors.set(s.addRole("Editors", PLAIN));
              return List.of(editors.get().id());
            })) {
      DiscordSandbox sandbox = h.sandbox;
      Member editor = sandbox.addMember("editor", editors.get());
      Member sameName = sandbox.addMember("impostor", sandbox.addRole("Editors", PLAIN));
      Member idAsName = sandbox.addMember("impostor2", sandbox.addRole(editors.get().id(), PLAIN));

      assertThat(articleList(sandbox, editor)).doesNotContain(REFUSAL);
      assertThat(articleList(sandbox, sameName)).contains(REFUSAL);
      assertThat(articleList(sandbox, idAsName)).contains(REFUSAL);
      assertThat(warnings()).as("ids configured: nothing to warn about").isEmpty();
    }
  }

  @Test
  @DisplayName(
      "a role configured by name still works, and start-up warns once, naming the role and asking for its id")
  void byNameWarns(@TempDir Path dir) throws InterruptedException {
    try (BotHarness h = start(dir, s -> List.of("Editors"))) {
      DiscordSandbox sandbox = h.sandbox;
      Member editor = sandbox.addMember("editor", sandbox.addRole("Editors", PLAIN));

      assertThat(articleList(sandbox, editor)).doesNotContain(REFUSAL);
      assertThat(warnings()).hasSize(1);
      assertThat(warnings().get(0).getFormattedMessage()).contains("Editors", "id");
    }
  }

  @Test
  @DisplayName(
      "the server's id (its @everyone role) as a moderator role makes no member a moderator, and start-up"
          + " says so")
  void everyoneRoleIsRefused(@TempDir Path dir) throws InterruptedException {
    try (BotHarness h = start(dir, s -> List.of(s.guildId(), "@everyone"))) {
      DiscordSandbox sandbox = h.sandbox;
      Member plain = sandbox.addMember("plain");

      assertThat(articleList(sandbox, plain)).contains(REFUSAL);
      assertThat(warnings())
          .extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(m -> assertThat(m).contains(sandbox.guildId(), "@everyone", "ignored"));
    }
  }
}
