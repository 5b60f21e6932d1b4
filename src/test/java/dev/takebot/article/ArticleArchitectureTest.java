package dev.takebot.article;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the article package")
class ArticleArchitectureTest {
  private static final JavaClasses ARTICLE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.takebot.article");

  @Test
  @DisplayName("knows nothing of JDA, the Discord edge, storage or the command line")
  void staysOffTheEdges() {
    noClasses()
        .that()
        .resideInAPackage("dev.takebot.article..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "net.dv8tion..",
            "dev.takebot.discord..",
            "dev.takebot.store..",
            "dev.takebot.cli..",
            "picocli..")
        .check(ARTICLE);
  }
}
