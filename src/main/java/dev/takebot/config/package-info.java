/**
 * Typed configuration: {@link dev.takebot.config.TakeBotConfig} and its nested settings records,
 * loaded from YAML by {@link dev.takebot.config.ConfigLoader} with errors that name the key and the
 * file line. Secrets (the Discord token) never live in the file: see {@link
 * dev.takebot.config.Secrets}.
 */
package dev.takebot.config;
