/**
 * Exports: a discussion's takes ({@link dev.takebot.takes.export.TakeExport}) and a guild's
 * moderator corrections ({@link dev.takebot.takes.export.CorrectionExport}) as CSV or JSON.
 * Formatting only: rows stream from the store through {@link dev.takebot.takes.TakeService}, one at
 * a time, so an export needs no more memory for a million takes than for ten.
 */
package dev.takebot.takes.export;
