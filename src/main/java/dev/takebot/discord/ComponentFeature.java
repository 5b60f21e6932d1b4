package dev.takebot.discord;

import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * Buttons and modals whose custom id starts with {@link #idPrefix()} followed by ':'. Runs on the bot's
 * interaction pool, so it may block.
 */
interface ComponentFeature extends Feature {
  String idPrefix();

  default void onButton(ButtonInteractionEvent event) {
    throw new IllegalStateException("no button handler for " + event.getComponentId());
  }

  default void onModal(ModalInteractionEvent event) {
    throw new IllegalStateException("no modal handler for " + event.getModalId());
  }
}
