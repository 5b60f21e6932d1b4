package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takebot.message.ButtonSpec;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.FileSpec;
import dev.takebot.message.MessageSpec;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PostPayloads: the messages of an article post, for the bot and the preview alike")
class PostPayloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ButtonSpec READ_MORE = ButtonSpec.link("https://example.org/a", "Read more");

  private static EmbedSpec embed(String description) {
    return new EmbedSpec("", null, description, null, List.of(), "", null, null);
  }

  private static PreparedArticle article(List<MessageSpec> messages, int postIndex) {
    return new PreparedArticle("Title", "key", "Your take · Title", messages, postIndex);
  }

  @Test
  @DisplayName("only the post carries the Share-your-take button, after the buttons it already has")
  void onlyThePostCarriesTheShareButton() {
    MessageSpec video = MessageSpec.ofContent("https://youtu.be/x");
    MessageSpec embed = new MessageSpec("", List.of(embed("Body")), List.of(READ_MORE), List.of());

    List<MessageSpec> messages = PostPayloads.messages(article(List.of(video, embed), 1));

    assertThat(messages.get(0)).isEqualTo(video);
    assertThat(messages.get(1).buttons()).containsExactly(READ_MORE, ShareTakeFeature.BUTTON);
  }

  @Test
  @DisplayName(
      "JSON has one body per message; a file shows as attachment metadata by index, never its bytes")
  void filesAreNamedNotEmbedded() throws IOException {
    MessageSpec withFile =
        new MessageSpec(
            "",
            List.of(embed("Chart")),
            List.of(),
            List.of(new FileSpec("chart.png", new byte[] {42, 43, 44})));

    List<String> bodies = PostPayloads.json(article(List.of(withFile), 0));

    assertThat(bodies).hasSize(1);
    JsonNode body = JSON.readTree(bodies.get(0));
    assertThat(body.get("attachments")).hasSize(1);
    assertThat(body.at("/attachments/0/id").asInt()).isZero();
    assertThat(body.at("/attachments/0/filename").asText()).isEqualTo("chart.png");
    assertThat(body.at("/allowed_mentions/parse")).isEmpty();
    assertThat(body.at("/components/0/components/0/custom_id").asText())
        .isEqualTo(ShareTakeFeature.PREFIX);
  }
}
