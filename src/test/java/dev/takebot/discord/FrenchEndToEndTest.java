package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.LexiconSentimentAnalyzer;
import dev.takebot.takes.Discussion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, TakeBot speaks French: a French-speaking member (their client's {@code locale} is
 * {@code fr}) and a French-speaking server ({@code preferred_locale} {@code fr}) see French in the
 * commands Discord shows them, in their private answers and in the public posts.
 */
@DisplayName("French end to end: a French member and a French server read no English")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrenchEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");

  /** A French article, dated, with a link: the post shows its date and a read-more button. */
  static final String ARTICLE =
      """
      ---
      title: Le Mali, le Burkina Faso et le Niger quittent la Cédéao
      date: 2026-05-20
      ---
      Les trois pays du Sahel ont confirmé leur départ de l’organisation régionale. \
      Selon les ministres, la décision est définitive et l’alliance des États du Sahel prendra le relais.

      Les partenaires de la région craignent pour le commerce et la libre circulation des personnes, \
      tandis que les partisans de l’alliance y voient un pas vers la souveraineté.

      https://www.example.org/sahel-cedeao
      """;

  /**
   * English words of TakeBot's own texts that must not appear in what a French reader sees (member
   * quotes aside).
   */
  static final List<String> ENGLISH =
      List.of(
          "Takes on",
          "Tone",
          " takes",
          " members",
          "Positive side",
          "Negative side",
          "Mixed feelings",
          "Most reacted",
          "Themes",
          "mostly",
          "Share your take",
          "Read more",
          "Your take",
          "May 2026",
          "Posted",
          "Takes are collected",
          "[jump]",
          "first summary");

  private BotHarness h;
  private DiscordSandbox sandbox;
  private Member amelie; // a French-speaking member
  private Member ed; // an English-speaking member
  private Discussion discussion;
  private SandboxMessage post;
  private Channel thread;
  private SandboxMessage postAnswer;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h = new BotHarness(dir, LexiconSentimentAnalyzer.standard(), List.of("Moderator"), r -> r);
    sandbox = h.sandbox;
    amelie = sandbox.addMember("amelie");
    ed = sandbox.addMember("ed");
    sandbox.setUserLocale(amelie, "fr");
    sandbox.setUserLocale(sandbox.moderator(), "fr");
    sandbox.setPreferredLocale("fr");
    BotHarness.await(
        "JDA to see the server's French locale",
        () ->
            h.bot.jda().getGuildById(sandbox.guildId()).getLocale()
                == net.dv8tion.jda.api.interactions.DiscordLocale.FRENCH);
    postAnswer =
        sandbox
            .slash(
                sandbox.moderator(),
                sandbox.news(),
                "article post",
                Map.of("file", FileUpload.text("sahel.md", ARTICLE), "now", true))
            .awaitResponse(BotHarness.WAIT);
    Matcher m = POST_LINK.matcher(postAnswer.content());
    assertThat(m.find()).as("jump link in %s", postAnswer.content()).isTrue();
    discussion = h.store.findDiscussion(Long.parseLong(m.group(2))).orElseThrow();
    post = sandbox.message(m.group(2)).orElseThrow();
    thread =
        sandbox.awaitThread(
            t -> t.id().equals(Long.toString(discussion.threadId())), BotHarness.WAIT);
    for (String take :
        List.of(
            "C’est une excellente décision, enfin la souveraineté pour le Mali !",
            "Terrible pour le commerce, le Niger va le regretter.",
            "Je suis partagé : bon pour la souveraineté, mauvais pour le commerce.")) {
      h.awaitTake(sandbox.post(amelie, thread, take).id());
    }
  }

  @AfterAll
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  @DisplayName(
      "every command, subcommand, option, choice and context menu is registered with a French name"
          + " and description")
  void registrationCarriesFrenchLocalizations() {
    List<JsonNode> commands = new ArrayList<>(sandbox.guildCommands());
    commands.addAll(sandbox.globalCommands());
    assertThat(commands).isNotEmpty();
    List<String> untranslated = new ArrayList<>();
    commands.forEach(c -> untranslated(c, c.path("name").asText(), untranslated));
    assertThat(untranslated).isEmpty();
  }

  @Test
  @DisplayName(
      "a French article in a French server: French call to action and thread name, date and"
          + " buttons; the moderator's private answer is French")
  void frenchPost() {
    assertThat(thread.name()).startsWith("Votre avis 👇 · Le Mali");
    String shown = post.visibleText();
    assertThat(shown)
        .contains("**Votre avis 👇**", "📅 20 mai 2026", "Lire la suite · example.org")
        .contains("Donner votre avis");
    assertThat(shown).doesNotContain(ENGLISH);
    assertThat(postAnswer.isEphemeral()).isTrue();
    assertThat(postAnswer.content()).contains("Publié").doesNotContain(ENGLISH);
  }

  @Test
  @DisplayName(
      "a French member's private summary and the French server's public one are French, chart"
          + " included; an English member's private one stays English")
  void summariesFollowTheirReaders() {
    SandboxMessage mine =
        sandbox
            .slash(amelie, thread, "takes summary", Map.of("private", true))
            .awaitResponse(BotHarness.WAIT);
    assertThat(mine.isEphemeral()).isTrue();
    assertThat(mine.visibleText())
        .contains("Avis sur\u00a0: Le Mali", "**3 avis** de **1 membre**", "Ton\u00a0: **")
        .doesNotContain(ENGLISH);
    assertThat(mine.attachments()).isNotEmpty();

    SandboxMessage everyone =
        sandbox
            .slash(ed, thread, "takes summary", Map.of("private", false))
            .awaitResponse(BotHarness.WAIT);
    assertThat(everyone.isEphemeral()).isFalse();
    assertThat(everyone.visibleText()).contains("Avis sur\u00a0: Le Mali").doesNotContain(ENGLISH);

    SandboxMessage edsOwn =
        sandbox
            .slash(ed, thread, "takes summary", Map.of("private", true))
            .awaitResponse(BotHarness.WAIT);
    assertThat(edsOwn.visibleText()).contains("Takes on: Le Mali", "**3 takes** from **1 member**");
  }

  @Test
  @DisplayName(
      "a French member's private answers are French: their takes, a private list, explain, and"
          + " refusals of moderator and manager commands")
  void privateAnswersAreFrench() {
    SandboxMessage mine =
        sandbox.slash(amelie, thread, "takes mine").awaitResponse(BotHarness.WAIT);
    assertThat(mine.visibleText())
        .contains("Vos avis", "sur *Le Mali", "Vos 3 avis ici.")
        .doesNotContain(ENGLISH);

    SandboxMessage list =
        sandbox
            .slash(amelie, sandbox.general(), "takes list", Map.of("sentiment", "negative"))
            .awaitResponse(BotHarness.WAIT);
    assertThat(list.visibleText())
        .contains("Seulement les avis étiquetés **négatif**", "les plus anciens d’abord")
        .doesNotContain(ENGLISH);

    SandboxMessage take =
        sandbox.messages(thread).stream()
            .filter(x -> x.authorId().equals(amelie.id()))
            .findFirst()
            .orElseThrow();
    SandboxMessage explained =
        sandbox.messageCommand(amelie, take, "Explain sentiment").awaitResponse(BotHarness.WAIT);
    assertThat(explained.content()).startsWith("Cet avis est étiqueté").doesNotContain(ENGLISH);

    assertThat(
            sandbox
                .messageCommand(amelie, take, "Correct sentiment")
                .awaitResponse(BotHarness.WAIT)
                .content())
        .startsWith("Seuls les modérateurs peuvent corriger les étiquettes");
    assertThat(
            sandbox
                .slash(amelie, sandbox.general(), "takebot settings")
                .awaitResponse(BotHarness.WAIT)
                .content())
        .startsWith("Seuls les membres ayant la permission Gérer le serveur peuvent modifier");
    assertThat(
            sandbox
                .slash(ed, sandbox.general(), "takebot settings")
                .awaitResponse(BotHarness.WAIT)
                .content())
        .as("an English member is refused in English")
        .startsWith("Only members with the Manage Server permission");
  }

  @Test
  @DisplayName(
      "a French moderator's private preview is French (words and Post, Edit, Cancel), shows the"
          + " post as the French server will see it, and Publier posts it")
  void frenchPreview() {
    InteractionHandle cmd =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            BotHarness.again(
                Map.of(
                    "file", FileUpload.text("sahel-2.md", ARTICLE.replace("Cédéao", "CEDEAO")))));
    List<SandboxMessage> preview = BotHarness.awaitPreview(cmd);
    SandboxMessage control = preview.get(preview.size() - 1);

    assertThat(control.content())
        .contains("**Aperçu**", "vous seul le voyez", "**Publiez**-la")
        .doesNotContain("Preview", "only you", "Post");
    assertThat(control.components().get(0).findValuesAsText("label"))
        .containsExactly("Publier", "Modifier", "Annuler");
    String shown = preview.get(preview.size() - 2).visibleText();
    assertThat(shown)
        .contains("**Votre avis 👇**", "📅 20 mai 2026", "Donner votre avis")
        .doesNotContain(ENGLISH);

    SandboxMessage answer = h.pressPost(sandbox.moderator(), cmd);
    assertThat(answer.content())
        .startsWith("Publié **Le Mali")
        .contains("Les avis sont recueillis");
  }

  @Test
  @DisplayName(
      "the language a server's managers chose wins over its Discord language for public posts,"
          + " while a French member's private answer stays French")
  void chosenLanguageWins() {
    long guild = Long.parseLong(sandbox.guildId());
    h.app.settings().setLanguage(guild, "en");
    try {
      SandboxMessage everyone =
          sandbox
              .slash(amelie, thread, "takes summary", Map.of("private", false))
              .awaitResponse(BotHarness.WAIT);
      assertThat(everyone.visibleText())
          .contains("Takes on: Le Mali", "**3 takes** from **1 member**");
      SandboxMessage hers =
          sandbox
              .slash(amelie, thread, "takes summary", Map.of("private", true))
              .awaitResponse(BotHarness.WAIT);
      assertThat(hers.visibleText()).contains("Avis sur\u00a0: Le Mali");
    } finally {
      h.app.settings().setLanguage(guild, "");
    }
  }

  @Test
  @DisplayName("a French moderator is told in French why a text is no article, line included")
  void articleErrorsInFrench() {
    SandboxMessage answer =
        sandbox
            .slash(
                sandbox.moderator(),
                sandbox.news(),
                "article post",
                Map.of(
                    "file",
                    FileUpload.text("vide.md", "---\ntitle: x\ndate: 2026-13-01\n---\ntexte\n")))
            .awaitResponse(BotHarness.WAIT);
    assertThat(answer.content())
        .startsWith("Impossible d’utiliser cet article\u00a0: vide.md\u00a0: ligne 3\u00a0:")
        .contains("n’est pas une date");
    SandboxMessage pasted =
        sandbox
            .slash(sandbox.moderator(), sandbox.news(), "article post", Map.of("text", "#a #b"))
            .awaitResponse(BotHarness.WAIT);
    assertThat(pasted.content())
        .startsWith("Impossible d’utiliser cet article\u00a0: texte collé\u00a0:")
        .contains("que des hashtags");
  }

  /** Paths of the names and descriptions in {@code node} and below that have no French text. */
  /** ICU MessageFormat syntax a member might type, on purpose or not. */
  static final String PATTERN_SYNTAX = "{0} '{x, plural, one {#} other {# #}}' {count} }{ ''";

  @Test
  @DisplayName(
      "an article title, a take and a member's name written in ICU pattern syntax are shown as"
          + " written, never read as a pattern")
  void patternSyntaxInMembersTextIsShownAsWritten() {
    Member hostile = sandbox.addMember("m{0}'{n, plural, other {#}}'");
    sandbox.setUserLocale(hostile, "fr");
    // A first-line title: in YAML front matter " #" would start a comment.
    String article =
        "Le Sahel "
            + PATTERN_SYNTAX
            + "\n\n"
            + "Les trois pays du Sahel ont confirmé leur départ de l’organisation régionale, et"
            + " les ministres disent que la décision est définitive.\n";
    SandboxMessage answer =
        sandbox
            .slash(
                sandbox.moderator(),
                sandbox.news(),
                "article post",
                Map.of("file", FileUpload.text("piege.md", article), "now", true))
            .awaitResponse(BotHarness.WAIT);
    Matcher m = POST_LINK.matcher(answer.content());
    assertThat(m.find()).as("jump link in %s", answer.content()).isTrue();
    Channel t = sandbox.awaitThread(c -> c.id().equals(m.group(2)), BotHarness.WAIT);
    assertThat(t.name()).isEqualTo("Votre avis 👇 · Le Sahel " + PATTERN_SYNTAX);

    h.awaitTake(sandbox.post(hostile, t, "Excellente décision " + PATTERN_SYNTAX).id());
    SandboxMessage summary =
        sandbox
            .slash(hostile, t, "takes summary", Map.of("private", false))
            .awaitResponse(BotHarness.WAIT);
    assertThat(summary.visibleText())
        .contains("Avis sur\u00a0: Le Sahel {0} '{x, plural", "**1 avis** de **1 membre**")
        .contains("Excellente décision {0} '{x, plural");
    SandboxMessage mine = sandbox.slash(hostile, t, "takes mine").awaitResponse(BotHarness.WAIT);
    assertThat(mine.visibleText()).contains("Vos avis", "Excellente décision {0} '{x, plural");
  }

  @Test
  @DisplayName(
      "a member whose client speaks a language TakeBot has no messages for (ja, pt-BR) or sends a"
          + " garbled locale is answered in English")
  void unknownLocalesFallBackToEnglish() {
    int i = 0;
    for (String tag : List.of("ja", "pt-BR", "x{0}'{n, plural}", "fr_FR_garbage-", "")) {
      Member member = sandbox.addMember("polyglot" + i++);
      sandbox.setUserLocale(member, tag);
      assertThat(
              sandbox.slash(member, thread, "takes mine").awaitResponse(BotHarness.WAIT).content())
          .as("locale %s", tag)
          .startsWith("You have no takes here yet");
    }
  }

  private static void untranslated(JsonNode node, String path, List<String> out) {
    if (node.hasNonNull("name") && !node.path("name_localizations").hasNonNull("fr")) {
      out.add(path + " name");
    }
    if (!node.path("description").asText().isEmpty()
        && !node.path("description_localizations").hasNonNull("fr")) {
      out.add(path + " description");
    }
    for (String child : List.of("options", "choices")) {
      node.path(child).forEach(o -> untranslated(o, path + " " + o.path("name").asText(), out));
    }
  }
}
