/**
 * A Discord-agnostic model of the messages TakeBot posts: content, embeds, buttons and files, plus the
 * helpers that keep them inside Discord's limits and unable to ping anyone.
 *
 * <p>The core ({@code article}, {@code takes}) builds {@link dev.takebot.message.MessageSpec}s; the
 * {@code discord} package turns them into JDA messages and {@link dev.takebot.message.DiscordPayloads}
 * turns them into the raw REST payloads that {@code preview --json} prints. Nothing here imports JDA.
 */
package dev.takebot.message;
