package dev.takebot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.takebot.config.ConfigLoader;
import dev.takebot.config.TakeBotConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code takebot config}: validates a configuration file and prints the effective settings. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Check a configuration file and print the effective settings (defaults filled in).")
final class ConfigCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--config", defaultValue = "config/takebot.yaml", description = "Config file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Override
  public Integer call() throws Exception {
    TakeBotConfig loaded = new ConfigLoader().load(config);
    String yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules().writeValueAsString(loaded);
    spec.commandLine().getOut().print(yaml);
    spec.commandLine().getOut().println("# " + config + ": OK");
    return 0;
  }
}
