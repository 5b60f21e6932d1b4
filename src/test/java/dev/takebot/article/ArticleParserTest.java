package dev.takebot.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ArticleParser")
class ArticleParserTest {

  @Nested
  @DisplayName("the seed format")
  class SeedFormat {

    @Test
    @DisplayName(
        "reads title, date, paragraphs, the author's hashtags, the video and the call to action")
    void readsTheSeed() {
      Article article = ArticleParser.parse(Seed.configCopy());

      assertThat(article.format()).isEqualTo(Article.Format.SEED);
      assertThat(article.title())
          .isEqualTo("United States Moves to Reset Relations with Burkina Faso, Mali, and Niger");
      assertThat(article.date()).isEqualTo(LocalDate.of(2026, 2, 1));
      assertThat(article.paragraphs()).hasSize(9);
      assertThat(article.paragraphs().get(0))
          .startsWith("The United States is taking steps to normalize relations");
      assertThat(article.paragraphs())
          .noneMatch(p -> p.contains("http") || p.contains("#") || p.contains("Your take"));
      assertThat(article.paragraphs().get(1)).contains("aligned with Russia, both");
      assertThat(article.hashtags()).containsExactly("Russia", "Bamako");
      assertThat(article.videoUrl()).isEqualTo("https://youtu.be/PQGu6Lzyf04");
      assertThat(article.links()).isEmpty();
      assertThat(article.callToAction()).isEqualTo("Your take 👇");
      assertThat(article.articleKey()).matches("[0-9a-f]{16}");
    }

    @Test
    @DisplayName("reads the original seed in ../shared the same as the project's copy")
    void sharedSeedMatchesCopy() {
      Article shared = ArticleParser.parse(Seed.shared());

      assertThat(shared).isEqualTo(ArticleParser.parse(Seed.configCopy()));
    }

    @Test
    @DisplayName("tolerates CRLF, a BOM, tabs and stray whitespace, and keeps the same article key")
    void toleratesWindowsAndWhitespace() {
      String seed = Seed.configCopy();
      String messy =
          "\uFEFF"
              + seed.replace("\n", "  \r\n").replace("The alliance", "\tThe  alliance")
              + "\r\n\r\n";

      Article clean = ArticleParser.parse(seed);
      Article parsed = ArticleParser.parse(messy);

      assertThat(parsed.title()).isEqualTo(clean.title());
      assertThat(parsed.paragraphs()).isEqualTo(clean.paragraphs());
      assertThat(parsed.videoUrl()).isEqualTo(clean.videoUrl());
      assertThat(ArticleParser.parse(seed.replace("\n", "\r\n")).articleKey())
          .isEqualTo(clean.articleKey());
      assertThat(ArticleParser.parse("\uFEFF" + seed).articleKey()).isEqualTo(clean.articleKey());
    }

    @Test
    @DisplayName("gives different articles different keys")
    void keysDiffer() {
      String seed = Seed.configCopy();

      assertThat(ArticleParser.parse(seed.replace("Bamako", "Kayes")).articleKey())
          .isNotEqualTo(ArticleParser.parse(seed).articleKey());
    }

    @Test
    @DisplayName("reads raw bytes as strict UTF-8")
    void readsBytes() {
      byte[] bytes = Seed.configCopy().getBytes(StandardCharsets.UTF_8);

      assertThat(ArticleParser.parse(bytes)).isEqualTo(ArticleParser.parse(Seed.configCopy()));
    }
  }

  @Nested
  @DisplayName("Markdown")
  class Markdown {

    @Test
    @DisplayName("takes title, date, tags and video from YAML front matter and strips the markup")
    void frontMatter() {
      String md =
          """
          ---
          title: "Niger's junta opens talks with Washington"
          date: 2026-02-03
          tags: [Niger, sahel, "#AES"]
          video: https://www.youtube.com/watch?v=PQGu6Lzyf04&feature=youtu.be&t=1m
          author: Desk
          ---

          # Niger's junta opens talks with Washington

          The **military government** of Niger said on _Tuesday_ that it would [meet envoys](https://www.state.gov/niger?utm_source=x) in Niamey.

          ## Background

          - Niger expelled French troops in 2023.
          - The #Sahel alliance now counts three states.

          ```
          code that is not prose
          ```

          Background: [Sahel sanctions explained](https://example.org/sanctions)
          """;

      Article article = ArticleParser.parse(md);

      assertThat(article.format()).isEqualTo(Article.Format.MARKDOWN);
      assertThat(article.title()).isEqualTo("Niger's junta opens talks with Washington");
      assertThat(article.date()).isEqualTo(LocalDate.of(2026, 2, 3));
      assertThat(article.hashtags()).containsExactly("Niger", "sahel", "AES");
      assertThat(article.videoUrl()).isEqualTo("https://youtu.be/PQGu6Lzyf04?t=60");
      assertThat(article.links())
          .containsExactly("https://www.state.gov/niger", "https://example.org/sanctions");
      assertThat(article.paragraphs())
          .containsExactly(
              "The military government of Niger said on Tuesday that it would meet envoys in Niamey.",
              "Niger expelled French troops in 2023.",
              "The Sahel alliance now counts three states.");
    }

    @Test
    @DisplayName("without front matter takes the first heading as the title")
    void headingTitle() {
      Article article =
          ArticleParser.parse(
              "# Mali *reopens* its embassy\n\nThe embassy in Bamako reopened on Monday.\n");

      assertThat(article.format()).isEqualTo(Article.Format.MARKDOWN);
      assertThat(article.title()).isEqualTo("Mali reopens its embassy");
      assertThat(article.date()).isNull();
      assertThat(article.paragraphs()).containsExactly("The embassy in Bamako reopened on Monday.");
    }

    @Test
    @DisplayName("with front matter but no title takes the first line after it")
    void frontMatterWithoutTitle() {
      Article article =
          ArticleParser.parse(
              "---\ndate: 2026-01-05\n---\n# Talks resume\n\nTalks resumed in Niamey today.\n");

      assertThat(article.title()).isEqualTo("Talks resume");
      assertThat(article.date()).isEqualTo(LocalDate.of(2026, 1, 5));
    }
  }

  @Nested
  @DisplayName("plain text")
  class PlainText {

    @Test
    @DisplayName(
        "takes the first line as the title and keeps read-more links and trailing title tags")
    void plain() {
      String text =
          """
          Burkina Faso signs a mining deal #Mining

          Ouagadougou signed an agreement on gold exports on Friday. Officials said more deals would follow.
          Read more: https://example.com/story?utm_campaign=feed&id=9

          What do you think?
          """;

      Article article = ArticleParser.parse(text);

      assertThat(article.format()).isEqualTo(Article.Format.PLAIN);
      assertThat(article.title()).isEqualTo("Burkina Faso signs a mining deal");
      assertThat(article.hashtags()).containsExactly("Mining");
      assertThat(article.paragraphs())
          .containsExactly(
              "Ouagadougou signed an agreement on gold exports on Friday. Officials said more deals would follow.");
      assertThat(article.links()).containsExactly("https://example.com/story?id=9");
      assertThat(article.videoUrl()).isNull();
      assertThat(article.callToAction()).isEqualTo("What do you think?");
    }

    @Test
    @DisplayName("finds a video link written inline in a paragraph")
    void inlineVideo() {
      Article article =
          ArticleParser.parse(
              "Title here\n\nSee the clip at https://m.youtube.com/watch?v=PQGu6Lzyf04&si=x now.\n");

      assertThat(article.videoUrl()).isEqualTo("https://youtu.be/PQGu6Lzyf04");
      assertThat(article.paragraphs()).containsExactly("See the clip at now.");
    }
  }

  @DisplayName(
      "rejects input that cannot be an article with a one-line message saying what and where")
  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void rejectsBadInput(String what, String input, String expectedMessage, int line) {
    assertThatThrownBy(() -> ArticleParser.parse(input))
        .isInstanceOf(ArticleFormatException.class)
        .hasMessageStartingWith(expectedMessage)
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
              assertThat(((ArticleFormatException) e).line()).isEqualTo(line);
            });
  }

  @DisplayName(
      "front matter the YAML parser refuses is explained in the reader's language, with the fix,"
          + " never in the parser's English")
  @ParameterizedTest(name = "{0}")
  @MethodSource("badFrontMatter")
  void yamlProblemsInFrench(String what, String frontMatter, String expectedFrench) {
    String input = "---\n" + frontMatter + "\n---\nBody text of the article, a paragraph.\n";

    assertThatThrownBy(() -> ArticleParser.parse(input))
        .isInstanceOfSatisfying(
            ArticleFormatException.class,
            e ->
                assertThat(e.message(dev.takebot.i18n.Texts.forTag("fr")))
                    .isEqualTo(expectedFrench));
  }

  static Stream<Arguments> badFrontMatter() {
    String start = "ligne 2\u00a0: l’en-tête n’est pas du YAML valide\u00a0: ";
    return Stream.of(
        Arguments.of(
            "a colon in a title",
            "title: Niger: la frontière rouvre",
            start
                + "un «\u00a0:\u00a0» mal placé (mettez entre guillemets une valeur qui contient"
                + " «\u00a0:\u00a0», et n’indentez pas les clés)"),
        Arguments.of(
            "an unclosed quote",
            "title: \"Niger\ndate: 2026-05-20",
            start + "un guillemet est ouvert mais jamais fermé"),
        Arguments.of(
            "an unclosed bracket",
            "tags: [Niger, Bénin\n",
            start + "un crochet ou une accolade est ouvert mais jamais fermé"),
        Arguments.of(
            "a value starting with @",
            "title: @Niger",
            start + "une valeur qui commence par @, ` ou % doit être entre guillemets"));
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("empty", "", "article is empty", 0),
        Arguments.of("only whitespace", " \n\t\r\n  \n", "article is empty", 0),
        Arguments.of(
            "binary (NUL byte)", "Title\n\nsome\u0000text", "line 3: contains a NUL byte", 3),
        Arguments.of(
            "binary (control characters)",
            "Title\n\n" + "\u0001\u0002\u0003\u0004\u0005 abc".repeat(5),
            "article has 25 control characters",
            0),
        Arguments.of(
            "only hashtags", "#Russia #Mali\n\n#Niger\n", "line 1: article has only hashtags", 1),
        Arguments.of(
            "no title (first line is a paragraph)",
            "word ".repeat(60) + "\n\nMore text.",
            "line 1: no title: the first line is 299 characters",
            1),
        Arguments.of(
            "no title (no words)", "\n\n---- !!! ----\n\nBody text here.", "line 3: no title", 3),
        Arguments.of(
            "no title (a link)",
            "https://youtu.be/PQGu6Lzyf04\n\nBody.",
            "line 1: the first line is a link",
            1),
        Arguments.of(
            "too large",
            "Title\n\n" + "A sentence of filler text. ".repeat(4000),
            "article is 106 KB; the limit is 100 KB",
            0),
        Arguments.of(
            "bad date",
            " date 2026-13-01 Title\n\nBody.",
            "line 1: bad date '2026-13-01', expected YYYY-MM-DD",
            1),
        Arguments.of(
            "impossible date",
            "date 2026-02-30 Title\n\nBody.",
            "line 1: bad date '2026-02-30'",
            1),
        Arguments.of("date without value", "date\n\nBody.", "line 1: 'date' needs a value", 1),
        Arguments.of("seed without title", " date 2026-02-01\n\nBody.", "line 1: no title", 1),
        Arguments.of(
            "no body",
            "Just a title\n\n#Tag\n\nhttps://youtu.be/PQGu6Lzyf04\n",
            "line 2: no article text after the title",
            2),
        Arguments.of(
            "unclosed front matter",
            "---\ntitle: x\n\nBody",
            "line 1: front matter starts with '---' but is never closed",
            1),
        Arguments.of(
            "bad YAML",
            "---\ntitle: x\ntags: [a, b\n---\nBody.",
            "line 3: front matter is not valid YAML",
            3),
        Arguments.of(
            "front matter date",
            "---\ntitle: x\ndate: yesterday\n---\nBody.",
            "line 3: front matter date 'yesterday' is not a date",
            3),
        Arguments.of(
            "front matter title list",
            "---\ntitle: [a, b]\n---\nBody.",
            "line 2: front matter 'title' must be a single value",
            2));
  }

  @Test
  @DisplayName("rejects bytes that are not UTF-8, naming the line")
  void rejectsNonUtf8() {
    byte[] latin1 = "Title\n\nCaf\u00e9 in Bamako.".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> ArticleParser.parse(latin1))
        .isInstanceOf(ArticleFormatException.class)
        .hasMessage("line 3: not UTF-8 text (bad byte at offset 10); save the file as UTF-8");
  }

  @Test
  @DisplayName("rejects binary bytes before decoding them")
  void rejectsBinaryBytes() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    assertThatThrownBy(() -> ArticleParser.parse(png))
        .hasMessage("line 3: contains a NUL byte: this is a binary file, not text");
  }
}
