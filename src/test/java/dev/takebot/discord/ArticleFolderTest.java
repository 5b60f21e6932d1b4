package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: {@code /article post name:} followed symbolic links, so a link in the articles folder
 * to the bot's config or any readable file had the bot post that file to Discord.
 */
@DisplayName("The articles folder")
class ArticleFolderTest {
  @TempDir Path tmp;

  private Path articles;
  private Path outside;
  private ArticleFolder folder;

  @BeforeEach
  void folderWithAnArticleAndASecretNextToIt() throws Exception {
    articles = Files.createDirectory(tmp.resolve("articles"));
    Files.writeString(articles.resolve("real.md"), "# Real article\n");
    outside = Files.writeString(tmp.resolve("takebot.yaml"), "storage:\n  jdbcUrl: secret-url\n");
    folder = new ArticleFolder(articles);
  }

  private String text(String name) {
    return new String(folder.read(name, 1000).orElseThrow().bytes(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a file in the folder is read by its name")
  void readsAFileInTheFolder() {
    assertThat(text("real.md")).isEqualTo("# Real article\n");
    assertThat(folder.read("missing.md", 1000)).isEmpty();
  }

  @Test
  @DisplayName(
      "a symbolic link leading out of the folder is refused with a clear message, and not offered")
  void linkOutOfTheFolderIsRefused() throws Exception {
    Files.createSymbolicLink(articles.resolve("leak.md"), outside);

    assertThatThrownBy(() -> folder.read("leak.md", 1000))
        .isInstanceOf(UserError.class)
        .hasMessage(
            "`leak.md` links to a file outside the articles folder; I only post files that are in it."
                + " Copy the article into the folder instead.");
    assertThat(folder.names()).containsExactly("real.md");
  }

  @Test
  @DisplayName(
      "a link that loops is refused in the member's language, without the file system's English"
          + " or the server's paths")
  void loopingLinkIsRefusedInOurWords() throws Exception {
    Files.createSymbolicLink(articles.resolve("loop.md"), articles.resolve("loop.md"));

    assertThatThrownBy(() -> folder.read("loop.md", 1000))
        .isInstanceOfSatisfying(
            UserError.class,
            e ->
                assertThat(e.message(dev.takebot.i18n.Texts.forTag("fr")))
                    .startsWith("Impossible d’ouvrir `loop.md`\u00a0: c’est un lien qui")
                    .doesNotContain(tmp.toString(), "symbolic", "Too many"));
  }

  @Test
  @DisplayName("a link to a folder outside, then a name through it, is refused as well")
  void linkedFolderOutsideIsRefused() throws Exception {
    Files.createSymbolicLink(articles.resolve("etc"), tmp);

    assertThatThrownBy(() -> folder.read("etc", 1000))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("outside the articles folder");
    assertThatThrownBy(() -> folder.read("etc/takebot.yaml", 1000))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("without a path");
  }

  @Test
  @DisplayName("names with a path separator or '..' are refused before touching the disk")
  void pathsAreRefused() {
    for (String name :
        new String[] {
          "../takebot.yaml", "..", ".", "sub/real.md", "..\\takebot.yaml", "/etc/passwd"
        }) {
      assertThatThrownBy(() -> folder.read(name, 1000))
          .as(name)
          .isInstanceOf(UserError.class)
          .hasMessageContaining("is not an article name");
    }
  }

  @Test
  @DisplayName(
      "a link between two files of the folder still works, and the folder may itself be a link")
  void linksInsideTheFolderWork() throws Exception {
    Files.createSymbolicLink(articles.resolve("alias.md"), articles.resolve("real.md"));
    Path linkedFolder = Files.createSymbolicLink(tmp.resolve("mounted"), articles);

    assertThat(text("alias.md")).isEqualTo("# Real article\n");
    assertThat(new ArticleFolder(linkedFolder).read("real.md", 1000)).isPresent();
    assertThat(folder.names()).containsExactly("alias.md", "real.md");
  }

  @Test
  @DisplayName("a missing folder has no articles")
  void missingFolder() {
    ArticleFolder none = new ArticleFolder(tmp.resolve("nope"));
    assertThat(none.read("real.md", 1000)).isEmpty();
    assertThat(none.names()).isEmpty();
  }
}
