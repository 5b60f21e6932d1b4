package dev.takebot.discord;

import dev.takebot.ops.Metrics;
import dev.takebot.ops.ShardStates;

/**
 * What the client reports to the operators' view.
 *
 * @param metrics where REST responses, interaction answers and gateway events are counted
 * @param shards each shard's gateway status, for readiness
 */
record Observers(Metrics metrics, ShardStates shards) {}
