package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.takebot.i18n.Texts;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A failure is the asking member's business. Regression (#14/#16 follow-up): a public {@code /takes
 * summary} that failed after deferring put "Something went wrong (reference …)" into its public
 * loading message, so the whole channel read an error meant for one member.
 */
@DisplayName("Failed public answers: the channel sees no error, the member gets it privately")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateFailuresEndToEndTest {
  private static final String CAUSE = "the summary renderer broke";

  private final AtomicBoolean failing = new AtomicBoolean();

  /** When set, a failing summary waits for it before it fails (to act on its loading message). */
  private final AtomicReference<CountDownLatch> holdFailure = new AtomicReference<>();

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private BotHarness h;
  private DiscordSandbox sandbox;
  private Member amelie; // a French client

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h =
        new BotHarness(
            dir,
            new KeywordAnalyzer(),
            List.of(),
            real ->
                (discussion, requester, locale) -> {
                  if (failing.get()) {
                    awaitRelease();
                    throw new IllegalStateException(CAUSE);
                  }
                  return real.render(discussion, requester, locale);
                });
    sandbox = h.sandbox;
    amelie = sandbox.addMember("amelie");
    sandbox.setUserLocale(amelie, "fr");
    h.postArticleWithATake();
  }

  private void awaitRelease() {
    CountDownLatch hold = holdFailure.get();
    try {
      if (hold != null && !hold.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the test never released the failure");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @BeforeEach
  void listen() {
    logged.start();
    root.addAppender(logged);
    failing.set(true);
  }

  @AfterEach
  void stopListening() {
    failing.set(false);
    holdFailure.set(null);
    root.detachAppender(logged);
    logged.stop();
    logged.list.clear();
  }

  private InteractionHandle publicSummary(Member member) {
    return sandbox.slash(member, sandbox.general(), "takes summary", Map.of("private", false));
  }

  /**
   * What the channel sees of the bot: its messages that are not ephemeral (deleted ones are gone).
   */
  private List<SandboxMessage> publicBotMessages() {
    return sandbox.messages(sandbox.general()).stream()
        .filter(m -> m.authorId().equals(sandbox.bot().id()) && !m.isEphemeral())
        .toList();
  }

  private List<ILoggingEvent> causeLogged() {
    return logged.list.stream()
        .filter(e -> e.getThrowableProxy() != null)
        .filter(e -> CAUSE.equals(e.getThrowableProxy().getMessage()))
        .toList();
  }

  @Test
  @DisplayName(
      "a public /takes summary whose work fails: its loading message is deleted, the member gets"
          + " the error with its reference privately in their language, and the log has the"
          + " reference and the cause once")
  void failedPublicAnswerIsPrivate() {
    InteractionHandle summary = publicSummary(amelie);

    SandboxMessage error = summary.awaitFollowUp(0, WAIT);
    String loading = summary.originalId().orElseThrow();

    assertThat(summary.awaitAck(WAIT)).as("deferred publicly").isEqualTo(5);
    sandbox.awaitDeleted(loading, WAIT);
    assertThat(error.isEphemeral()).isTrue();
    assertThat(error.content())
        .isEqualTo(
            Texts.forLocale(Locale.FRENCH)
                .get(InteractionErrors.MESSAGE_KEY, "reference", summary.id()));
    assertThat(publicBotMessages())
        .as("nothing public says anything of it")
        .noneMatch(m -> m.content().contains(summary.id()) || m.id().equals(loading));
    List<ILoggingEvent> causes = causeLogged();
    assertThat(causes).hasSize(1);
    assertThat(causes.get(0).getLevel()).isEqualTo(Level.ERROR);
    assertThat(causes.get(0).getFormattedMessage()).contains(summary.id());
  }

  @Test
  @DisplayName(
      "when Discord refuses to delete the loading message, the channel reads a neutral line in the"
          + " server's language, never the error, and the member still gets the error privately")
  void undeletableLoadingMessageGetsANeutralLine() {
    sandbox.failNext("DELETE", "messages/@original", 403, 50001, "Missing Access");
    InteractionHandle summary = publicSummary(amelie);

    SandboxMessage error = summary.awaitFollowUp(0, WAIT);
    SandboxMessage original = summary.awaitResponse(WAIT);

    assertThat(original.isEphemeral()).isFalse();
    assertThat(original.content())
        .as("the server speaks English")
        .isEqualTo(Texts.english().get(InteractionErrors.WITHDRAWN_KEY));
    assertThat(error.isEphemeral()).isTrue();
    assertThat(error.content()).contains(summary.id());
    assertThat(publicBotMessages()).noneMatch(m -> m.content().contains(summary.id()));
    assertThat(causeLogged()).hasSize(1);
  }

  @Test
  @DisplayName("a private answer that fails still becomes the error itself: nobody else sees it")
  void failedPrivateAnswerIsEditedInPlace() {
    InteractionHandle summary =
        sandbox.slash(amelie, sandbox.general(), "takes summary", Map.of("private", true));

    SandboxMessage answer = summary.awaitResponse(WAIT);

    assertThat(answer.isEphemeral()).isTrue();
    assertThat(answer.content()).contains(summary.id()).startsWith("Un problème est survenu");
    assertThat(summary.followUps()).isEmpty();
    assertThat(sandbox.isDeleted(answer.id())).isFalse();
  }

  @Test
  @DisplayName(
      "when Discord will not say what the loading message is (its read fails), it is still deleted"
          + " and the error still goes privately")
  void unreadableOriginalIsStillWithdrawn() {
    sandbox.failNext("GET", "messages/@original", 403, 50001, "Missing Access");
    InteractionHandle summary = publicSummary(amelie);

    SandboxMessage error = summary.awaitFollowUp(0, WAIT);

    sandbox.awaitDeleted(summary.originalId().orElseThrow(), WAIT);
    assertThat(error.isEphemeral()).isTrue();
    assertThat(error.content()).contains(summary.id());
    assertThat(publicBotMessages()).noneMatch(m -> m.content().contains(summary.id()));
  }

  /**
   * Review of #14: a moderator deleted the public loading message before the answer failed;
   * reading, deleting and editing it then failed with Unknown Message and the member got no error
   * at all.
   */
  @Test
  @DisplayName(
      "when a moderator deleted the loading message before the work failed, the member still gets"
          + " the error privately, in their language, and the channel sees nothing")
  void loadingMessageDeletedByAModeratorStillLeavesThePrivateError() {
    CountDownLatch release = new CountDownLatch(1);
    holdFailure.set(release);
    InteractionHandle summary = publicSummary(amelie);
    assertThat(summary.awaitAck(WAIT)).as("deferred publicly").isEqualTo(5);
    String loading = summary.originalId().orElseThrow();

    sandbox.delete(sandbox.message(loading).orElseThrow());
    sandbox.awaitDeleted(loading, WAIT);
    release.countDown();
    SandboxMessage error = summary.awaitFollowUp(0, WAIT);

    assertThat(error.isEphemeral()).isTrue();
    assertThat(error.id()).isNotEqualTo(loading);
    assertThat(error.content())
        .isEqualTo(
            Texts.forLocale(Locale.FRENCH)
                .get(InteractionErrors.MESSAGE_KEY, "reference", summary.id()));
    assertThat(publicBotMessages()).noneMatch(m -> m.content().contains(summary.id()));
    assertThat(causeLogged()).hasSize(1);
  }
}
