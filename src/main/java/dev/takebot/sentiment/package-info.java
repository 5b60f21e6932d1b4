/** The sentiment analyser: text in; label, score and the words that drove it out. Knows nothing of Discord. */
package dev.takebot.sentiment;
