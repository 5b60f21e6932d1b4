package dev.takebot.discord;

import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.EntitySelectInteractionEvent;

/**
 * Buttons, entity selects and modals whose custom id starts with {@link #idPrefix()} followed by
 * ':'. Runs on the bot's interaction pool, so it may block.
 */
interface ComponentFeature extends Feature {
  String idPrefix();

  /** A button this feature never made (ids are input: a modified client can send any). */
  default void onButton(ButtonInteractionEvent event) {
    InteractionRouter.notOurs(event, event.getComponentId());
  }

  /** A role, user or channel select this feature never made. */
  default void onEntitySelect(EntitySelectInteractionEvent event) {
    InteractionRouter.notOurs(event, event.getComponentId());
  }

  /** A form this feature never made. */
  default void onModal(ModalInteractionEvent event) {
    InteractionRouter.notOurs(event, event.getModalId());
  }
}
