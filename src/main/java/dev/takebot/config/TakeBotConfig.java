package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
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
    @JsonProperty("ops") OpsSettings ops,
    @JsonProperty("fetch") FetchSettings fetch,
    @JsonProperty("feeds") FeedSettings feeds) {

  @JsonCreator
  public TakeBotConfig {
    discord = Objects.requireNonNullElseGet(discord, DiscordSettings::defaults);
    articles = Objects.requireNonNullElseGet(articles, ArticleSettings::defaults);
    storage = Objects.requireNonNullElseGet(storage, StorageSettings::defaults);
    takes = Objects.requireNonNullElseGet(takes, TakesSettings::defaults);
    ops = Objects.requireNonNullElseGet(ops, OpsSettings::defaults);
    fetch = Objects.requireNonNullElseGet(fetch, FetchSettings::defaults);
    feeds = Objects.requireNonNullElseGet(feeds, FeedSettings::defaults);
  }

  /** Without an {@code ops} section (no metrics server, text logs) nor fetch and feed sections. */
  public TakeBotConfig(
      DiscordSettings discord,
      ArticleSettings articles,
      StorageSettings storage,
      TakesSettings takes) {
    this(discord, articles, storage, takes, null);
  }

  /** Without the fetch and feed sections (their defaults apply). */
  public TakeBotConfig(
      DiscordSettings discord,
      ArticleSettings articles,
      StorageSettings storage,
      TakesSettings takes,
      OpsSettings ops) {
    this(discord, articles, storage, takes, ops, null, null);
  }

  public static TakeBotConfig defaults() {
    return new TakeBotConfig(null, null, null, null, null, null, null);
  }

  public TakeBotConfig withDiscord(DiscordSettings newDiscord) {
    return new TakeBotConfig(newDiscord, articles, storage, takes, ops, fetch, feeds);
  }

  public TakeBotConfig withArticles(ArticleSettings newArticles) {
    return new TakeBotConfig(discord, newArticles, storage, takes, ops, fetch, feeds);
  }

  public TakeBotConfig withStorage(StorageSettings newStorage) {
    return new TakeBotConfig(discord, articles, newStorage, takes, ops, fetch, feeds);
  }

  public TakeBotConfig withOps(OpsSettings newOps) {
    return new TakeBotConfig(discord, articles, storage, takes, newOps, fetch, feeds);
  }

  public TakeBotConfig withFetch(FetchSettings newFetch) {
    return new TakeBotConfig(discord, articles, storage, takes, ops, newFetch, feeds);
  }

  public TakeBotConfig withFeeds(FeedSettings newFeeds) {
    return new TakeBotConfig(discord, articles, storage, takes, ops, fetch, newFeeds);
  }
}
