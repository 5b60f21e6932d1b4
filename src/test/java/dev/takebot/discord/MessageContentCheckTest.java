package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.takebot.sentiment.KeywordAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The start-up check of the Message Content intent reads {@code GET oauth2/applications/@me}. A
 * REST proxy that does not serve it used to skip the check with a debug line nobody sees.
 */
@DisplayName("The Message Content check at start-up")
class MessageContentCheckTest {

  @Test
  @DisplayName("reads the intent from GET oauth2/applications/@me")
  void readsTheApplicationFlags(@TempDir Path dir) throws InterruptedException {
    try (BotHarness h =
        new BotHarness(dir, new KeywordAnalyzer(), List.of(), UnaryOperator.identity())) {
      assertThat(h.bot.messageContentEnabled()).contains(true);
    }
  }

  @Test
  @DisplayName("when a proxy does not serve it, says so in a warning and carries on")
  void warnsWhenTheRouteIsMissing(@TempDir Path dir) throws InterruptedException {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger log = (Logger) LoggerFactory.getLogger(TakeBot.class);
    logged.start();
    log.addAppender(logged);
    try (BotHarness h =
        new BotHarness(dir, new KeywordAnalyzer(), List.of(), UnaryOperator.identity())) {
      h.sandbox.failNext("GET", "applications/@me", 404, 0, "404: Not Found");

      Optional<Boolean> enabled = h.bot.messageContentEnabled();

      assertThat(enabled).isEmpty();
      assertThat(h.bot.isConnected()).isTrue();
      assertThat(logged.list)
          .filteredOn(e -> e.getLevel() == Level.WARN)
          .extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(
              m ->
                  assertThat(m)
                      .contains("Message Content intent", "GET oauth2/applications/@me", "404"));
    } finally {
      log.detachAppender(logged);
    }
  }
}
