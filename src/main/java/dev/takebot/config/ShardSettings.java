package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Which shards this process runs ({@code discord.shards}). Discord puts a guild on shard {@code
 * (guild_id >> 22) % total}; processes sharing one bot token must agree on {@code total} and run
 * disjoint {@code ids} that together cover {@code 0..total-1}.
 *
 * @param total the shard count every process uses, or 0 for {@code auto}: Discord's recommendation
 *     from {@code GET /gateway/bot}, all shards run here
 * @param ids the shards this process runs, ascending; empty with {@code auto}
 */
public record ShardSettings(int total, List<Integer> ids) {
  /** Discord's own limit is far lower in practice; this only catches typos. */
  static final int MAX_TOTAL = 100_000;

  /** One connection for every guild, as an unsharded bot: shard [0, 1]. */
  public static final ShardSettings SINGLE = new ShardSettings(1, List.of(0));

  /** Discord's recommended count, every shard in this process. */
  public static final ShardSettings AUTO = new ShardSettings(0, List.of());

  public ShardSettings {
    ids = List.copyOf(ids);
    if (total == 0) {
      if (!ids.isEmpty()) {
        throw new IllegalArgumentException(
            "with auto this process runs every shard, so give no ids (or set total)");
      }
    } else {
      if (total < 0 || total > MAX_TOTAL) {
        throw new IllegalArgumentException(
            "total must be between 1 and " + MAX_TOTAL + ", got " + total);
      }
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("ids must name at least one shard, e.g. 0-3");
      }
      for (int id : ids) {
        if (id < 0 || id >= total) {
          throw new IllegalArgumentException(
              "ids: shard "
                  + id
                  + " does not exist with total "
                  + total
                  + " (0.."
                  + (total - 1)
                  + ")");
        }
      }
      if (new TreeSet<>(ids).size() != ids.size()) {
        throw new IllegalArgumentException("ids lists a shard twice: " + ids);
      }
      ids = List.copyOf(new TreeSet<>(ids));
    }
  }

  public boolean auto() {
    return total == 0;
  }

  /**
   * From YAML: {@code auto}; a number N (N shards, all here); or {@code {total: N, ids: ...}} where
   * ids is a range text {@code "0-3"}, a list like {@code "0-3,6"}, a number, or a YAML list of
   * numbers and ranges (all of {@code 0..total-1} when left out).
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ShardSettings fromYaml(JsonNode node) {
    if (node == null || node.isNull()) {
      return SINGLE;
    }
    if (node.isTextual() && node.asText().strip().equalsIgnoreCase("auto")) {
      return AUTO;
    }
    if (node.isIntegralNumber()) {
      return all(node.asInt());
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "shards must be auto, a number of shards, or {total: 8, ids: 0-3} (got '"
              + node.asText(node.toString())
              + "')");
    }
    List<String> unknown = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!f.equals("total") && !f.equals("ids")) {
                unknown.add(f);
              }
            });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown key '" + unknown.get(0) + "' (known keys here: ids, total)");
    }
    JsonNode total = node.get("total");
    if (total == null || !total.isIntegralNumber()) {
      throw new IllegalArgumentException(
          "total must be a whole number (the shard count of every process), e.g. total: 8");
    }
    if (total.asInt() < 1) {
      throw new IllegalArgumentException(
          "total must be between 1 and " + MAX_TOTAL + ", got " + total.asInt());
    }
    JsonNode ids = node.get("ids");
    if (ids == null || ids.isNull()) {
      return all(total.asInt());
    }
    List<Integer> parsed = new ArrayList<>();
    if (ids.isArray()) {
      for (JsonNode id : ids) {
        parsed.addAll(parseIds(id.asText()));
      }
    } else {
      parsed.addAll(parseIds(ids.asText()));
    }
    return new ShardSettings(total.asInt(), parsed);
  }

  private static ShardSettings all(int total) {
    if (total < 1 || total > MAX_TOTAL) {
      throw new IllegalArgumentException(
          "the shard count must be between 1 and " + MAX_TOTAL + ", got " + total);
    }
    return new ShardSettings(total, IntStream.range(0, total).boxed().toList());
  }

  /** {@code "0-3,6"} as [0, 1, 2, 3, 6]. */
  static List<Integer> parseIds(String text) {
    List<Integer> ids = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.strip();
      if (!p.matches("\\d{1,6}(\\s*-\\s*\\d{1,6})?")) {
        throw new IllegalArgumentException(
            "ids must be shard numbers or ranges like 0-3 or 0-3,6, got '" + text + "'");
      }
      String[] ends = p.split("\\s*-\\s*");
      int from = Integer.parseInt(ends[0]);
      int to = ends.length == 2 ? Integer.parseInt(ends[1]) : from;
      if (to < from) {
        throw new IllegalArgumentException(
            "ids: range '" + p + "' runs backwards; write it as " + to + "-" + from);
      }
      IntStream.rangeClosed(from, to).forEach(ids::add);
    }
    return ids;
  }
}
