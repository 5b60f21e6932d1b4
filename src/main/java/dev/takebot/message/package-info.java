/**
 * A Discord-agnostic model of the messages TakeBot posts: content, embeds, buttons and files, plus
 * the helpers that keep them inside Discord's limits and unable to ping anyone.
 *
 * <p>The core ({@code article}, {@code takes}) builds {@link dev.takebot.message.MessageSpec}s; the
 * {@code discord} package turns them into JDA messages, the one rendering both the bot and {@code
 * preview --json} use. Nothing here imports JDA.
 */
package dev.takebot.message;
