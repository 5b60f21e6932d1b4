/**
 * What TakeBot says, in each language: {@link dev.takebot.i18n.Texts} looks messages up in the
 * UTF-8 resource bundles {@code i18n/messages*.properties} and formats them with ICU's
 * MessageFormat (CLDR plural rules, locale numbers and percentages); {@link
 * dev.takebot.i18n.Languages} lists the languages that have a bundle and maps Discord's locale tags
 * to them. A new language is a new {@code messages_<code>.properties} file and nothing else.
 *
 * <p>Nothing here knows Discord's client library: features pass in the locale they read from an
 * interaction or a guild.
 */
package dev.takebot.i18n;
