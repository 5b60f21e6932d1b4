package dev.takebot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Configuration loading")
class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  @DisplayName("the shipped example config loads and equals the defaults")
  void exampleConfigIsTheDefaults() {
    TakeBotConfig config = loader.load(Path.of("config/takebot.yaml"));
    assertThat(config).isEqualTo(TakeBotConfig.defaults());
    assertThat(config.articles().hashtagLimit()).isEqualTo(6);
    assertThat(config.storage().jdbcUrl()).isEqualTo("jdbc:sqlite:data/takebot.db");
    assertThat(config.discord().moderatorRoles()).containsExactly("Moderator");
  }

  @Test
  @DisplayName("an empty file gives the defaults")
  void emptyFile() {
    assertThat(loader.parse("  \n", "t.yaml")).isEqualTo(TakeBotConfig.defaults());
  }

  @Test
  @DisplayName("an unknown key is an error naming the key, the file line and the known keys")
  void unknownKey() {
    String yaml = "discord:\n  postChannel: news\n  postChanel: general\n";
    assertThatThrownBy(() -> loader.parse(yaml, "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("t.yaml:3: unknown key 'discord.postChanel'")
        .hasMessageContaining("postChannel");
  }

  @Test
  @DisplayName("a wrong type is an error naming the key and the line")
  void wrongType() {
    String yaml = "articles:\n  hashtagLimit: lots\n";
    assertThatThrownBy(() -> loader.parse(yaml, "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "t.yaml:2: 'articles.hashtagLimit' has the wrong type: 'lots' is not a whole number");
  }

  @Test
  @DisplayName("a value out of range is an error saying what is allowed")
  void outOfRange() {
    String yaml = "articles:\n  hashtagLimit: 99\n";
    assertThatThrownBy(() -> loader.parse(yaml, "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("t.yaml:")
        .hasMessageContaining("articles: hashtagLimit must be between 1 and 20, got 99");
  }

  @Test
  @DisplayName("a REST URL without /api/v10/ is refused with an example")
  void badRestUrl() {
    assertThatThrownBy(() -> loader.parse("discord:\n  restUrl: http://localhost:8080\n", "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restUrl must be an http(s) URL ending in /api/v10/");
  }

  @Test
  @DisplayName("malformed YAML is a one-line error with a line number")
  void malformedYaml() {
    assertThatThrownBy(() -> loader.parse("discord:\n  restUrl: [unclosed\n", "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("t.yaml:")
        .hasMessageNotContaining("\n");
  }

  @Test
  @DisplayName("a missing file says how to get one")
  void missingFile(@TempDir Path dir) {
    assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("file not found");
  }

  @Test
  @DisplayName("a real file is read from disk")
  void readsFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(
        f,
        "storage:\n  jdbcUrl: jdbc:postgresql://db/takebot\n  username: bot\n  passwordEnv: DB_PW\n");
    TakeBotConfig config = loader.load(f);
    assertThat(config.storage().jdbcUrl()).isEqualTo("jdbc:postgresql://db/takebot");
    assertThat(config.storage().password(Map.of("DB_PW", "s3cret"))).isEqualTo("s3cret");
  }

  @Test
  @DisplayName("the token comes from DISCORD_TOKEN only, with a pasted 'Bot ' prefix removed")
  void tokenFromEnvironment() {
    assertThat(Secrets.discordToken(Map.of())).isEmpty();
    assertThat(Secrets.discordToken(Map.of("DISCORD_TOKEN", "  "))).isEmpty();
    assertThat(Secrets.discordToken(Map.of("DISCORD_TOKEN", "Bot abc.def "))).contains("abc.def");
    assertThat(Secrets.redact("abc.def")).isEqualTo("<7 chars>").doesNotContain("abc");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName(
      "a plain-text REST URL to another host is refused: it would send the token unencrypted")
  @ValueSource(
      strings = {
        "http://proxy.example/api/v10/",
        "http://10.0.0.5:8080/api/v10/",
        "http://127.0.0.1.example.com/api/v10/",
        "http://localhost@proxy.example/api/v10/",
        "http://[2001:db8::1]/api/v10/",
        "http://0.0.0.0:8080/api/v10/"
      })
  void plainRestUrlRefused(String url) {
    String yaml = "discord:\n  postChannel: news\n  restUrl: " + url + "\n";
    assertThatThrownBy(() -> loader.parse(yaml, "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("t.yaml:")
        .hasMessageContaining(
            "discord: restUrl must start with https:// (http:// sends the bot token unencrypted,"
                + " so it is allowed only to localhost, 127.0.0.0/8 or ::1)")
        .hasMessageNotContaining("\n");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName(
      "a plain-text gateway URL to another host is refused, naming the key and what to use")
  @ValueSource(strings = {"ws://gateway.example/", "ws://192.168.1.2:9000/gateway"})
  void plainGatewayUrlRefused(String url) {
    assertThatThrownBy(() -> loader.parse("discord:\n  gatewayUrl: " + url + "\n", "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "discord: gatewayUrl must start with wss:// (ws:// sends the bot token unencrypted");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName(
      "plain http:// and ws:// stay allowed to loopback hosts (the sandbox, demo, a local proxy)")
  @ValueSource(
      strings = {
        "localhost:8080",
        "LOCALHOST",
        "127.0.0.1:49152",
        "127.8.9.10",
        "[::1]:8080",
        "[::ffff:127.0.0.1]"
      })
  void loopbackMayBePlain(String host) {
    TakeBotConfig config =
        loader.parse(
            "discord:\n  restUrl: http://"
                + host
                + "/api/v10/\n"
                + "  gatewayUrl: ws://"
                + host
                + "/gateway\n",
            "t.yaml");
    assertThat(config.discord().restUrl()).isEqualTo("http://" + host + "/api/v10/");
    assertThat(config.discord().gatewayUrl()).isEqualTo("ws://" + host + "/gateway");
  }

  @Test
  @DisplayName("https:// and wss:// to any host are accepted")
  void encryptedUrlsAccepted() {
    TakeBotConfig config =
        loader.parse(
            "discord:\n  restUrl: https://proxy.example:8443/api/v10/\n"
                + "  gatewayUrl: wss://gateway.example/?v=10\n",
            "t.yaml");
    assertThat(config.discord().restUrl()).isEqualTo("https://proxy.example:8443/api/v10/");
  }

  @Test
  @DisplayName("an error about a URL never echoes the credentials in it")
  void urlErrorsAreRedacted() {
    assertThatThrownBy(
            () ->
                loader.parse("storage:\n  jdbcUrl: jdbc:mysql://db/t?password=hunter2\n", "t.yaml"))
        .hasMessageContaining("jdbc:mysql://db/t?password=***")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(
            () ->
                loader.parse(
                    "discord:\n  restUrl: http://bot:hunter2@proxy.example/api/v10/\n", "t.yaml"))
        .hasMessageContaining("http://bot:***@proxy.example/api/v10/")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  @DisplayName(
      "storage.poolSize and storage.sqliteSynchronous are read from YAML, default to 4 and NORMAL,"
          + " and bad values name the key")
  void storagePoolAndDurability() {
    StorageSettings defaults = TakeBotConfig.defaults().storage();
    assertThat(defaults.poolSize()).isEqualTo(4);
    assertThat(defaults.sqliteSynchronous()).isEqualTo(StorageSettings.SqliteSynchronous.NORMAL);

    StorageSettings read =
        loader.parse("storage:\n  poolSize: 8\n  sqliteSynchronous: FULL\n", "t.yaml").storage();
    assertThat(read.poolSize()).isEqualTo(8);
    assertThat(read.sqliteSynchronous()).isEqualTo(StorageSettings.SqliteSynchronous.FULL);

    assertThatThrownBy(() -> loader.parse("storage:\n  poolSize: 0\n", "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("t.yaml:1: storage: poolSize must be between 1 and 64, got 0");
    assertThatThrownBy(() -> loader.parse("storage:\n  sqliteSynchronous: EXTRA\n", "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "t.yaml:2: 'storage.sqliteSynchronous' has the wrong type: 'EXTRA' is not one of NORMAL, FULL");
  }

  @Test
  @DisplayName("takes.shareCooldownSeconds defaults to 30, is read, and must lie within 0..3600")
  void shareCooldown() {
    assertThat(TakeBotConfig.defaults().takes().shareCooldownSeconds()).isEqualTo(30);
    assertThat(
            loader
                .parse("takes:\n  shareCooldownSeconds: 0\n", "t.yaml")
                .takes()
                .shareCooldownSeconds())
        .isZero();
    assertThatThrownBy(() -> loader.parse("takes:\n  shareCooldownSeconds: -1\n", "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("shareCooldownSeconds");
  }

  @Test
  @DisplayName("a blank discord.moderatorRoles entry is an error, not a role that matches nothing")
  void blankModeratorRole() {
    assertThatThrownBy(() -> loader.parse("discord:\n  moderatorRoles: ['  ']\n", "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("moderatorRoles");
  }

  @Test
  @DisplayName(
      "a departed server's data is purged after 30 days unless configured, within 0 to 3650 days")
  void departedGuildRetention() {
    assertThat(TakeBotConfig.defaults().takes().departedGuildRetentionDays()).isEqualTo(30);
    assertThat(
            loader
                .parse("takes:\n  departedGuildRetentionDays: 0\n", "t.yaml")
                .takes()
                .departedGuildRetentionDays())
        .isZero();
    assertThatThrownBy(() -> loader.parse("takes:\n  departedGuildRetentionDays: -1\n", "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "departedGuildRetentionDays must be between 0 (purge at the next daily run) and 3650,"
                + " got -1");
  }

  @Test
  @DisplayName(
      "ops: metrics off and text logs by default; a port binds to 127.0.0.1 unless a host is set")
  void opsDefaults() {
    OpsSettings none = loader.parse("discord:\n  postChannel: news\n", "t.yaml").ops();
    assertThat(none.serving()).isFalse();
    assertThat(none.jsonLogs()).isFalse();
    OpsSettings port = loader.parse("ops:\n  metricsPort: 9090\n", "t.yaml").ops();
    assertThat(port.serving()).isTrue();
    assertThat(port.metricsHost()).isEqualTo("127.0.0.1");
    OpsSettings all =
        loader
            .parse(
                "ops:\n  metricsPort: 9090\n  metricsHost: 0.0.0.0\n  logFormat: JSON\n", "t.yaml")
            .ops();
    assertThat(all.metricsHost()).isEqualTo("0.0.0.0");
    assertThat(all.jsonLogs()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ops:\n  metricsPort: 70000\n|t.yaml:1: ops: metricsPort must be between 1 and 65535",
        "ops:\n  metricsPort: -1\n|t.yaml:1: ops: metricsPort must be between 1 and 65535",
        "ops:\n  metricsHost: 0.0.0.0\n|t.yaml:1: ops: metricsHost is set but metricsPort is not",
        "ops:\n  metricsPort: 9090\n  metricsHost: http://0.0.0.0:9090\n|t.yaml:1: ops: metricsHost must be a host name",
        "ops:\n  logFormat: xml\n|t.yaml:1: ops: logFormat must be text or json, got 'xml'",
        "ops:\n  metricsPort: lots\n|t.yaml:2: 'ops.metricsPort' has the wrong type",
        "ops:\n  metricPort: 9090\n|t.yaml:2: unknown key 'ops.metricPort'"
      })
  @DisplayName("a bad ops key is an error naming the key, its line and what is allowed")
  void badOpsKeys(String yamlAndMessage) {
    String[] parts = yamlAndMessage.split("\\|");
    assertThatThrownBy(() -> loader.parse(parts[0], "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(parts[1]);
  }
}
