package dev.takebot.discord;

import dev.takebot.message.ButtonSpec;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.FieldSpec;
import dev.takebot.message.FileSpec;
import dev.takebot.message.MessageSpec;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Maps the Discord-agnostic {@link MessageSpec} to JDA messages. Every message it builds has {@code
 * allowed_mentions} with no parse targets and no replied-user ping: nothing TakeBot posts can ping.
 */
final class MessageSpecs {
  /** No @everyone/@here, no users, no roles. */
  static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

  private MessageSpecs() {}

  static MessageCreateData toCreateData(MessageSpec spec) {
    MessageCreateBuilder b =
        new MessageCreateBuilder()
            .setContent(spec.content())
            .setEmbeds(spec.embeds().stream().map(MessageSpecs::embed).toList())
            .setFiles(files(spec.files()))
            .setAllowedMentions(NO_MENTIONS)
            .mentionRepliedUser(false);
    if (!spec.buttons().isEmpty()) {
      b.setComponents(ActionRow.of(spec.buttons().stream().map(MessageSpecs::button).toList()));
    }
    return b.build();
  }

  /** Replaces the whole message (content, embeds, buttons, files) with {@code spec}. */
  static MessageEditData toEditData(MessageSpec spec) {
    MessageEditBuilder b =
        new MessageEditBuilder()
            .setContent(spec.content())
            .setEmbeds(spec.embeds().stream().map(MessageSpecs::embed).toList())
            .setFiles(files(spec.files()))
            .setAllowedMentions(NO_MENTIONS)
            .mentionRepliedUser(false);
    b.setComponents(
        spec.buttons().isEmpty()
            ? List.of()
            : List.of(ActionRow.of(spec.buttons().stream().map(MessageSpecs::button).toList())));
    return b.build();
  }

  /** Plain text that cannot ping, e.g. an ephemeral answer. */
  static MessageCreateData text(String content) {
    return toCreateData(MessageSpec.ofContent(content));
  }

  static MessageEditData editText(String content) {
    return toEditData(MessageSpec.ofContent(content));
  }

  static MessageEmbed embed(EmbedSpec e) {
    EmbedBuilder b = new EmbedBuilder();
    if (!e.title().isEmpty()) {
      b.setTitle(e.title(), e.url());
    }
    b.setDescription(e.description().isEmpty() ? null : e.description());
    if (e.color() != null) {
      b.setColor(e.color());
    }
    for (FieldSpec f : e.fields()) {
      b.addField(f.name(), f.value(), f.inline());
    }
    if (!e.footer().isEmpty()) {
      b.setFooter(e.footer());
    }
    if (e.timestamp() != null) {
      b.setTimestamp(e.timestamp());
    }
    if (e.imageUrl() != null) {
      b.setImage(e.imageUrl());
    }
    return b.build();
  }

  static Button button(ButtonSpec s) {
    Button b =
        switch (s.style()) {
          case PRIMARY -> Button.primary(s.customId(), s.label());
          case SECONDARY -> Button.secondary(s.customId(), s.label());
          case SUCCESS -> Button.success(s.customId(), s.label());
          case DANGER -> Button.danger(s.customId(), s.label());
          case LINK -> Button.link(s.url(), s.label());
        };
    return b.withDisabled(s.disabled());
  }

  private static List<FileUpload> files(List<FileSpec> files) {
    return files.stream().map(f -> FileUpload.fromData(f.data(), f.name())).toList();
  }
}
