/**
 * The Discord adapter: the only package that imports JDA. {@link dev.takebot.discord.TakeBot}
 * builds the JDA client from the configuration and wires every feature in one place ({@code
 * Features}); each feature is one small class (a slash subcommand, a button with its modal, or a
 * gateway listener). The core it calls ({@code takes}, {@code article}, {@code message}) knows
 * nothing of Discord.
 */
package dev.takebot.discord;
