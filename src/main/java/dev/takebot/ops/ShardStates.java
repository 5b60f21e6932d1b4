package dev.takebot.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway connection of each shard this process runs, as the gateway listener last saw it:
 * feeds readiness and the per-shard gauges.
 */
public final class ShardStates {
  /** What a shard reports once its session is up and its guilds are loaded. */
  public static final String CONNECTED = "CONNECTED";

  private final MeterRegistry registry;
  private final Map<Integer, String> states = new ConcurrentHashMap<>();
  private final List<Integer> expected = new CopyOnWriteArrayList<>();

  public ShardStates(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The shards this process runs; until they are known nothing counts as ready. */
  public void expect(List<Integer> shardIds) {
    expected.clear();
    expected.addAll(shardIds);
    shardIds.forEach(
        id -> {
          if (states.putIfAbsent(id, "UNKNOWN") == null) {
            gauge(id);
          }
        });
  }

  /** A shard's new status (JDA's status name). */
  public void update(int shard, String status) {
    if (states.put(shard, status) == null) {
      gauge(shard);
    }
  }

  private void gauge(int shard) {
    Gauge.builder("takebot.gateway.connected", this, s -> s.isConnected(shard) ? 1 : 0)
        .description("1 while the shard's gateway session is connected, else 0")
        .tag("shard", Integer.toString(shard))
        .register(registry);
  }

  /** Whether {@code shard}'s session is up. */
  public boolean isConnected(int shard) {
    return CONNECTED.equals(states.get(shard));
  }

  /** True when the expected shards are known and every one of them is connected. */
  public boolean allConnected() {
    return !expected.isEmpty() && expected.stream().allMatch(this::isConnected);
  }

  /** Every shard seen or expected, with its status, by id. */
  public SortedMap<Integer, String> snapshot() {
    return new TreeMap<>(states);
  }
}
