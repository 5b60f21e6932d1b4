package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takebot.discord.TakesListCommand.PageRequest;
import dev.takebot.sentiment.Label;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.TakeQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("/takes list buttons and message links")
class ListPagingTest {
  private static final long SNOWFLAKE =
      1_312_345_678_901_234_567L; // near the largest ids Discord hands out
  private static final ChannelScope SCOPE = ChannelScope.only(List.of(SNOWFLAKE + 3));

  @Test
  @DisplayName(
      "a page request with every filter round-trips through a custom id of at most 100 characters")
  void roundTrip() {
    for (Label label : Label.values()) {
      PageRequest r =
          new PageRequest(
              SNOWFLAKE,
              new TakeQuery(99, SNOWFLAKE + 1, label, SNOWFLAKE + 2, SCOPE),
              false,
              Long.MAX_VALUE,
              1_234,
              Instant.parse("2099-12-31T23:59:59Z").getEpochSecond());
      String id = r.customId();
      assertThat(id).startsWith(TakesListCommand.PREFIX + ":").hasSizeLessThanOrEqualTo(100);
      assertThat(PageRequest.parse(id, 99, SCOPE)).isEqualTo(r);
    }
    PageRequest bare = new PageRequest(1, new TakeQuery(5, null, null, null, SCOPE), true, 0, 1, 0);
    assertThat(PageRequest.parse(bare.customId(), 5, SCOPE)).isEqualTo(bare);
  }

  @Test
  @DisplayName("pages expire together 10 minutes after the list was first shown")
  void expiry() {
    Instant shown = Instant.parse("2026-11-28T00:00:00Z");
    PageRequest r =
        new PageRequest(
            1, new TakeQuery(5, null, null, null, SCOPE), true, 40, 3, shown.getEpochSecond());
    assertThat(r.expired(shown.plus(Duration.ofMinutes(10)), TakesListCommand.LIFETIME)).isFalse();
    assertThat(
            r.expired(shown.plus(Duration.ofMinutes(10)).plusSeconds(1), TakesListCommand.LIFETIME))
        .isTrue();
  }

  @Test
  @DisplayName("a foreign, truncated or tampered custom id is rejected, not misread")
  void malformed() {
    for (String id :
        List.of(
            "takebot-list:x1:1:1:-:-:-:1",
            "takebot-list:f:1:1:-:-:-:1",
            "takebot-list:f1:1:1:-:NE:-:1",
            "takebot-list:f1:1:1:-::-:1",
            "takebot-list:f1:1:1:zzzzzzzzzzzzzzzz:-:-:1",
            "takebot-list:f1:1:1:-:-:-:")) {
      assertThatThrownBy(() -> PageRequest.parse(id, 5, SCOPE))
          .as(id)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> PageRequest.parse("takebot-list:f1:1", 5, SCOPE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PageRequest.parse("other:f1:1:1:-:-:-:1", 5, SCOPE))
        .isInstanceOf(IllegalArgumentException.class);
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
