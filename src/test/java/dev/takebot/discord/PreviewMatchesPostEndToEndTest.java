package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.takebot.cli.PreviewCommand;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.RecordedRequest;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Regression: {@code preview --json} promised "the exact REST payloads" but rendered them by hand,
 * and its golden file came from that same renderer; the real post carried the "Share your take"
 * button, the preview did not. Here the real bot posts an article through real JDA and the sandbox
 * records the request bodies, which must equal what {@code preview --json} prints for the same
 * file. The post goes out through {@code /article post}'s private preview, whose messages must
 * carry the same bodies too: the command line, the preview in Discord and the post agree.
 */
@DisplayName(
    "preview --json and the private preview show exactly the bodies /article post sends (real JDA,"
        + " sandbox)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewMatchesPostEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BotHarness h;
  private DiscordSandbox sandbox;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h = new BotHarness(dir, new KeywordAnalyzer(), List.of(), r -> r);
    sandbox = h.sandbox;
  }

  @AfterAll
  void stop() {
    h.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sahel-reset.txt", "example.md"})
  @DisplayName(
      "every Create Message body of a real post equals the preview's payload for the same article")
  void recordedBodiesEqualThePreview(String name) throws IOException {
    JsonNode preview = JSON.readTree(preview(Path.of("config", "articles", name)));
    String messages = "channels/" + sandbox.news().id() + "/messages";
    int mark = sandbox.requests().size();

    // when a moderator posts the same file from the articles folder, through its preview
    SandboxMessage answer =
        h.pressPost(
            sandbox.moderator(),
            sandbox.slash(
                sandbox.moderator(), sandbox.news(), "article post", Map.of("name", name)));
    assertThat(answer.content()).startsWith("Posted **");

    // then each message the bot sent has exactly the body the preview printed, in the same order
    List<RecordedRequest> log = sandbox.requests();
    List<JsonNode> sent = new ArrayList<>();
    List<JsonNode> previewed = new ArrayList<>();
    List<String> threadNames = new ArrayList<>();
    for (RecordedRequest r : log.subList(mark, log.size())) {
      if (r.method().equals("POST") && r.path().startsWith("webhooks/")) {
        previewed.add(asSent(JSON.readTree(r.body())));
      } else if (r.is("POST", messages)) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(200);
        sent.add(withoutSendFields(JSON.readTree(r.body())));
      } else if (r.method().equals("POST") && r.path().matches(messages + "/\\d+/threads")) {
        threadNames.add(JSON.readTree(r.body()).path("name").asText());
      }
    }
    assertThat(sent).containsExactlyElementsOf(preview.get("messages"));
    // and the private preview showed the same bodies, then its control message
    assertThat(previewed).hasSize(sent.size() + 1);
    assertThat(previewed.subList(0, sent.size())).containsExactlyElementsOf(sent);
    // and the thread it opens has the name the preview printed
    assertThat(threadNames).containsExactly(preview.get("threadName").asText());
    // and the preview shows the post's button, which a hand-made rendering once left out
    assertThat(preview.findValuesAsText("custom_id")).contains(ShareTakeFeature.BUTTON.customId());
  }

  /**
   * Drops what JDA's send action adds to the message's own JSON on every send, after checking it: a
   * random {@code nonce} (it differs per request, so no preview can print it) and {@code
   * enforce_nonce} (always true: it tells Discord to drop a duplicate with the same nonce, e.g. a
   * retried request).
   */
  private static JsonNode withoutSendFields(JsonNode body) {
    ObjectNode copy = body.deepCopy();
    assertThat(copy.path("nonce").asText()).as("nonce of %s", body).matches("\\d+");
    assertThat(copy.path("enforce_nonce").asBoolean()).as("enforce_nonce of %s", body).isTrue();
    copy.remove(List.of("nonce", "enforce_nonce"));
    return copy;
  }

  /**
   * A preview message's body as the channel message's would be: the same but for the ephemeral flag
   * (64) of an answer only the moderator sees.
   */
  private static JsonNode asSent(JsonNode body) {
    ObjectNode copy = body.deepCopy();
    assertThat(copy.path("flags").asInt()).as("flags of %s", body).isEqualTo(64);
    copy.put("flags", 0);
    return copy;
  }

  /**
   * Runs {@code takebot preview --json FILE} as the command line does and returns what it printed.
   */
  private static String preview(Path file) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new PreviewCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("--json", file.toString());
    assertThat(code).as("preview exit code, stderr: %s", err).isZero();
    return out.toString();
  }
}
