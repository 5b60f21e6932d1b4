package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.message.ButtonSpec;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.FieldSpec;
import dev.takebot.message.FileSpec;
import dev.takebot.message.MessageSpec;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MessageSpecs maps message specs to JDA messages")
class MessageSpecsTest {

  @Test
  @DisplayName("content, embed, button and file survive the mapping, and nothing can ping")
  void mapsEverything() {
    EmbedSpec embed =
        new EmbedSpec(
            "Title",
            "https://example.org/a",
            "Body",
            0x123456,
            List.of(new FieldSpec("F", "V", true)),
            "foot",
            null,
            "attachment://chart.png");
    MessageSpec spec =
        new MessageSpec(
            "https://youtu.be/x @everyone",
            List.of(embed),
            List.of(ButtonSpec.primary("takebot-share", "Share your take")),
            List.of(new FileSpec("chart.png", new byte[] {1, 2, 3})));

    try (MessageCreateData data = MessageSpecs.toCreateData(spec)) {
      DataObject json = data.toData();

      assertThat(data.getContent()).isEqualTo("https://youtu.be/x @everyone");
      assertThat(data.getEmbeds())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getTitle()).isEqualTo("Title");
                assertThat(e.getUrl()).isEqualTo("https://example.org/a");
                assertThat(e.getColorRaw()).isEqualTo(0x123456);
                assertThat(e.getFields())
                    .singleElement()
                    .satisfies(f -> assertThat(f.isInline()).isTrue());
                assertThat(e.getImage().getUrl()).isEqualTo("attachment://chart.png");
              });
      assertThat(
              json.getArray("components")
                  .getObject(0)
                  .getArray("components")
                  .getObject(0)
                  .getString("custom_id"))
          .isEqualTo("takebot-share");
      assertThat(data.getFiles())
          .singleElement()
          .satisfies(f -> assertThat(f.getName()).isEqualTo("chart.png"));
      DataObject mentions = json.getObject("allowed_mentions");
      assertThat(mentions.getArray("parse").isEmpty()).isTrue();
      assertThat(mentions.getBoolean("replied_user")).isFalse();
    }
  }

  @Test
  @DisplayName("edits replace every part and also cannot ping")
  void editsCannotPing() {
    DataObject json = MessageSpecs.editText("@here hello").toData();

    assertThat(json.getString("content")).isEqualTo("@here hello");
    assertThat(json.getObject("allowed_mentions").getArray("parse").isEmpty()).isTrue();
    assertThat(json.getArray("components").isEmpty()).isTrue();
  }
}
