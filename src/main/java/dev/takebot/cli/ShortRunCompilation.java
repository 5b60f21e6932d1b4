package dev.takebot.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.ReflectionException;

/**
 * Keeps a one-off {@code sentiment FILE} run of modest size on HotSpot's quick compiler (C1).
 *
 * <p>Why: on 150,000 texts (2 cores) the optimising compiler (C2) spends about 2 s of CPU compiling
 * and recompiling the tokenizer, while the whole run lasts under a second: its faster code never
 * pays back. Excluding our classes from C2 measured 0.78 → 0.57 s wall and 1.4 → 0.8 CPU s; every
 * method, the JDK's string decoding, search and building too, 1.40 → 0.93 s on 2 busy cores. The
 * JDK's methods pay back C2 sooner: past {@link #MAX_ALL_BYTES} only ours are kept off it, and past
 * about 900,000 texts (≈ 90 MB) none, so larger inputs keep the JVM's default, as does the bot.
 *
 * <p>How: a compiler directive, the JDK's supported per-method compiler control (what {@code jcmd
 * <pid> Compiler.directives_add} does). The jar's manifest opens {@code
 * com.sun.management.internal} to us, so the command goes straight to the JDK's native entry behind
 * the DiagnosticCommand MBean (~5 ms); the MBean itself first describes every command (~40 ms), and
 * reaching it through the platform MBean server costs ~90 ms of class loading, which is the way
 * where the package is closed (tests, {@code java -cp}). It is only a hint: on a JVM without
 * either, or if anything fails, the run goes on with the default compilers.
 */
final class ShortRunCompilation {
  /** Inputs up to this size are tagged with C1 only (the measured crossover is ~90 MB). */
  static final long MAX_INPUT_BYTES = 64L << 20;

  /** Inputs up to this size keep every method off C2, larger ones only ours. */
  static final long MAX_ALL_BYTES = 32L << 20;

  static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
  static final String ALL = "[{ match: \"*.*\", c2: { Exclude: true } }]";
  static final String OURS = "[{ match: \"dev/takebot/*.*\", c2: { Exclude: true } }]";

  /** How an operation of the DiagnosticCommand MBean is called. */
  @FunctionalInterface
  interface DiagnosticCommand {
    Object invoke(String operation, String... arguments) throws JMException;
  }

  private final Supplier<DiagnosticCommand> lookUp;
  private DiagnosticCommand command;

  /** {@code lookUp} runs on first use, so a run that needs no directive never pays for it. */
  ShortRunCompilation(Supplier<DiagnosticCommand> lookUp) {
    this.lookUp = lookUp;
  }

  /** For this JVM, reaching the diagnostic command the cheapest way it allows. */
  static ShortRunCompilation inThisJvm() {
    return new ShortRunCompilation(
        () -> {
          DiagnosticCommand direct = fromJdkInternals();
          return direct == null ? fromPlatformServer() : direct;
        });
  }

  private DiagnosticCommand command() {
    if (command == null) {
      command = lookUp.get();
    }
    return command;
  }

  /** The directive for an input of {@code inputBytes}, or null for the default compilers. */
  static String directive(long inputBytes) {
    return inputBytes > MAX_INPUT_BYTES ? null : inputBytes > MAX_ALL_BYTES ? OURS : ALL;
  }

  /**
   * Adds the directive when {@code inputBytes} is small enough to gain from it.
   *
   * @return whether the directive is now in force
   */
  boolean apply(long inputBytes) {
    String directive = directive(inputBytes);
    if (directive == null) {
      return false;
    }
    Path file = null;
    try {
      // The command reads directives from a file only. Named by process id, not by
      // Files.createTempFile, whose SecureRandom costs a short run ~15 ms; CREATE_NEW refuses a
      // file or link planted at that name (the run then goes on without the directive).
      Path name =
          Path.of(System.getProperty("java.io.tmpdir"))
              .resolve("takebot-jit-" + ProcessHandle.current().pid() + ".json");
      file = Files.writeString(name, directive, StandardOpenOption.CREATE_NEW); // ours to delete
      Object reply = command().invoke("compilerDirectivesAdd", file.toString());
      return String.valueOf(reply).startsWith("1 compiler directives added");
    } catch (IOException | JMException | RuntimeException e) {
      return false;
    } finally {
      deleteQuietly(file);
    }
  }

  /** Removes the directive {@link #apply} added (for tests, which go on in the same JVM). */
  void undo() {
    try {
      command().invoke("compilerDirectivesRemove");
    } catch (JMException | RuntimeException e) {
      // nothing was added
    }
  }

  /** Through the whole platform MBean server, which any JDK has. */
  static DiagnosticCommand fromPlatformServer() {
    return (operation, arguments) ->
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                new ObjectName(DIAGNOSTIC_COMMAND),
                operation,
                new Object[] {arguments},
                new String[] {String[].class.getName()});
  }

  /**
   * The JDK's native entry behind the DiagnosticCommand MBean, which runs a command line as {@code
   * jcmd} does; null where its package is not open to us (only the jar's manifest opens it) or the
   * JDK has no such method.
   */
  static DiagnosticCommand fromJdkInternals() {
    try {
      // Initialising the provider loads the native library the command runs in.
      Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl", true, null);
      Class<?> impl =
          Class.forName("com.sun.management.internal.DiagnosticCommandImpl", true, null);
      Method instance = impl.getDeclaredMethod("getDiagnosticCommandMBean");
      instance.setAccessible(true);
      Method execute = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
      execute.setAccessible(true);
      Object bean = instance.invoke(null);
      if (bean == null) {
        return null; // this JVM runs no diagnostic commands for us
      }
      return (operation, arguments) -> {
        String line =
            switch (operation) {
              case "compilerDirectivesAdd" -> "Compiler.directives_add " + arguments[0];
              case "compilerDirectivesRemove" -> "Compiler.directives_remove";
              default -> throw new IllegalArgumentException(operation);
            };
        try {
          return execute.invoke(bean, line);
        } catch (ReflectiveOperationException e) {
          throw new ReflectionException(e);
        }
      };
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // InaccessibleObjectException where the package is not open to us
      return null;
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temp file of 60 bytes is not worth failing a run for
    }
  }
}
