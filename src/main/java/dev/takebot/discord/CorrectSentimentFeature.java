package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.ButtonSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.sentiment.Label;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.Take;
import dev.takebot.takes.summary.SummaryRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * The "Correct sentiment" message command (moderators): answers, visible only to the moderator,
 * with the take's current tag and one button per tag. Pressing one stores the correction, which
 * wins over the analyser in every summary from then on. The buttons carry the invoker and the take
 * in their custom id ({@code takebot-correct:<invoker>:<take>:<label>}), so nothing is kept in
 * memory and only the invoker can use them.
 */
final class CorrectSentimentFeature implements MessageMenuFeature, ComponentFeature {
  static final String NAME = "Correct sentiment";
  static final String PREFIX = "takebot-correct";

  private final BotContext ctx;

  CorrectSentimentFeature(BotContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Access access() {
    return Access.moderators(ACTION);
  }

  @Override
  public String idPrefix() {
    return PREFIX;
  }

  static final String ACTION = "correct tags";

  @Override
  public void execute(MessageContextInteractionEvent event) {
    Texts texts = Readers.privately(event);
    Optional<Take> take = ctx.takes().find(event.getTarget().getIdLong());
    if (take.isEmpty()) {
      event.reply(MessageSpecs.text(texts.get("correct.notATake"))).setEphemeral(true).queue();
      return;
    }
    event
        .reply(MessageSpecs.toCreateData(picker(event.getUser().getIdLong(), take.get(), texts)))
        .setEphemeral(true)
        .queue();
  }

  static MessageSpec picker(long invokerId, Take take) {
    return picker(invokerId, take, Texts.english());
  }

  static MessageSpec picker(long invokerId, Take take, Texts texts) {
    List<ButtonSpec> buttons = new ArrayList<>();
    for (Label l : Label.values()) {
      String id =
          PREFIX
              + ":"
              + Long.toString(invokerId, 36)
              + ":"
              + Long.toString(take.messageId(), 36)
              + ":"
              + l.id();
      String name = SummaryRenderer.label(l, texts);
      buttons.add(
          l == take.label() ? ButtonSpec.primary(id, name) : ButtonSpec.secondary(id, name));
    }
    return new MessageSpec(
        texts.get("correct.pick", "tag", TakeLines.tag(take, texts)),
        List.of(),
        buttons,
        List.of());
  }

  @Override
  public void onButton(ButtonInteractionEvent event) {
    Texts texts = Readers.privately(event);
    String[] parts = event.getComponentId().split(":");
    long invoker;
    long messageId;
    Label label;
    try {
      if (parts.length != 4) {
        throw new IllegalArgumentException("malformed button id " + event.getComponentId());
      }
      invoker = Long.parseLong(parts[1], 36);
      messageId = Long.parseLong(parts[2], 36);
      label = Label.parse(parts[3]);
    } catch (IllegalArgumentException e) {
      event.reply(MessageSpecs.text(texts.get("correct.notHere"))).setEphemeral(true).queue();
      return;
    }
    if (event.getUser().getIdLong() != invoker) {
      event.reply(MessageSpecs.text(texts.get("correct.notYours"))).setEphemeral(true).queue();
      return;
    }
    // The id is input: the take must belong to this server and to a channel the moderator can see.
    ChannelScope visible = Audience.of(event.getMember());
    long guild = event.getGuild().getIdLong();
    boolean here = ctx.takes().find(guild, visible, messageId).isPresent();
    if (!here) {
      event.reply(MessageSpecs.text(texts.get("correct.notHere"))).setEphemeral(true).queue();
      return;
    }
    Optional<Take> corrected = ctx.takes().correct(messageId, label, invoker);
    event
        .editMessage(
            MessageSpecs.editText(
                corrected
                    .map(t -> texts.get("correct.done", "tag", TakeLines.tag(t, texts)))
                    .orElse(texts.get("retag.gone"))))
        .queue();
  }
}
