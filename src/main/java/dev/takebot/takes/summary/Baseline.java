package dev.takebot.takes.summary;

import java.time.Instant;

/**
 * What an earlier summary said, to show which way the tone moved since.
 *
 * @param takes takes at the time
 * @param meanScore mean score at the time
 * @param at when that summary was made
 */
public record Baseline(long takes, double meanScore, Instant at) {}
