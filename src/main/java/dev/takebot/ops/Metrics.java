package dev.takebot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Every meter of the bot, by name, in one place (the README's table lists them): callers record
 * facts ("a take was stored", "a 429 on this route") and never build meter names themselves.
 * Prometheus names are these with dots as underscores, and {@code _total} or {@code _seconds} added
 * by the registry.
 */
public final class Metrics implements AutoCloseable {
  private final MeterRegistry registry;
  private final Supplier<String> scrape;
  private final JvmGcMetrics gc;
  private final Timer ingest;
  private final Timer summary;
  private final Counter retagged;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  private Metrics(MeterRegistry registry, Supplier<String> scrape, JvmGcMetrics gc) {
    this.registry = registry;
    this.scrape = scrape;
    this.gc = gc;
    this.ingest =
        Timer.builder("takebot.ingest.latency")
            .description("From a take's message created on Discord to the take stored")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(registry);
    this.summary =
        Timer.builder("takebot.summary.latency")
            .description("Time to answer /takes summary with a summary (cached or computed)")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
    this.retagged =
        Counter.builder("takebot.retag.takes")
            .description("Takes re-tagged after an analyser upgrade")
            .register(registry);
  }

  /** Meters kept for Prometheus, with the JVM's and the process's own. */
  public static Metrics prometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return new Metrics(registry, registry::scrape, gc);
  }

  /** Meters that record nothing, for code run outside the bot (tests, benchmarks). */
  public static Metrics none() {
    return new Metrics(new CompositeMeterRegistry(), () -> "", null);
  }

  /** For libraries that bind their own meters (the database pool, caches). */
  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in Prometheus's text format. */
  public String scrape() {
    return scrape.get();
  }

  private Counter counter(String name, String description, String... tags) {
    String key = name + String.join("\u0000", tags);
    return counters.computeIfAbsent(
        key, k -> Counter.builder(name).description(description).tags(tags).register(registry));
  }

  /** A gateway event JDA delivered, by its kind (e.g. {@code MessageReceivedEvent}). */
  public void gatewayEvent(String type) {
    counter("takebot.gateway.events", "Gateway events received, by type", "type", type).increment();
  }

  /** A new take stored, live or by backfill. */
  public void takeStored() {
    takes("stored", 1);
  }

  /** A stored take re-tagged because its message was edited. */
  public void takeEdited() {
    takes("edited", 1);
  }

  /** Takes removed because their messages were deleted. */
  public void takesDeleted(int count) {
    takes("deleted", count);
  }

  private void takes(String change, int count) {
    if (count > 0) {
      counter("takebot.takes", "Takes stored, edited and deleted", "change", change)
          .increment(count);
    }
  }

  /** From the message's creation on Discord (its id's timestamp) to its take stored. */
  public void ingestLatency(Duration latency) {
    ingest.record(latency.isNegative() ? Duration.ZERO : latency);
  }

  /** One backfill finished: {@code ok} or {@code failed}. */
  public void backfillRun(String outcome) {
    counter(
            "takebot.backfill.runs",
            "Backfills after a start or a lost session",
            "outcome",
            outcome)
        .increment();
  }

  /** Takes a backfill {@code added}, {@code edited} or {@code removed}. */
  public void backfillItems(String kind, int count) {
    if (count > 0) {
      counter("takebot.backfill.items", "Takes brought in line by backfills", "kind", kind)
          .increment(count);
    }
  }

  /**
   * One REST response from Discord.
   *
   * @param route the method and route bucket, ids and tokens masked (see {@link RestRoutes})
   */
  public void restResponse(String route, int status) {
    counter(
            "takebot.rest.requests",
            "REST requests to Discord, by route and status",
            "route",
            route,
            "status",
            Integer.toString(status))
        .increment();
    if (status == 429) {
      counter("takebot.rest.ratelimited", "REST answers 429 Too Many Requests", "route", route)
          .increment();
    }
  }

  /** An interaction answered {@code on_time}, {@code late} or {@code failed}. */
  public void interaction(String outcome) {
    counter("takebot.interactions", "Interactions answered, by outcome", "outcome", outcome)
        .increment();
  }

  /** Time to produce one summary answer. */
  public void summaryLatency(Duration latency) {
    summary.record(latency);
  }

  /**
   * The summary cache's hits and misses, read from its own statistics when scraped; the ratio is
   * {@code hits / (hits + misses)}.
   */
  public <T> void summaryCache(T cache, ToLongFunction<T> hits, ToLongFunction<T> misses) {
    FunctionCounter.builder("takebot.summary.cache.hits", cache, c -> hits.applyAsLong(c))
        .description("Summaries answered from the cache")
        .register(registry);
    FunctionCounter.builder("takebot.summary.cache.misses", cache, c -> misses.applyAsLong(c))
        .description("Summaries computed (not in the cache)")
        .register(registry);
  }

  /** Takes re-tagged since the last call. */
  public void retagged(int takes) {
    retagged.increment(takes);
  }

  @Override
  public void close() {
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }
}
