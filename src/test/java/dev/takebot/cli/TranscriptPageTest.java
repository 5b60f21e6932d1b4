package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.Member;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("transcript.html")
class TranscriptPageTest {
  /** Takes written to break out of the page: each would set window.pwned if it ran. */
  static final List<String> HOSTILE =
      List.of(
          "<script>window.pwned = 1</script> plain script",
          "<img src=x onerror=\"window.pwned = 2\"> an image",
          "\"><svg onload=window.pwned=3> out of an attribute",
          "[click me](javascript:window.pwned=4) a masked link",
          "[x](https://example.com/\" onmouseover=\"window.pwned=5) a quote in a link",
          "**</strong><iframe src=javascript:window.pwned=6>** inside bold",
          "`</code><script>window.pwned=7</script>` in code",
          "```\n</pre><script>window.pwned=8</script>\n``` in a block",
          "<@1\"><script>window.pwned=9</script>> a mention",
          "</style><script>window.pwned=10</script> style",
          "&lt;script&gt; already escaped stays text, \u0000 a NUL",
          "[https://good.example/](https://evil.example/) a link whose text is another link",
          "[see <https://good.example/>](https://evil.example/) a link inside a link",
          "[data](data:text/html,<script>window.pwned=13</script>) a data: link",
          "w" + "o".repeat(1900) + "w an unbroken word",
          "https://example.com/" + "x".repeat(1900) + " an unbroken link");

  /** A sandbox channel full of hostile takes and a hostile file name, rendered to {@code dir}. */
  static TranscriptPage.Written hostilePage(Path dir) throws Exception {
    try (DiscordSandbox sandbox = DiscordSandbox.start()) {
      Member mallory = sandbox.addMember("<b onclick=window.pwned=11>Mallory</b>");
      for (String text : HOSTILE) {
        sandbox.post(mallory, sandbox.news(), text);
      }
      sandbox.post(
          mallory,
          sandbox.news(),
          "**Bold**, __underlined__, *italic* and [a link](https://example.com/a?b=1&c=2)",
          FileUpload.text("../../<evil>.html", "<script>window.pwned = 12</script>"));
      return new TranscriptPage(sandbox, Map.of()).write(dir);
    }
  }

  @Test
  @DisplayName("escapes every take: the only script is the page's own, no handler, no javascript:")
  void hostileTakesStayText(@TempDir Path dir) throws Exception {
    TranscriptPage.Written w = hostilePage(dir);
    String html = Files.readString(w.page(), StandardCharsets.UTF_8);

    assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(1);
    assertThat(html)
        .doesNotContainPattern("<[^>]*\\son\\w+\\s*=")
        .doesNotContainPattern("(?i)<[^>]*(href|src)\\s*=\\s*\"?javascript:")
        .doesNotContain("<img src=x", "<svg", "<iframe", "\u0000")
        .doesNotContain("href=\"https://example.com/\" onmouseover")
        .doesNotContainPattern("<a [^>]*>(?:(?!</a>).)*<a ")
        .doesNotContain("href=\"https://evil.example/\"")
        .doesNotContainPattern("(?i)<[^>]*(href|src)\\s*=\\s*\"?data:text")
        .contains("&lt;script&gt;window.pwned = 1&lt;/script&gt;")
        .contains("&amp;lt;script&amp;gt; already escaped")
        .contains("&lt;b onclick=window.pwned=11&gt;Mallory&lt;/b&gt;");
    // markdown still works around the escaping
    assertThat(html)
        .contains("<strong>Bold</strong>", "<u>underlined</u>", "<em>italic</em>")
        .contains("<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">");
  }

  @Test
  @DisplayName(
      "saves each file under a plain name inside the folder, never a path from the message")
  void filesStayInTheFolder(@TempDir Path dir) throws Exception {
    TranscriptPage.Written w = hostilePage(dir);

    assertThat(w.files()).hasSize(1);
    Path file = w.files().get(0);
    assertThat(file.getParent()).isEqualTo(dir);
    assertThat(file.getFileName().toString()).isEqualTo("evil_.html");
    try (Stream<Path> all = Files.list(dir)) {
      assertThat(all.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("transcript.html", "evil_.html");
    }
  }

  @Test
  @DisplayName("gives files with the same name distinct names (two summaries, two charts)")
  void sameNamesAreNumbered() {
    Set<String> taken = new HashSet<>(Set.of("transcript.html"));
    assertThat(TranscriptPage.uniqueName("summary-chart.png", taken))
        .isEqualTo("summary-chart.png");
    assertThat(TranscriptPage.uniqueName("summary-chart.png", taken))
        .isEqualTo("summary-chart-2.png");
    assertThat(TranscriptPage.uniqueName("Summary-Chart.png", taken))
        .isEqualTo("Summary-Chart-3.png");
    assertThat(TranscriptPage.uniqueName("transcript.html", taken)).isEqualTo("transcript-2.html");
    assertThat(TranscriptPage.uniqueName("...", taken)).isEqualTo("file");
  }

  @Test
  @DisplayName(
      "writes through a linked folder, and replaces what the folder holds rather than writing"
          + " through a link planted in it")
  void linksInTheFolder(@TempDir Path dir) throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path outside = Files.writeString(dir.resolve("outside.txt"), "keep me");
    Files.createSymbolicLink(real.resolve("transcript.html"), outside);
    Files.createSymbolicLink(real.resolve("evil_.html"), outside);
    Path linked = Files.createSymbolicLink(dir.resolve("linked"), real);

    hostilePage(linked);

    assertThat(Files.readString(outside)).isEqualTo("keep me");
    assertThat(real.resolve("transcript.html")).isRegularFile().isNotEmptyFile();
    assertThat(Files.isSymbolicLink(real.resolve("transcript.html"))).isFalse();
    assertThat(Files.isSymbolicLink(real.resolve("evil_.html"))).isFalse();
    assertThat(Files.readString(real.resolve("transcript.html"))).contains("Mallory");
  }
}
