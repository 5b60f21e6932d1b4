package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takebot.cli.PreviewCommandTest.Run;
import dev.takebot.fetch.FixtureServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("takebot preview URL: a page or a feed, fetched with the configuration's fetch.*")
class PreviewLinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final FixtureServer web = new FixtureServer();
  private Path local;

  @BeforeEach
  void serve() throws Exception {
    web.fixture("/news", "text/html; charset=utf-8", "news-page.html");
    web.fixture("/yt.xml", "application/atom+xml", "youtube.xml");
    web.huge("/huge", 10L * 1024 * 1024);
    web.huge("/100k", 100 * 1024);
    web.text("/empty", "text/html", "<html><head><title>Nothing</title></head></html>");
    local = dir.resolve("local.yaml");
    Files.writeString(local, "fetch:\n  allowPrivateAddresses: true\n");
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  @DisplayName("a news page previews as the post: OpenGraph title in the thread name, video first")
  void page() throws Exception {
    Run run = PreviewCommandTest.run("--json", "--config", local.toString(), web.url("/news"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode post = JSON.readTree(run.out());
    assertThat(post.path("threadName").asText())
        .isEqualTo("Your take 👇 · Sahel States and Washington Resume Security Talks in Bamako");
    assertThat(post.path("messages").get(0).path("content").asText())
        .isEqualTo("https://youtu.be/PQGu6Lzyf04");
    assertThat(post.path("messages").get(1).path("embeds").get(0).path("url").asText())
        .isEqualTo("https://youtu.be/PQGu6Lzyf04");
  }

  @Test
  @DisplayName("a feed previews its newest item")
  void feed() {
    Run run = PreviewCommandTest.run("--config", local.toString(), web.url("/yt.xml"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("United States moves to reset relations with Burkina Faso, Mali and Niger")
        .contains("https://youtu.be/PQGu6Lzyf04", "[▶ video player]");
  }

  @Test
  @DisplayName("refusals exit 2 with one line: private address, too large, no text, fetch.maxBytes")
  void refusals() throws Exception {
    assertOneLine(
        PreviewCommandTest.run(web.url("/news")), "error: that address is on a private network");
    assertOneLine(
        PreviewCommandTest.run("--config", local.toString(), web.url("/huge")),
        "error: the page is larger than 2 MB");
    assertOneLine(
        PreviewCommandTest.run("--config", local.toString(), web.url("/empty")),
        "error: no article text found");
    Path small = dir.resolve("small.yaml");
    Files.writeString(small, "fetch:\n  allowPrivateAddresses: true\n  maxBytes: 65536\n");
    assertOneLine(
        PreviewCommandTest.run("--config", small.toString(), web.url("/100k")),
        "error: the page is larger than 64 KB");
  }

  @Test
  @DisplayName("with --locale fr the refusals are French")
  void refusalsInFrench() {
    assertOneLine(
        PreviewCommandTest.run("--locale", "fr", web.url("/news")),
        "error: cette adresse est sur un réseau privé");
    assertOneLine(
        PreviewCommandTest.run("--locale", "fr", "--config", local.toString(), web.url("/huge")),
        "error: la page dépasse 2\u00a0Mo");
    assertOneLine(
        PreviewCommandTest.run("--locale", "fr", "--config", local.toString(), web.url("/empty")),
        "error: aucun texte d’article trouvé");
  }

  @Test
  @DisplayName(
      "with --locale fr a configuration error stays in English, word for word as 'config' and"
          + " 'run' give it: --locale is the readers' language, the file is the operator's")
  void configErrorsStayEnglish() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    java.nio.file.Files.writeString(bad, "fetch:\n  maxByte: 5\n");
    String english =
        org.assertj.core.api.Assertions.catchThrowableOfType(
                dev.takebot.config.ConfigException.class,
                () -> new dev.takebot.config.ConfigLoader().load(bad))
            .getMessage();

    assertThat(english).contains("unknown key 'fetch.maxByte'");
    assertOneLine(
        PreviewCommandTest.run("--locale", "fr", "--config", bad.toString(), web.url("/news")),
        "error: " + english);
  }

  private static void assertOneLine(Run run, String expected) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(expected + System.lineSeparator());
  }
}
