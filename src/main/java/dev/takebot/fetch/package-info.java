/**
 * Fetching pages and feeds from the open web without becoming a way into the bot's own network:
 * {@link dev.takebot.fetch.SafeFetcher} reads http(s) only, checks every address it connects to
 * (redirects included) with an {@link dev.takebot.fetch.AddressPolicy}, bounds time and size, and
 * refuses with one-line {@link dev.takebot.fetch.FetchException}s. Nothing here knows articles,
 * feeds or Discord.
 */
package dev.takebot.fetch;
