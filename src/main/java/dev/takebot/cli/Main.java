package dev.takebot.cli;

import dev.takebot.config.ConfigException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point. Every subcommand is registered here, in one place. */
@Command(
    name = "takebot",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Posts news articles to Discord, collects the community's takes and summarises them.",
    subcommands = {
      RunCommand.class,
      DemoCommand.class,
      PreviewCommand.class,
      SentimentCommand.class,
      ConfigCommand.class,
      HealthCommand.class,
      StoreBenchCommand.class,
      SummaryBenchCommand.class,
      ArticleBenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Java 17 encodes stdout in the platform charset; posts are full of emoji (👇, 📅).
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    // "sentiment FILE" is often run one-off on a large file, where start-up counts: with nothing to
    // parse it skips the command line altogether, and with options it skips building every other
    // subcommand (and the logging some of them set up).
    if (plainSentiment(args)) {
      System.exit(
          sentiment(args.length > 1 ? args[1] : null, ShortRunCompilation.inThisJvm(), out, err));
    }
    boolean sentiment = args.length > 0 && args[0].equals("sentiment");
    CommandLine cli;
    try {
      // Building a command builds its analyser: a corrupt resource fails here.
      cli = sentiment ? sentimentOnly() : commandLine();
    } catch (RuntimeException e) {
      System.exit(failure(e, err));
      return;
    }
    if (sentiment) {
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    cli.setOut(out);
    cli.setErr(err);
    System.exit(cli.execute(args));
  }

  /**
   * {@code sentiment}, {@code sentiment -} or {@code sentiment FILE}: no option, and no picocli
   * {@code @argument-file} to expand.
   */
  static boolean plainSentiment(String[] args) {
    if (args.length == 0 || args.length > 2 || !args[0].equals("sentiment")) {
      return false;
    }
    return args.length == 1
        || args[1].equals("-")
        || !(args[1].startsWith("-") || args[1].startsWith("@"));
  }

  /** Tags {@code input} ('-' or null for stdin) with the command line's error handling. */
  static int sentiment(String input, ShortRunCompilation jit, PrintWriter out, PrintWriter err) {
    try {
      return SentimentCommand.tag(input, jit, out, err);
    } catch (RuntimeException e) {
      return failure(e, err);
    }
  }

  /**
   * The configured command line; tests call {@code commandLine().execute(...)} instead of {@link
   * #main}.
   */
  public static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /** The {@code sentiment} subcommand on its own, with the same error handling. */
  static CommandLine sentimentOnly() {
    CommandLine cli = new CommandLine(new SentimentCommand());
    cli.setCommandName("takebot sentiment");
    cli.setExecutionExceptionHandler(Main::handleFailure);
    cli.setParameterExceptionHandler(Main::handleBadArguments);
    return cli;
  }

  /**
   * With {@code factory} creating the subcommands, e.g. a {@code run} that reads a test's
   * environment.
   */
  static CommandLine commandLine(CommandLine.IFactory factory) {
    CommandLine cli = new CommandLine(new Main(), factory);
    cli.setExecutionExceptionHandler(Main::handleFailure);
    cli.setParameterExceptionHandler(Main::handleBadArguments);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Users get one line saying what to fix; stack traces are for the log, not for them. */
  private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    return failure(e, cli.getErr());
  }

  private static int failure(Exception e, PrintWriter err) {
    e = reason(e);
    if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    // Unexpected: the user gets one line; the stack trace is logged at debug level for a bug
    // report.
    LoggerFactory.getLogger(Main.class).debug("Command failed", e);
    err.println("error: " + (e.getMessage() == null ? "unexpected failure" : e.getMessage()));
    return 1;
  }

  /** What went wrong, without picocli's and reflection's wrapping of a subcommand's constructor. */
  private static Exception reason(Exception e) {
    Throwable t = e;
    while ((t instanceof CommandLine.PicocliException
            || t instanceof java.lang.reflect.InvocationTargetException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof Exception inner ? inner : e;
  }

  /** Bad arguments: one line saying what is wrong and where to look, not the whole usage text. */
  private static int handleBadArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr()
        .println(
            "error: "
                + e.getMessage()
                + " (see: takebot "
                + cli.getCommandName().replace("takebot", "").strip()
                + " --help)");
    return cli.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Version from the jar manifest, or "dev" when running from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"takebot " + (v == null ? "dev" : v)};
    }
  }
}
