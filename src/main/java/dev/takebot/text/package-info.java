/**
 * Text handling shared by the article pipeline and the take summaries: splitting text into words
 * ({@link dev.takebot.text.WordScanner}) past links and Discord markup ({@link
 * dev.takebot.text.Markup}), the one stop-word list ({@link dev.takebot.text.StopWords}) and light
 * English stemming ({@link dev.takebot.text.Stems}).
 *
 * <p>The sentiment analyser keeps its own tokenizer: it is a tuned hot path that also reads emoji,
 * emoticons and Markdown emphasis. Nothing here knows Discord's client library or the store.
 */
package dev.takebot.text;
