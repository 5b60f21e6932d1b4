package dev.takebot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.takebot.config.ConfigLoader;
import dev.takebot.config.Secrets;
import dev.takebot.config.TakeBotConfig;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code takebot config}: validates a configuration file and prints the effective settings. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description =
        "Check a configuration file and print the effective settings (defaults filled in).")
final class ConfigCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      defaultValue = "config/takebot.yaml",
      description = "Config file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Override
  public Integer call() throws Exception {
    TakeBotConfig loaded = new ConfigLoader().load(config);
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
    JsonNode tree = mapper.valueToTree(loaded);
    redactUrls(tree);
    String yaml = mapper.writeValueAsString(tree);
    spec.commandLine().getOut().print(yaml);
    spec.commandLine().getOut().println("# " + config + ": OK");
    return 0;
  }

  /**
   * Output gets pasted into bug reports and chat: every {@code …Url} value (the JDBC URL, the
   * Discord endpoints, and any added later) is shown with its credentials masked.
   */
  private static void redactUrls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getValue().isTextual()
            && field.getKey().toLowerCase(Locale.ROOT).endsWith("url")) {
          field.setValue(object.textNode(Secrets.redactUrl(field.getValue().asText())));
        } else {
          redactUrls(field.getValue());
        }
      }
    } else {
      node.forEach(ConfigCommand::redactUrls);
    }
  }
}
