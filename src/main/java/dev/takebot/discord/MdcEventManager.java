package dev.takebot.discord;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.guild.GenericGuildEvent;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.events.message.GenericMessageEvent;
import net.dv8tion.jda.api.hooks.InterfacedEventManager;
import org.jetbrains.annotations.NotNull;
import org.slf4j.MDC;

/**
 * JDA's event manager, with the event's shard, guild and interaction ids in the logging context
 * (MDC) while the listeners run, so every line they log says where it came from (JSON logs carry
 * them as fields). Ids only: never message text or tokens.
 */
final class MdcEventManager extends InterfacedEventManager {
  static final String SHARD = "shard";
  static final String GUILD = "guild";
  static final String INTERACTION = "interaction";

  @Override
  public void handle(@NotNull GenericEvent event) {
    try {
      MDC.put(SHARD, Integer.toString(event.getJDA().getShardInfo().getShardId()));
      Guild guild = guildOf(event);
      if (guild != null) {
        MDC.put(GUILD, guild.getId());
      }
      if (event instanceof GenericInteractionCreateEvent i) {
        MDC.put(INTERACTION, i.getInteraction().getId());
      }
      super.handle(event);
    } finally {
      MDC.remove(SHARD);
      MDC.remove(GUILD);
      MDC.remove(INTERACTION);
    }
  }

  private static Guild guildOf(GenericEvent event) {
    if (event instanceof GenericGuildEvent g) {
      return g.getGuild();
    }
    if (event instanceof GenericMessageEvent m && m.isFromGuild()) {
      return m.getGuild();
    }
    if (event instanceof GenericInteractionCreateEvent i) {
      return i.getGuild();
    }
    return null;
  }
}
