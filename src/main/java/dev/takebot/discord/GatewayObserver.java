package dev.takebot.discord;

import dev.takebot.ops.Metrics;
import dev.takebot.ops.ShardStates;
import io.micrometer.core.instrument.Gauge;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jetbrains.annotations.NotNull;

/**
 * Feeds the operators' view from the gateway: each shard's status (readiness, {@code
 * takebot_gateway_connected}), its heartbeat ping, and a count of every event by type.
 */
final class GatewayObserver implements EventListener {
  private final Metrics metrics;
  private final ShardStates shards;
  private final Set<Integer> pinged = ConcurrentHashMap.newKeySet();
  private final Map<Class<?>, String> names = new ConcurrentHashMap<>();

  GatewayObserver(Metrics metrics, ShardStates shards) {
    this.metrics = metrics;
    this.shards = shards;
  }

  @Override
  public void onEvent(@NotNull GenericEvent event) {
    metrics.gatewayEvent(names.computeIfAbsent(event.getClass(), Class::getSimpleName));
    if (event instanceof StatusChangeEvent s) {
      JDA jda = s.getJDA();
      int shard = jda.getShardInfo().getShardId();
      shards.update(shard, s.getNewStatus().name());
      if (pinged.add(shard)) {
        // Held weakly by the gauge: a shard the manager dropped reports nothing rather than leak.
        Gauge.builder("takebot.gateway.ping", jda, j -> j.getGatewayPing() / 1000.0)
            .description("Time the shard's last heartbeat took to be acknowledged")
            .baseUnit("seconds")
            .tag("shard", Integer.toString(shard))
            .register(metrics.registry());
      }
    }
  }
}
