package dev.takebot.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A plain JDA client wired to a sandbox, recording every event it receives; tests script it with
 * handlers.
 */
final class JdaClient implements AutoCloseable {
  final JDA jda;
  final List<GenericEvent> events = new CopyOnWriteArrayList<>();
  final List<Consumer<GenericEvent>> handlers = new CopyOnWriteArrayList<>();

  private JdaClient(JDA jda) {
    this.jda = jda;
  }

  static JdaClient connect(DiscordSandbox sandbox, boolean messageContent)
      throws InterruptedException {
    return connect(sandbox, messageContent, Compression.NONE, true);
  }

  static JdaClient connect(
      DiscordSandbox sandbox, boolean messageContent, Compression compression, boolean awaitReady)
      throws InterruptedException {
    List<GatewayIntent> intents =
        messageContent
            ? List.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
            : List.of(GatewayIntent.GUILD_MESSAGES);
    JdaClient[] holder = new JdaClient[1];
    List<GenericEvent> early = new CopyOnWriteArrayList<>();
    EventListener recorder =
        event -> {
          JdaClient c = holder[0];
          if (c == null) {
            early.add(event);
            return;
          }
          c.events.add(event);
          c.handlers.forEach(h -> h.accept(event));
        };
    JDA jda =
        JDABuilder.createLight(sandbox.token(), intents)
            .setRestConfig(new RestConfig().setBaseUrl(sandbox.restUrl()))
            .setSessionController(
                new SessionControllerAdapter() {
                  @Override
                  public String getGateway() {
                    return sandbox.gatewayUrl();
                  }
                })
            .setCompression(compression)
            .setEnableShutdownHook(false)
            .addEventListeners(recorder)
            .build();
    JdaClient client = new JdaClient(jda);
    client.events.addAll(early);
    holder[0] = client;
    if (awaitReady) {
      jda.awaitReady();
    }
    return client;
  }

  /** Waits for an event of the type matching the predicate, seen at any time so far or later. */
  <T extends GenericEvent> T await(Class<T> type, Predicate<T> predicate, Duration timeout) {
    try {
      return Awaitility.await()
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(10))
          .pollInSameThread()
          .until(
              () ->
                  events.stream()
                      .filter(type::isInstance)
                      .map(type::cast)
                      .filter(predicate)
                      .findFirst(),
              Optional::isPresent)
          .orElseThrow();
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "no "
              + type.getSimpleName()
              + " within "
              + timeout.toMillis()
              + " ms; saw "
              + events.stream().map(ev -> ev.getClass().getSimpleName()).toList(),
          e);
    }
  }

  <T extends GenericEvent> long count(Class<T> type) {
    return events.stream().filter(type::isInstance).count();
  }

  @Override
  public void close() {
    jda.shutdownNow();
    try {
      if (!jda.awaitShutdown(10, TimeUnit.SECONDS)) {
        throw new AssertionError("JDA did not shut down");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
