package dev.takebot.discord;

import java.util.List;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * Every feature of the bot, by kind: slash subcommands, button/modal handlers, gateway listeners
 * and message context menus. {@link TakeBotAssembly} creates them; a feature with both a command
 * and buttons is created once and listed in both.
 */
record Features(
    List<SlashFeature> commands,
    List<ComponentFeature> components,
    List<EventListener> listeners,
    List<MessageMenuFeature> menus) {}
