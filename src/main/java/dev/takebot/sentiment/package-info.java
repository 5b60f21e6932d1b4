/**
 * The sentiment analyser: text in; label, score and the words that drove it out. Knows nothing of
 * Discord's API (it only reads Discord's text conventions). Entry point: {@link
 * dev.takebot.sentiment.LexiconSentimentAnalyzer#standard()}.
 */
package dev.takebot.sentiment;
