package dev.takebot.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps a one-off {@code sentiment FILE} run of modest size on HotSpot's quick compiler (C1).
 *
 * <p>Why: on 150,000 texts (2 cores) the optimising compiler (C2) spends about 2 s of CPU compiling
 * and recompiling the tokenizer, while the whole run lasts under a second: its faster code never
 * pays back. Excluding our classes from C2 measured 0.78 → 0.57 s wall and 1.4 → 0.8 CPU s. The
 * balance turns past about 900,000 texts (≈ 90 MB), so larger inputs keep the JVM's default, and so
 * does the long-running bot.
 *
 * <p>How: a compiler directive, the JDK's supported per-method compiler control (what {@code jcmd
 * <pid> Compiler.directives_add} does), added through the DiagnosticCommand MBean. Starting the
 * whole platform MBean server to reach it costs ~90 ms of class loading, a sixth of the run, so the
 * jar's manifest exports {@code sun.management.spi} to us and the MBean comes straight from the
 * JDK's provider (~20 ms); without that export (tests, {@code java -cp}) the platform server is the
 * way. It is only a hint: on a JVM without the MBean, or if anything fails, the run goes on with
 * the default compilers.
 */
final class ShortRunCompilation {
  /** Inputs up to this size are tagged with C1 only (the measured crossover is ~90 MB). */
  static final long MAX_INPUT_BYTES = 64L << 20;

  static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

  /**
   * Every method, not only ours: C2 also spent ~0.25 CPU s on the JDK's string decoding, search and
   * building methods the run calls, which on 2 busy cores measured 1.40 → 0.93 s wall.
   */
  static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

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

  /** For this JVM, reaching the DiagnosticCommand MBean the cheapest way it allows. */
  static ShortRunCompilation inThisJvm() {
    return new ShortRunCompilation(
        () -> {
          DynamicMBean bean = fromProvider();
          return bean == null
              ? fromPlatformServer()
              : (operation, arguments) ->
                  bean.invoke(operation, new Object[] {arguments}, signature());
        });
  }

  private DiagnosticCommand command() {
    if (command == null) {
      command = lookUp.get();
    }
    return command;
  }

  /**
   * Adds the directive when {@code inputBytes} is small enough to gain from it.
   *
   * @return whether the directive is now in force
   */
  boolean apply(long inputBytes) {
    if (inputBytes > MAX_INPUT_BYTES) {
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
      file = Files.writeString(name, DIRECTIVE, StandardOpenOption.CREATE_NEW); // ours to delete
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
                signature());
  }

  /**
   * The MBean straight from the JDK's {@code PlatformMBeanProvider}, or null where that package is
   * not exported to us (only the jar's manifest does) or the JDK has no such provider.
   */
  static DynamicMBean fromProvider() {
    try {
      Class<?> provider = Class.forName("sun.management.spi.PlatformMBeanProvider");
      Class<?> component =
          Class.forName("sun.management.spi.PlatformMBeanProvider$PlatformComponent");
      for (Object p : ServiceLoader.loadInstalled(provider)) {
        for (Object c : (List<?>) provider.getMethod("getPlatformComponentList").invoke(p)) {
          if (DIAGNOSTIC_COMMAND.equals(component.getMethod("getObjectNamePattern").invoke(c))) {
            Map<?, ?> beans = (Map<?, ?>) component.getMethod("nameToMBeanMap").invoke(c);
            for (Object bean : beans.values()) {
              if (bean instanceof DynamicMBean dynamic) {
                return dynamic;
              }
            }
          }
        }
      }
      return null;
    } catch (ReflectiveOperationException
        | RuntimeException
        | ServiceConfigurationError
        | LinkageError e) {
      // ServiceConfigurationError where the package is not exported to us
      return null;
    }
  }

  private static String[] signature() {
    return new String[] {String[].class.getName()};
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
