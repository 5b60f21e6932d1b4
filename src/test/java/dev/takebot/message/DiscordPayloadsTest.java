package dev.takebot.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DiscordPayloads")
class DiscordPayloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("renders every part of a message as Discord's Create Message payload")
  void fullMessage() throws IOException {
    EmbedSpec embed = new EmbedSpec(
        "Sahel update",
        "https://example.org/sahel",
        "Three states, one bloc.",
        0xE8A33D,
        List.of(new FieldSpec("Positive", "12", true), new FieldSpec("Negative", "3", false)),
        "📅 1 February 2026",
        Instant.parse("2026-02-01T12:30:00Z"),
        "attachment://chart.png");
    MessageSpec message = new MessageSpec(
        "https://youtu.be/PQGu6Lzyf04",
        List.of(embed),
        List.of(
            ButtonSpec.primary("summary:refresh:42", "Refresh"),
            new ButtonSpec(ButtonSpec.Style.SECONDARY, "Older", "summary:older:42", null, true),
            ButtonSpec.link("https://example.org/sahel", "Read more · example.org")),
        List.of(new FileSpec("chart.png", new byte[] {1, 2, 3})));

    JsonNode payload = DiscordPayloads.createMessage(message);

    assertThat(payload).isEqualTo(golden("full.json"));
  }

  @Test
  @DisplayName("leaves out empty parts and always forbids every mention")
  void minimalMessage() throws IOException {
    JsonNode payload = DiscordPayloads.createMessage(MessageSpec.ofContent("@everyone hello"));

    assertThat(payload).isEqualTo(JSON.readTree("{\"content\":\"@everyone hello\",\"allowed_mentions\":{\"parse\":[]}}"));
  }

  @Test
  @DisplayName("writes only the embed parts that are set, with type rich")
  void sparseEmbed() throws IOException {
    EmbedSpec embed = new EmbedSpec("", null, "Only a description.", null, List.of(), null, null, null);

    assertThat(DiscordPayloads.embed(embed))
        .isEqualTo(JSON.readTree("{\"type\":\"rich\",\"description\":\"Only a description.\"}"));
  }

  private static JsonNode golden(String name) throws IOException {
    try (InputStream in = DiscordPayloadsTest.class.getResourceAsStream("DiscordPayloadsTest/" + name)) {
      assertThat(in).as("golden file %s", name).isNotNull();
      return JSON.readTree(in);
    }
  }
}
