package dev.takebot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("fetch.* and feeds.* settings: safe defaults, ranges checked with clear errors")
class FetchAndFeedSettingsTest {
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  @DisplayName("by default private addresses are refused, 2 MB, 20 s, feeds every 15 minutes")
  void defaults() {
    TakeBotConfig c = TakeBotConfig.defaults();

    assertThat(c.fetch().allowPrivateAddresses()).isFalse();
    assertThat(c.fetch().maxBytes()).isEqualTo(2 * 1024 * 1024);
    assertThat(c.fetch().totalTimeoutSeconds()).isEqualTo(20);
    assertThat(c.fetch().userAgent()).startsWith("TakeBot/");
    assertThat(c.feeds().pollMinutes()).isEqualTo(15);
    assertThat(c.feeds().postNewestOnAdd()).isTrue();
    assertThat(c.feeds().maxPostsPerPoll()).isEqualTo(2);
    assertThat(c.feeds().forgetAfterDays()).isEqualTo(90);
    assertThat(c.feeds().parallelServers()).isEqualTo(4);
  }

  @Test
  @DisplayName("the sections are read from YAML")
  void parsed() {
    TakeBotConfig c =
        loader.parse(
            "fetch:\n  allowPrivateAddresses: true\n  maxBytes: 65536\n"
                + "feeds:\n  pollMinutes: 30\n  onAdd: None\n  maxPerServer: 3\n"
                + "  forgetAfterDays: 14\n  parallelServers: 2\n",
            "t.yaml");

    assertThat(c.fetch().allowPrivateAddresses()).isTrue();
    assertThat(c.fetch().maxBytes()).isEqualTo(65536);
    assertThat(c.feeds().pollMinutes()).isEqualTo(30);
    assertThat(c.feeds().postNewestOnAdd()).isFalse();
    assertThat(c.feeds().maxPerServer()).isEqualTo(3);
    assertThat(c.feeds().forgetAfterDays()).isEqualTo(14);
    assertThat(c.feeds().parallelServers()).isEqualTo(2);
  }

  @Test
  @DisplayName("out-of-range values and typos are errors naming the key")
  void errors() {
    assertThatThrownBy(() -> loader.parse("fetch:\n  maxBytes: 10\n", "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("maxBytes must be between 65536 and 16777216, got 10");
    assertThatThrownBy(() -> loader.parse("feeds:\n  pollMinutes: 1\n", "t.yaml"))
        .hasMessageContaining("pollMinutes must be between 5 and 1440, got 1");
    assertThatThrownBy(() -> loader.parse("feeds:\n  onAdd: all\n", "t.yaml"))
        .hasMessageContaining("onAdd must be newest or none, got 'all'");
    assertThatThrownBy(() -> loader.parse("feeds:\n  forgetAfterDays: 1\n", "t.yaml"))
        .hasMessageContaining("forgetAfterDays must be between 7 and 3650, got 1");
    assertThatThrownBy(() -> loader.parse("feeds:\n  parallelServers: 0\n", "t.yaml"))
        .hasMessageContaining("parallelServers must be between 1 and 16, got 0");
    assertThatThrownBy(() -> loader.parse("fetch:\n  allowPrivate: true\n", "t.yaml"))
        .hasMessageContaining("unknown key 'fetch.allowPrivate'");
    assertThatThrownBy(() -> loader.parse("fetch:\n  userAgent: \"bad\\nagent\"\n", "t.yaml"))
        .hasMessageContaining("userAgent must be 1-200 printable ASCII characters");
  }
}
