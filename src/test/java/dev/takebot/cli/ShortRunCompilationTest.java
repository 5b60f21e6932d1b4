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
      "the platform MBean server reaches the same command where the JDK's provider is not exported"
          + " to us (only the jar's manifest exports it)")
  void withoutTheExport() {
    assertThat(ShortRunCompilation.fromProvider())
        .as("surefire runs without the manifest's Add-Exports")
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
