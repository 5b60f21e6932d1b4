/**
 * What operators see: the metrics registry and its meters, the health state, the small HTTP server
 * that serves both, progress logs for long jobs and the log format. Knows nothing of Discord's
 * client library; {@code discord} feeds it from JDA's events.
 */
package dev.takebot.ops;
