package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takebot.discord.TakesListCommand.PageRequest;
import dev.takebot.sentiment.Label;
import dev.takebot.takes.TakeQuery;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("/takes list buttons and message links")
class ListPagingTest {
  private static final long SNOWFLAKE = 1_312_345_678_901_234_567L; // near the largest ids Discord hands out

  @Test
  @DisplayName("a page request with every filter round-trips through a custom id of at most 100 characters")
  void roundTrip() {
    for (Label label : Label.values()) {
      PageRequest r = new PageRequest(SNOWFLAKE, new TakeQuery(99, SNOWFLAKE + 1, label, SNOWFLAKE + 2), false,
          Long.MAX_VALUE, 1_234, Instant.parse("2099-12-31T23:59:59Z").getEpochSecond());
      String id = r.customId();
      assertThat(id).startsWith(TakesListCommand.PREFIX + ":").hasSizeLessThanOrEqualTo(100);
      assertThat(PageRequest.parse(id, 99)).isEqualTo(r);
    }
    PageRequest bare = new PageRequest(1, new TakeQuery(5, null, null, null), true, 0, 1, 0);
    assertThat(PageRequest.parse(bare.customId(), 5)).isEqualTo(bare);
  }

  @Test
  @DisplayName("pages expire together 10 minutes after the list was first shown")
  void expiry() {
    Instant shown = Instant.parse("2026-11-28T00:00:00Z");
    PageRequest r = new PageRequest(1, new TakeQuery(5, null, null, null), true, 40, 3, shown.getEpochSecond());
    assertThat(r.expired(shown.plus(Duration.ofMinutes(10)), TakesListCommand.LIFETIME)).isFalse();
    assertThat(r.expired(shown.plus(Duration.ofMinutes(10)).plusSeconds(1), TakesListCommand.LIFETIME)).isTrue();
  }

  @Test
  @DisplayName("a foreign or truncated custom id is rejected, not misread")
  void malformed() {
    assertThatThrownBy(() -> PageRequest.parse("takebot-list:f1:1", 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PageRequest.parse("other:f1:1:1:-:-:-:1", 5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a take is named by its message link (any Discord host) or by its bare id")
  void messageLinks() {
    assertThat(TakeLines.messageId("https://discord.com/channels/1/2/345")).hasValue(345);
    assertThat(TakeLines.messageId(" https://ptb.discord.com/channels/1/2/345 ")).hasValue(345);
    assertThat(TakeLines.messageId("https://discordapp.com/channels/1/2/345")).hasValue(345);
    assertThat(TakeLines.messageId("345")).hasValue(345);
    assertThat(TakeLines.messageId("https://example.com/channels/1/2/345")).isEmpty();
    assertThat(TakeLines.messageId("three")).isEmpty();
  }
}
