package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The whole configuration, one nested record per concern, so each part of the bot is handed only
 * the settings it needs. Every section is optional in the file; missing ones take {@link
 * #defaults()}.
 */
public record TakeBotConfig(
    @JsonProperty("discord") DiscordSettings discord,
    @JsonProperty("articles") ArticleSettings articles,
    @JsonProperty("storage") StorageSettings storage,
    @JsonProperty("takes") TakesSettings takes,
    @JsonProperty("ops") OpsSettings ops) {

  public TakeBotConfig {
    discord = Objects.requireNonNullElseGet(discord, DiscordSettings::defaults);
    articles = Objects.requireNonNullElseGet(articles, ArticleSettings::defaults);
    storage = Objects.requireNonNullElseGet(storage, StorageSettings::defaults);
    takes = Objects.requireNonNullElseGet(takes, TakesSettings::defaults);
    ops = Objects.requireNonNullElseGet(ops, OpsSettings::defaults);
  }

  /** Without an {@code ops} section: no metrics server, text logs. */
  public TakeBotConfig(
      DiscordSettings discord,
      ArticleSettings articles,
      StorageSettings storage,
      TakesSettings takes) {
    this(discord, articles, storage, takes, null);
  }

  public static TakeBotConfig defaults() {
    return new TakeBotConfig(null, null, null, null, null);
  }

  public TakeBotConfig withDiscord(DiscordSettings newDiscord) {
    return new TakeBotConfig(newDiscord, articles, storage, takes, ops);
  }

  public TakeBotConfig withArticles(ArticleSettings newArticles) {
    return new TakeBotConfig(discord, newArticles, storage, takes, ops);
  }

  public TakeBotConfig withStorage(StorageSettings newStorage) {
    return new TakeBotConfig(discord, articles, newStorage, takes, ops);
  }

  public TakeBotConfig withOps(OpsSettings newOps) {
    return new TakeBotConfig(discord, articles, storage, takes, newOps);
  }
}
