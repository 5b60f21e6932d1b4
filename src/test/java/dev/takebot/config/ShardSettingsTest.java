package dev.takebot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("discord.shards")
class ShardSettingsTest {
  private final ConfigLoader loader = new ConfigLoader();

  private ShardSettings parse(String shards) {
    return loader.parse("discord:\n  shards: " + shards + "\n", "t.yaml").discord().shards();
  }

  @Test
  @DisplayName("left out, the bot runs one shard for every guild, as an unsharded bot")
  void defaultIsSingleShard() {
    assertThat(loader.parse("discord:\n  postChannel: news\n", "t.yaml").discord().shards())
        .isEqualTo(new ShardSettings(1, List.of(0)));
    assertThat(DiscordSettings.defaults().shards()).isEqualTo(ShardSettings.SINGLE);
  }

  @Test
  @DisplayName("auto takes Discord's recommended count and runs every shard here")
  void auto() {
    assertThat(parse("auto").auto()).isTrue();
    assertThat(parse("AUTO")).isEqualTo(ShardSettings.AUTO);
  }

  @Test
  @DisplayName("a total with a range, a list of ranges or a YAML list names this process's shards")
  void explicit() {
    assertThat(parse("{total: 8, ids: 0-3}")).isEqualTo(new ShardSettings(8, List.of(0, 1, 2, 3)));
    assertThat(parse("{total: 8, ids: \"4-5, 7\"}"))
        .isEqualTo(new ShardSettings(8, List.of(4, 5, 7)));
    assertThat(parse("{total: 8, ids: [6, 2, 0-1]}"))
        .isEqualTo(new ShardSettings(8, List.of(0, 1, 2, 6)));
    assertThat(parse("{total: 4, ids: 3}")).isEqualTo(new ShardSettings(4, List.of(3)));
    assertThat(parse("{total: 3}")).isEqualTo(new ShardSettings(3, List.of(0, 1, 2)));
    assertThat(parse("2")).isEqualTo(new ShardSettings(2, List.of(0, 1)));
  }

  @Test
  @DisplayName("a shard outside the total, a repeated shard or a backwards range is a clear error")
  void invalid() {
    assertThatThrownBy(() -> parse("{total: 2, ids: 0-3}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("t.yaml:2: discord.shards: ids: shard 2 does not exist with total 2 (0..1)");
    assertThatThrownBy(() -> parse("{total: 4, ids: [1, 0-1]}"))
        .hasMessageContaining("ids lists a shard twice");
    assertThatThrownBy(() -> parse("{total: 4, ids: 3-1}"))
        .hasMessageContaining("range '3-1' runs backwards; write it as 1-3");
    assertThatThrownBy(() -> parse("{total: 4, ids: one}"))
        .hasMessageContaining("ids must be shard numbers or ranges like 0-3");
    assertThatThrownBy(() -> parse("{ids: 0-3}"))
        .hasMessageContaining("total must be a whole number");
    assertThatThrownBy(() -> parse("{total: 0, ids: 0}"))
        .hasMessageContaining("total must be between 1 and");
    assertThatThrownBy(() -> parse("{total: 4, id: 0}"))
        .hasMessageContaining("unknown key 'id' (known keys here: ids, total)");
    assertThatThrownBy(() -> parse("sometimes"))
        .hasMessageContaining("shards must be auto, a number of shards, or {total: 8, ids: 0-3}");
    assertThatThrownBy(() -> parse("0"))
        .hasMessageContaining("the shard count must be between 1 and");
  }
}
