package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.ButtonSpec;
import dev.takebot.message.MessageSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The messages of an article post, decided and built in one place for both {@code /article post}
 * and {@code preview}, so that what the preview shows is what the bot sends.
 *
 * <p>{@link #json} is JDA's own serialisation of each message ({@link MessageCreateData#toData()}),
 * which is the body of Discord's Create Message request except for two fields JDA's send action
 * adds on every send: a random {@code nonce} and {@code enforce_nonce: true}. A message with files
 * goes out as {@code multipart/form-data}: the JSON is then its {@code payload_json} part, whose
 * {@code attachments} array names each file by index ({@code {"id": 0, "filename": …}}); the bytes
 * travel in the parts {@code files[0]}, {@code files[1]}… and are not in the JSON.
 */
public final class PostPayloads {
  private PostPayloads() {}

  /**
   * The article's messages as the bot posts them, in order: the post (the message the thread starts
   * from) carries, after its own buttons, the "Share your take" button.
   */
  public static List<MessageSpec> messages(PreparedArticle article) {
    return messages(article, Texts.english());
  }

  /** {@link #messages(PreparedArticle)} for a server that reads {@code texts}' language. */
  public static List<MessageSpec> messages(PreparedArticle article, Texts texts) {
    List<MessageSpec> messages = new ArrayList<>(article.messages());
    MessageSpec post = messages.get(article.postIndex());
    List<ButtonSpec> buttons = new ArrayList<>(post.buttons());
    buttons.add(ShareTakeFeature.button(texts));
    messages.set(article.postIndex(), post.withButtons(buttons));
    return List.copyOf(messages);
  }

  /** The JDA messages the bot sends for the article, in posting order. */
  static List<MessageCreateData> createData(PreparedArticle article) {
    return createData(article, Texts.english());
  }

  static List<MessageCreateData> createData(PreparedArticle article, Texts texts) {
    return messages(article, texts).stream().map(MessageSpecs::toCreateData).toList();
  }

  /**
   * Each message's Create Message JSON as JDA serialises it (see the class comment for what
   * differs).
   */
  public static List<String> json(PreparedArticle article) {
    return json(article, Texts.english());
  }

  /** {@link #json(PreparedArticle)} for a server that reads {@code texts}' language. */
  public static List<String> json(PreparedArticle article, Texts texts) {
    List<String> bodies = new ArrayList<>();
    for (MessageCreateData data : createData(article, texts)) {
      try (data) {
        bodies.add(new String(data.toData().toJson(), StandardCharsets.UTF_8));
      }
    }
    return List.copyOf(bodies);
  }
}
