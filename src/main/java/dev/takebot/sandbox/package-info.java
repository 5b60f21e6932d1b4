/**
 * A local Discord-compatible server (REST API v10 and Gateway v10 on 127.0.0.1) that lets the real
 * JDA bot run end to end without reaching discord.com, plus a thread-safe scenario API for tests
 * and the demo.
 *
 * <p>{@link dev.takebot.sandbox.DiscordSandbox} is the entry point: start it, point JDA's REST base
 * at {@link dev.takebot.sandbox.DiscordSandbox#restUrl()} and its session controller at {@link
 * dev.takebot.sandbox.DiscordSandbox#gatewayUrl()}, then drive members, messages and interactions
 * from the test. Nothing here imports JDA: the sandbox is the server side of the protocol, so its
 * behaviour is modelled on Discord's documentation rather than on the client library it serves.
 *
 * <p>One thread owns all state ({@code EngineLoop}): REST routes, gateway sockets and the scenario
 * API submit tasks to it. The state is split by Discord resource — {@code Messages}, {@code
 * Threads}, {@code Reactions}, {@code Interactions} (what members start) and {@code
 * InteractionResponses} (what the bot answers), {@code GuildChanges}, {@code CommandRegistry},
 * {@code RouteRules} (scripted 429s, failures, held answers, buckets) and {@code RequestLog} —
 * wired together in {@code SandboxEngine}.
 */
package dev.takebot.sandbox;
