package dev.takebot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.utils.Compression;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Gateway behaviour that needs a fresh sandbox per case: intents, compression and a clean shutdown.
 */
@DisplayName("The sandbox's gateway")
class DiscordSandboxGatewayTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  @DisplayName(
      "without the Message Content intent others' messages arrive blank unless they mention the bot")
  void messageContentIntent() throws Exception {
    try (DiscordSandbox sandbox = DiscordSandbox.start();
        JdaClient client = JdaClient.connect(sandbox, false)) {
      SandboxMessage plain =
          sandbox.post(sandbox.member(), sandbox.general(), "a take nobody can read");
      SandboxMessage mention =
          sandbox.post(sandbox.member(), sandbox.general(), sandbox.bot().mention() + " hello bot");

      MessageReceivedEvent blank =
          client.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(plain.id()), WAIT);
      MessageReceivedEvent visible =
          client.await(
              MessageReceivedEvent.class, e -> e.getMessageId().equals(mention.id()), WAIT);
      assertThat(blank.getMessage().getContentRaw()).isEmpty();
      assertThat(visible.getMessage().getContentRaw())
          .isEqualTo(sandbox.bot().mention() + " hello bot");
      assertThat(sandbox.message(plain.id()).orElseThrow().content())
          .isEqualTo("a take nobody can read");
    }
  }

  @Test
  @DisplayName("asking for Message Content when the application may not is closed with 4014")
  void disallowedIntent() throws Exception {
    try (DiscordSandbox sandbox =
        DiscordSandbox.builder().messageContentIntentAllowed(false).start()) {
      JdaClient client = JdaClient.connect(sandbox, true, Compression.NONE, false);
      assertThat(client.jda.awaitShutdown(10, TimeUnit.SECONDS)).isTrue();
      assertThat(client.jda.getStatus()).isEqualTo(JDA.Status.SHUTDOWN);
      client.await(
          ShutdownEvent.class, e -> e.getCloseCode() == CloseCode.DISALLOWED_INTENTS, WAIT);
      assertThat(sandbox.gatewayEvents())
          .anySatisfy(e -> assertThat(e.detail()).startsWith("4014"));
    }
  }

  @Test
  @DisplayName("zlib-stream compression works as JDA's default")
  void zlibStream() throws Exception {
    try (DiscordSandbox sandbox = DiscordSandbox.start();
        JdaClient client = JdaClient.connect(sandbox, true, Compression.ZLIB, true)) {
      SandboxMessage m = sandbox.post(sandbox.member(), sandbox.news(), "compressed");
      MessageReceivedEvent got =
          client.await(MessageReceivedEvent.class, e -> e.getMessageId().equals(m.id()), WAIT);
      assertThat(got.getMessage().getContentRaw()).isEqualTo("compressed");
      assertThat(sandbox.gatewayEvents())
          .anySatisfy(e -> assertThat(e.detail()).contains("compress=zlib-stream"));
    }
  }

  @Test
  @DisplayName("close() leaves no sandbox thread and no listening port behind")
  void cleanShutdown() throws Exception {
    java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
    DiscordSandbox sandbox = DiscordSandbox.start();
    int port = sandbox.port();
    JdaClient client = JdaClient.connect(sandbox, true);
    client.close();
    sandbox.close();
    sandbox.close(); // idempotent

    // pool threads may take a moment to exit; one that never does fails the wait (polled on this
    // thread,
    // so the poller is no new thread itself)
    await()
        .atMost(WAIT)
        .pollInSameThread()
        .untilAsserted(
            () ->
                assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(Thread::isAlive)
                    .filteredOn(t -> !before.contains(t))
                    // JDA's HTTP client (OkHttp/Okio) and the common pool keep process-wide
                    // daemons; they are not ours
                    .filteredOn(
                        t ->
                            !t.getName().startsWith("OkHttp")
                                && !t.getName().startsWith("Okio")
                                && !t.getName().startsWith("ForkJoinPool"))
                    .isEmpty());
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }
}
