package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("takebot preview")
class PreviewCommandTest {
  private static final String SEED = "config/articles/sahel-reset.txt";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** What one run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new PreviewCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  @DisplayName("prints the seed post as a member would see it")
  void textPreview() {
    Run run = run(SEED);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith(
            "Thread: Your take 👇 · United States Moves to Reset Relations with Burkina Faso, Mali, and Niger\n")
        .contains("── Message 1 of 2 ──\nhttps://youtu.be/PQGu6Lzyf04\n")
        .contains(
            "── Message 2 of 2 · the thread starts here ──\n┃ United States Moves to Reset Relations")
        .contains("┃ The United States is taking steps to normalize relations with Burkina Faso,")
        .contains("military-led")
        .contains("┃ #Russia #Bamako #")
        .contains("┃ Your take 👇\n")
        .contains("┃ 📅 1 February 2026\n  [Share your take]\n")
        .doesNotContain("\\")
        .doesNotContain("**");
  }

  @Test
  @DisplayName(
      "--json prints the thread name and the Create Message bodies as JDA writes them (golden file)")
  void jsonPreview() throws IOException {
    Run run = run("--json", SEED);

    assertThat(run.exitCode()).isZero();
    assertThat(JSON.readTree(run.out())).isEqualTo(golden("sahel-reset.json"));
  }

  @Test
  @DisplayName("previews the Markdown example with front matter, its video and a read-more button")
  void markdownExample() throws IOException {
    Run run = run("--json", "config/articles/example.md");

    assertThat(run.exitCode()).isZero();
    JsonNode post = JSON.readTree(run.out());
    assertThat(post.at("/messages/0/content").asText())
        .isEqualTo("https://youtu.be/dQw4w9WgXcQ?t=65");
    assertThat(post.at("/messages/1/embeds/0/footer/text").asText()).isEqualTo("📅 14 March 2026");
    assertThat(post.at("/messages/1/components/0/components/0/url").asText())
        .isEqualTo("https://www.example.org/ecowas-sanctions");
  }

  @Test
  @DisplayName("--hashtags sets how many hashtags the post shows")
  void hashtagOption() throws IOException {
    Run run = run("--json", "--hashtags", "2", SEED);

    JsonNode description = JSON.readTree(run.out()).at("/messages/1/embeds/0/description");
    assertThat(description.asText()).contains("\n\n#Russia #Bamako\n\n");
  }

  @Test
  @DisplayName("previews the original seed in ../shared when it is there")
  void sharedSeed() {
    String shared = System.getProperty("takebot.shared");
    Path seed = shared == null ? null : Path.of(shared, "seed", "000_efff0f980f46da0b.txt");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        seed != null && Files.isRegularFile(seed),
        "../shared/seed is not here (fresh clone without shared data): skipping");

    assertThat(run("--json", seed.toString()).out()).isEqualTo(run("--json", SEED).out());
  }

  @Test
  @DisplayName("exits 2 with one line on stderr for a missing file")
  void missingFile() {
    assertOneLineError(run("no-such-article.txt"), "error: no-such-article.txt: no such file");
  }

  @Test
  @DisplayName("exits 2 with one line on stderr for a directory")
  void directory() {
    assertOneLineError(
        run(dir.toString()), "error: " + dir + " is a directory, not an article file");
  }

  @Test
  @DisplayName("exits 2 naming the file and the line for an article with a bad date")
  void badArticle() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.txt"), " date 2026-02-31 Title\n\nBody text.\n");

    assertOneLineError(
        run(file.toString()),
        "error: "
            + file
            + ": line 1: bad date '2026-02-31', expected YYYY-MM-DD (e.g. 2026-02-01)");
  }

  @Test
  @DisplayName("exits 2 for an empty, a binary and an oversized file")
  void unusableFiles() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "\n\n");
    Path binary =
        Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0});
    Path large = Files.writeString(dir.resolve("page.html"), "x".repeat(300 * 1024));

    assertOneLineError(
        run(empty.toString()), "error: " + empty + ": article is empty; paste the article text");
    assertOneLineError(
        run(binary.toString()),
        "error: " + binary + ": line 1: contains a NUL byte: this is a binary file, not text");
    assertOneLineError(
        run(large.toString()),
        "error: "
            + large
            + ": article is 300 KB; the limit is 100 KB (paste the article, not the whole page)");
  }

  @Test
  @DisplayName(
      "--locale fr previews a French article as a French server sees it: French call to action,"
          + " thread name, date and buttons")
  void frenchLocale() throws IOException {
    Path article = dir.resolve("sahel-fr.md");
    Files.writeString(
        article,
        """
        ---
        title: Le Mali, le Burkina Faso et le Niger quittent la Cédéao
        date: 2026-05-20
        ---
        Les trois pays du Sahel ont confirmé leur départ de l’organisation régionale. Selon les \
        ministres, la décision est définitive et l’alliance des États du Sahel prendra le relais.

        https://www.example.org/sahel-cedeao
        """);

    Run text = run("--locale", "fr", article.toString());
    Run json = run("--json", "--locale", "fr", article.toString());

    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .contains(
            "Thread: Votre avis 👇 · Le Mali", "📅 20 mai 2026", "[Lire la suite · example.org]")
        .contains("[Donner votre avis]")
        .doesNotContain("Your take", "Read more", "Share your take", "May 2026");
    assertThat(JSON.readTree(json.out()).at("/messages/0/embeds/0/footer/text").asText())
        .isEqualTo("📅 20 mai 2026");
    assertThat(run(article.toString()).out())
        .as("an English server: the article's own call to action, the rest in English")
        .contains("Votre avis 👇", "📅 20 May 2026", "[Share your take]");
  }

  @Test
  @DisplayName("exits 2 for a --locale TakeBot does not speak")
  void badLocale() {
    assertOneLineError(
        run("--locale", "xx", SEED), "error: --locale must be one of en, fr, got xx");
  }

  @Test
  @DisplayName("exits 2 for an out-of-range --hashtags")
  void badHashtagCount() {
    assertOneLineError(
        run("--hashtags", "50", SEED), "error: --hashtags must be between 0 and 20, got 50");
  }

  @Test
  @DisplayName("exits 2 for arguments picocli cannot parse")
  void badArguments() {
    Run notANumber = run("--hashtags", "many", SEED);
    Run noFile = run();

    assertThat(notANumber.exitCode()).isEqualTo(2);
    assertThat(notANumber.err().lines().findFirst())
        .hasValueSatisfying(l -> assertThat(l).contains("--hashtags").contains("many"));
    assertThat(noFile.exitCode()).isEqualTo(2);
    assertThat(noFile.err().lines().findFirst())
        .hasValueSatisfying(l -> assertThat(l).contains("FILE"));
  }

  @Test
  @DisplayName("--help documents the options")
  void help() {
    Run run = run("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("preview", "--json", "--hashtags", "FILE");
  }

  @Test
  @DisplayName("--help lists every exit code the command returns, 1 for a bug included")
  void helpListsExitCodes() {
    Run run = run("--help");

    assertThat(run.out())
        .containsPattern("(?m)^\\s*0\\s")
        .containsPattern("(?m)^\\s*1\\s")
        .containsPattern("(?m)^\\s*2\\s");
  }

  private static void assertOneLineError(Run run, String expected) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(expected + System.lineSeparator());
  }

  private static JsonNode golden(String name) throws IOException {
    try (InputStream in =
        PreviewCommandTest.class.getResourceAsStream("PreviewCommandTest/" + name)) {
      assertThat(in).as("golden file %s", name).isNotNull();
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
