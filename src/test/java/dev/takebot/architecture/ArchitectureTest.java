package dev.takebot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.takebot.takes.Discussions;
import dev.takebot.takes.PrivacyStore;
import dev.takebot.takes.SummaryData;
import dev.takebot.takes.TakeQueries;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeWrites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The package boundaries of the README, checked rather than hoped for. */
@DisplayName("Architecture")
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.takebot");
  }

  @Test
  @DisplayName("only discord and the command line touch JDA")
  void jdaStaysAtTheEdge() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.takebot.discord..", "dev.takebot.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("net.dv8tion..")
        .because("the core must know nothing of Discord's client library")
        .check(main);
  }

  @Test
  @DisplayName(
      "the core (article, sentiment, takes, message, text, schedule) knows nothing of discord, store, sandbox or cli")
  void coreIsIndependent() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.takebot.article..",
            "dev.takebot.sentiment..",
            "dev.takebot.takes..",
            "dev.takebot.message..",
            "dev.takebot.text..",
            "dev.takebot.schedule..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.takebot.discord..",
            "dev.takebot.store..",
            "dev.takebot.sandbox..",
            "dev.takebot.cli..")
        .check(main);
  }

  @Test
  @DisplayName(
      "Discord features go through the services, never around them to the store or its roles")
  void featuresGoThroughServices() {
    noClasses()
        .that()
        .resideInAPackage("dev.takebot.discord..")
        // the composition root opens the store (it owns it) and hands the services their roles
        .and()
        .haveNameNotMatching("dev\\.takebot\\.discord\\.TakeBotAssembly(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.takebot.store..")
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(
            TakeRepository.class,
            Discussions.class,
            TakeWrites.class,
            TakeQueries.class,
            SummaryData.class,
            PrivacyStore.class)
        .because(
            "a feature that writes to the store directly skips what the service does on every change"
                + " (listeners, tombstones), as /article post once saved a discussion past the service")
        .check(main);
  }

  @Test
  @DisplayName(
      "only the interaction router decides who is a moderator; features declare their access")
  void moderatorOnlyIsEnforcedOnce() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.takebot.discord.InteractionRouter")
        .should()
        .callMethod(
            "dev.takebot.discord.Moderators", "isModerator", "net.dv8tion.jda.api.entities.Member")
        .because(
            "a feature that checks for itself can forget a path (a button, a form) or word the refusal"
                + " differently; the router checks each interaction against the feature's declared Access")
        .check(main);
  }

  @Test
  @DisplayName("text handling is a leaf on the JDK alone, so article and takes can share it")
  void textIsALeaf() {
    noClasses()
        .that()
        .resideInAPackage("dev.takebot.text..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("dev.takebot.text..", "java..")
        .because(
            "text is shared by article and takes: it must not pull in the bot's other parts, or JDA")
        .check(main);
  }

  @Test
  @DisplayName("messages (i18n) stand on the JDK and ICU alone, so every package" + " may use them")
  void messagesAreALeaf() {
    noClasses()
        .that()
        .resideInAPackage("dev.takebot.i18n..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("dev.takebot.i18n..", "java..", "com.ibm.icu..")
        .because("features pass in the locale they read from Discord; messages know no Discord")
        .check(main);
  }

  @Test
  @DisplayName("the sandbox is a server and does not depend on the bot")
  void sandboxIsStandalone() {
    noClasses()
        .that()
        .resideInAPackage("dev.takebot.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.takebot.discord..",
            "dev.takebot.store..",
            "dev.takebot.takes..",
            "dev.takebot.cli..")
        .check(main);
  }

  @Test
  @DisplayName(
      "ops (metrics, health, its HTTP server) knows nothing of JDA or the bot's other parts")
  void opsIsALeaf() {
    noClasses()
        .that()
        .resideInAPackage("dev.takebot.ops..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "net.dv8tion..",
            "okhttp3..",
            "io.javalin..",
            "dev.takebot.discord..",
            "dev.takebot.store..",
            "dev.takebot.takes..",
            "dev.takebot.sandbox..",
            "dev.takebot.cli..",
            "dev.takebot.config..")
        .because(
            "the discord package feeds it from JDA's events; the probes must not need the client to"
                + " answer, and the sandbox's web server is for tests and demo only")
        .check(main);
  }

  @Test
  @DisplayName("the core does not record metrics itself: it reports facts its callers count")
  void coreHasNoMeters() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.takebot.article..",
            "dev.takebot.sentiment..",
            "dev.takebot.takes..",
            "dev.takebot.message..",
            "dev.takebot.text..",
            "dev.takebot.schedule..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.takebot.ops..", "io.micrometer..", "io.prometheus..")
        .check(main);
  }

  @Test
  @DisplayName(
      "fetch, web and feed (links and feeds) know nothing of discord, store, sandbox or cli")
  void linksAndFeedsAreCore() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.takebot.fetch..", "dev.takebot.web..", "dev.takebot.feed..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.takebot.discord..",
            "dev.takebot.store..",
            "dev.takebot.sandbox..",
            "dev.takebot.cli..")
        .check(main);
  }

  @Test
  @DisplayName("pages and feeds are read through the safe fetcher only, never fetched directly")
  void onlyTheSafeFetcherFetches() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.takebot.article..", "dev.takebot.web..", "dev.takebot.feed..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("okhttp3..", "java.net.http..")
        .orShould()
        .callMethod(java.net.URL.class, "openConnection")
        .orShould()
        .callMethod(java.net.URL.class, "openStream")
        .because(
            "a page or feed read around SafeFetcher would skip its address checks, size cap and"
                + " time budget")
        .check(main);
  }

  @Test
  @DisplayName("the fetcher is a leaf: it knows no articles, pages or feeds")
  void fetchIsALeaf() {
    noClasses()
        .that()
        .resideInAPackage("dev.takebot.fetch..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.takebot.article..", "dev.takebot.web..", "dev.takebot.feed..")
        .check(main);
  }

  @Test
  @DisplayName("packages have no cycles")
  void noCycles() {
    slices().matching("dev.takebot.(*)..").should().beFreeOfCycles().check(main);
  }
}
