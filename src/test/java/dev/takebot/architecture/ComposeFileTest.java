package dev.takebot.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.takebot.config.ConfigLoader;
import dev.takebot.config.ShardSettings;
import dev.takebot.config.TakeBotConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code config/docker-compose.yml}, read as YAML (no Docker engine needed): the bot services
 * together run every shard exactly once, from config files that exist and load, over the compose
 * file's PostgreSQL with its data on a volume, with secrets only from the environment.
 */
@DisplayName("The docker-compose file")
class ComposeFileTest {
  private static final Path COMPOSE = Path.of("config", "docker-compose.yml");

  /** The image's working directory: relative paths in a command resolve against it. */
  private static final String IMAGE_WORKDIR = "/app/";

  private static JsonNode compose;

  /** Each bot service and the config file its command names. */
  private static final Map<String, Path> bots = new LinkedHashMap<>();

  @BeforeAll
  static void read() throws IOException {
    compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
    compose
        .path("services")
        .fields()
        .forEachRemaining(
            s -> {
              List<String> command = new ArrayList<>();
              s.getValue().path("command").forEach(c -> command.add(c.asText()));
              if (command.contains("run")) {
                int config = command.indexOf("--config");
                assertThat(config).as("%s names its --config", s.getKey()).isPositive();
                bots.put(s.getKey(), inRepository(command.get(config + 1)));
              }
            });
  }

  /** Where a path in the image comes from: the image copies config/ to /app/config. */
  private static Path inRepository(String imagePath) {
    return Path.of(
        imagePath.startsWith(IMAGE_WORKDIR)
            ? imagePath.substring(IMAGE_WORKDIR.length())
            : imagePath);
  }

  private static TakeBotConfig config(String service) {
    return new ConfigLoader().load(bots.get(service));
  }

  @Test
  @DisplayName("runs at least two bot processes, each from a config file that exists and loads")
  void botsHaveTheirConfig() {
    assertThat(bots).hasSizeGreaterThanOrEqualTo(2);
    for (Map.Entry<String, Path> bot : bots.entrySet()) {
      assertThat(bot.getValue()).as("config of %s", bot.getKey()).isRegularFile();
      assertThat(bot.getValue().normalize().startsWith("config"))
          .as("%s's config is under config/, which the image copies", bot.getKey())
          .isTrue();
      config(bot.getKey());
    }
  }

  @Test
  @DisplayName("the bots agree on the shard total and run every shard exactly once")
  void shardRangesCoverEveryShardOnce() {
    List<Integer> totals = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (String bot : bots.keySet()) {
      ShardSettings shards = config(bot).discord().shards();
      assertThat(shards.auto()).as("%s names its shards", bot).isFalse();
      totals.add(shards.total());
      ids.addAll(shards.ids());
    }
    assertThat(totals).as("shard totals").containsOnly(totals.get(0));
    assertThat(ids)
        .as("shard ids of all bots")
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, totals.get(0)).boxed().toList());
  }

  @Test
  @DisplayName("the bots share the compose file's PostgreSQL, whose data lives on a named volume")
  void botsSharePostgresOnAVolume() {
    JsonNode db = compose.path("services").path("db");
    assertThat(db.path("image").asText()).startsWith("postgres:");
    String volume = db.path("volumes").path(0).asText();
    assertThat(volume).endsWith(":/var/lib/postgresql/data");
    assertThat(compose.path("volumes").has(volume.substring(0, volume.indexOf(':'))))
        .as("declared volume %s", volume)
        .isTrue();
    String database = db.path("environment").path("POSTGRES_DB").asText();
    for (String bot : bots.keySet()) {
      TakeBotConfig c = config(bot);
      assertThat(c.storage().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/" + database);
      assertThat(c.storage().username())
          .isEqualTo(db.path("environment").path("POSTGRES_USER").asText());
      assertThat(compose.path("services").path(bot).path("depends_on").has("db")).isTrue();
    }
  }

  @Test
  @DisplayName("the token and the database password come from the environment, never the files")
  void secretsFromTheEnvironment() throws IOException {
    for (String bot : bots.keySet()) {
      JsonNode env = compose.path("services").path(bot).path("environment");
      assertThat(env.path("DISCORD_TOKEN").asText()).startsWith("${DISCORD_TOKEN");
      String passwordEnv = config(bot).storage().passwordEnv();
      assertThat(passwordEnv).as("%s's storage.passwordEnv", bot).isNotBlank();
      assertThat(env.path(passwordEnv).asText()).startsWith("${" + passwordEnv);
      assertThat(Files.readString(bots.get(bot))).doesNotContainIgnoringCase("token:");
    }
    assertThat(
            compose
                .path("services")
                .path("db")
                .path("environment")
                .path("POSTGRES_PASSWORD")
                .asText())
        .startsWith("${");
  }

  @Test
  @DisplayName("builds the image from the repository's Dockerfile")
  void buildsFromTheRepository() {
    for (String bot : bots.keySet()) {
      JsonNode build = compose.path("services").path(bot).path("build");
      Path context = COMPOSE.getParent().resolve(build.path("context").asText()).normalize();
      assertThat(context.resolve(build.path("dockerfile").asText("Dockerfile"))).isRegularFile();
    }
  }
}
