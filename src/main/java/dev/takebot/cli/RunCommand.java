package dev.takebot.cli;

import dev.takebot.config.ConfigLoader;
import dev.takebot.config.Secrets;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.discord.TakeBotAssembly;
import dev.takebot.ops.LogFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code takebot run}: connects to Discord with {@code DISCORD_TOKEN} and runs until the process is
 * stopped (SIGTERM/Ctrl-C), even while still connecting; a shutdown hook closes the bot, then the
 * store (draining pending writes), and exits 0 when that went cleanly, 1 when it did not.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Connect to Discord with the token in DISCORD_TOKEN and run the bot until stopped.")
public final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      defaultValue = "config/takebot.yaml",
      description = "Config file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = "--metrics-port",
      description =
          "Serve /metrics and /health/* on this port, overriding ops.metricsPort (the container"
              + " image sets it for its HEALTHCHECK).")
  Integer metricsPort;

  /**
   * How long a stop may take: drain, gateway close and store close normally take a second or two;
   * past this the process halts with status 1 rather than hang a {@code docker stop} or {@code
   * systemctl stop} until it is killed (within the compose file's 30 s grace period).
   */
  static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(25);

  private final Map<String, String> env;

  public RunCommand() {
    this(System.getenv());
  }

  RunCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    TakeBotConfig cfg = new ConfigLoader().load(config);
    if (metricsPort != null) {
      cfg = cfg.withOps(cfg.ops().withMetricsPort(metricsPort));
    }
    if (cfg.ops().jsonLogs()) {
      LogFormat.json();
    }
    Optional<String> token = Secrets.discordToken(env);
    if (token.isEmpty()) {
      err.println(
          "error: "
              + Secrets.TOKEN_ENV
              + " is not set: export your bot's token"
              + " (Discord Developer Portal > your application > Bot > Reset Token), or try `takebot demo`");
      return 2;
    }
    // The hook is in place before connecting: a SIGTERM while the bot waits for its gateway (an
    // outage, an identify turn) stops it as cleanly as one later, rather than exit 143.
    Stop stop = new Stop(Thread.currentThread());
    Thread hook = new Thread(stop, "takebot-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    TakeBotAssembly runtime;
    try {
      runtime = TakeBotAssembly.start(cfg, token.get(), env);
    } catch (InterruptedException e) {
      if (!stop.requested) {
        stop.abandon(hook, false);
        throw e;
      }
      stop.abandon(hook, true); // start closed what it had opened; the hook exits 0
      return awaitHalt();
    } catch (RuntimeException e) {
      if (stop.requested) {
        // The stop's interrupt can surface as any failure (a pool refusing an interrupted thread);
        // the start closed what it had opened, so this is the stop asked for, not a failed start.
        log.info("Stopped while starting ({})", e.toString());
        stop.abandon(hook, true);
        return awaitHalt();
      }
      if (e instanceof InvalidTokenException) {
        stop.abandon(hook, false);
        err.println(
            "error: Discord rejected the token in "
                + Secrets.TOKEN_ENV
                + ": copy it again from the Developer Portal (Bot > Reset Token)");
        return 2;
      }
      stop.abandon(hook, false);
      throw e;
    } catch (Error e) {
      stop.abandon(hook, false);
      throw e;
    }
    stop.running(runtime);
    log.info("Invite the bot with: {}", runtime.bot().inviteUrl());
    Optional<Boolean> content = runtime.bot().messageContentEnabled();
    if (content.isPresent() && !content.get()) {
      log.warn(
          "The Message Content intent is not enabled for this application: replies will arrive empty"
              + " and only \"Share your take\" submissions will be collected. Enable it in the Developer Portal"
              + " (Bot > Privileged Gateway Intents > Message Content Intent).");
    }
    log.info("TakeBot is running; stop it with Ctrl-C or SIGTERM");
    return awaitHalt();
  }

  /** Waits for the shutdown hook, which ends the process with its own status. */
  private static int awaitHalt() {
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        // the hook interrupts a start under way; it halts the process itself
      }
    }
  }

  /**
   * The shutdown hook: closes the running bot, or stops one still starting (interrupting its wait
   * for the gateway, whereupon the start closes what it had opened), then halts with 0 when that
   * went cleanly, 1 when it did not.
   */
  private static final class Stop implements Runnable {
    private final Thread main;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean requested;
    private volatile TakeBotAssembly runtime;
    private volatile boolean startStopped;

    Stop(Thread main) {
      this.main = main;
    }

    void running(TakeBotAssembly r) {
      runtime = r;
      started.countDown();
    }

    /**
     * The start ended without a bot: stopped by this hook ({@code stopped}), or failed, when the
     * hook must not run on the exit that follows.
     */
    void abandon(Thread hook, boolean stopped) {
      startStopped = stopped;
      started.countDown();
      if (!stopped && !requested) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook runs anyway and reports the failed start
        }
      }
    }

    @Override
    public void run() {
      requested = true;
      log.info("Shutting down (at most {} s)", SHUTDOWN_LIMIT.toSeconds());
      watchdog(SHUTDOWN_LIMIT);
      int status = 0;
      try {
        if (started.getCount() > 0) {
          main.interrupt(); // still connecting: its wait for the gateway ends
          started.await();
        }
        TakeBotAssembly r = runtime;
        if (r != null) {
          r.close();
        } else if (!startStopped) {
          throw new IllegalStateException("the bot failed while starting");
        }
        log.info("Stopped cleanly");
      } catch (RuntimeException | Error | InterruptedException e) {
        log.error("Shutdown did not complete cleanly", e);
        status = 1;
      }
      // After SIGTERM the JVM exits 143 (128 + 15), which systemd and Docker record as a failure.
      // Once everything is closed, halting sets the status; System.exit from a shutdown hook would
      // block forever.
      Runtime.getRuntime().halt(status);
    }
  }

  /** Halts with status 1 if the stop has not finished within {@code limit}. */
  private static void watchdog(Duration limit) {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(limit.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              log.error("Shutdown took longer than {} s; halting", limit.toSeconds());
              Runtime.getRuntime().halt(1);
            },
            "takebot-shutdown-watchdog");
    t.setDaemon(true);
    t.start();
  }
}
