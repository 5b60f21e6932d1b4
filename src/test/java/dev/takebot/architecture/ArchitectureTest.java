package dev.takebot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The package boundaries of the README, checked rather than hoped for. */
@DisplayName("Architecture")
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.takebot");
  }

  @Test
  @DisplayName("only discord and the command line touch JDA")
  void jdaStaysAtTheEdge() {
    noClasses()
        .that().resideOutsideOfPackages("dev.takebot.discord..", "dev.takebot.cli..")
        .should().dependOnClassesThat().resideInAPackage("net.dv8tion..")
        .because("the core must know nothing of Discord's client library")
        .check(main);
  }

  @Test
  @DisplayName("the core (article, sentiment, takes, message, text, schedule) knows nothing of discord, store, sandbox or cli")
  void coreIsIndependent() {
    noClasses()
        .that().resideInAnyPackage("dev.takebot.article..", "dev.takebot.sentiment..", "dev.takebot.takes..", "dev.takebot.message..",
            "dev.takebot.text..", "dev.takebot.schedule..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.takebot.discord..", "dev.takebot.store..", "dev.takebot.sandbox..", "dev.takebot.cli..")
        .check(main);
  }

  @Test
  @DisplayName("text handling is a leaf on the JDK alone, so article and takes can share it")
  void textIsALeaf() {
    noClasses()
        .that().resideInAPackage("dev.takebot.text..")
        .should().dependOnClassesThat().resideOutsideOfPackages("dev.takebot.text..", "java..")
        .because("text is shared by article and takes: it must not pull in the bot's other parts, or JDA")
        .check(main);
  }

  @Test
  @DisplayName("the sandbox is a server and does not depend on the bot")
  void sandboxIsStandalone() {
    noClasses()
        .that().resideInAPackage("dev.takebot.sandbox..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.takebot.discord..", "dev.takebot.store..", "dev.takebot.takes..", "dev.takebot.cli..")
        .check(main);
  }

  @Test
  @DisplayName("packages have no cycles")
  void noCycles() {
    slices().matching("dev.takebot.(*)..").should().beFreeOfCycles().check(main);
  }
}
