package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import net.dv8tion.jda.api.utils.Compression;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TakeBot set-up")
class TakeBotTest {

  @Test
  @DisplayName("the invite asks for exactly the seven channel permissions and both scopes")
  void inviteUrl() {
    // View Channel, Send Messages, Embed Links, Attach Files, Read Message History,
    // Create Public Threads, Send Messages in Threads
    long expected =
        (1L << 10) | (1L << 11) | (1L << 14) | (1L << 15) | (1L << 16) | (1L << 35) | (1L << 38);

    assertThat(TakeBot.inviteUrl("42"))
        .isEqualTo(
            "https://discord.com/oauth2/authorize?client_id=42"
                + "&permissions="
                + expected
                + "&scope=bot+applications.commands");
  }

  @Test
  @DisplayName("zlib-stream on Discord's wss:// gateway, none on a plain ws:// one")
  void compression() {
    assertThat(TakeBot.compression("wss://gateway.discord.gg/")).isEqualTo(Compression.ZLIB);
    assertThat(TakeBot.compression("ws://127.0.0.1:1234/gateway")).isEqualTo(Compression.NONE);
  }
}
