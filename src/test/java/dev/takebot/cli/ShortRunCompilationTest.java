package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A one-off sentiment run keeps our code on the quick compiler")
class ShortRunCompilationTest {

  @Test
  @DisplayName("an input of modest size gets the compiler directive, through this JVM's MBean")
  void smallInput() {
    ShortRunCompilation jit = ShortRunCompilation.inThisJvm();
    try {
      assertThat(jit.apply(15_000_000)).isTrue();
    } finally {
      jit.undo();
    }
  }

  @Test
  @DisplayName(
      "the platform MBean server reaches the same command where the JDK's internals are closed to"
          + " us (only the jar's manifest opens them)")
  void withoutTheOpening() {
    assertThat(ShortRunCompilation.fromJdkInternals())
        .as("surefire runs without the manifest's Add-Opens")
        .isNull();
    ShortRunCompilation jit = new ShortRunCompilation(ShortRunCompilation::fromPlatformServer);
    try {
      assertThat(jit.apply(15_000_000)).isTrue();
    } finally {
      jit.undo();
    }
  }

  @Test
  @DisplayName(
      "keeps every method off C2 up to 32 MB, only ours up to 64 MB (the JDK's methods pay C2 back"
          + " sooner), and none past that")
  void directiveBySize() {
    assertThat(ShortRunCompilation.directive(15_000_000)).isEqualTo(ShortRunCompilation.ALL);
    assertThat(ShortRunCompilation.directive(ShortRunCompilation.MAX_ALL_BYTES))
        .isEqualTo(ShortRunCompilation.ALL);
    assertThat(ShortRunCompilation.directive(ShortRunCompilation.MAX_ALL_BYTES + 1))
        .isEqualTo(ShortRunCompilation.OURS);
    assertThat(ShortRunCompilation.directive(ShortRunCompilation.MAX_INPUT_BYTES))
        .isEqualTo(ShortRunCompilation.OURS);
    assertThat(ShortRunCompilation.directive(ShortRunCompilation.MAX_INPUT_BYTES + 1)).isNull();
  }

  @Test
  @DisplayName(
      "an input past the crossover keeps the default compilers, where C2 pays off, and looks"
          + " nothing up")
  void largeInput() {
    AtomicInteger lookUps = new AtomicInteger();
    ShortRunCompilation jit =
        new ShortRunCompilation(
            () -> {
              lookUps.incrementAndGet();
              return ShortRunCompilation.fromPlatformServer();
            });

    assertThat(jit.apply(ShortRunCompilation.MAX_INPUT_BYTES + 1)).isFalse();
    assertThat(lookUps).hasValue(0);
  }

  @Test
  @DisplayName("a JVM whose command fails runs on with the default compilers")
  void failingCommand() {
    ShortRunCompilation jit =
        new ShortRunCompilation(
            () ->
                (operation, arguments) -> {
                  throw new javax.management.InstanceNotFoundException(operation);
                });

    assertThat(jit.apply(100)).isFalse();
  }
}
