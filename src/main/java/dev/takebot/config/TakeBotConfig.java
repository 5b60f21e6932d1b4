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
    @JsonProperty("fetch") FetchSettings fetch,
    @JsonProperty("feeds") FeedSettings feeds) {

  /** Without the fetch and feed sections (their defaults apply). */
  public TakeBotConfig(
      DiscordSettings discord,
      ArticleSettings articles,
      StorageSettings storage,
      TakesSettings takes) {
    this(discord, articles, storage, takes, null, null);
  }

  @JsonCreator
  public TakeBotConfig {
    discord = Objects.requireNonNullElseGet(discord, DiscordSettings::defaults);
    articles = Objects.requireNonNullElseGet(articles, ArticleSettings::defaults);
    storage = Objects.requireNonNullElseGet(storage, StorageSettings::defaults);
    takes = Objects.requireNonNullElseGet(takes, TakesSettings::defaults);
    fetch = Objects.requireNonNullElseGet(fetch, FetchSettings::defaults);
    feeds = Objects.requireNonNullElseGet(feeds, FeedSettings::defaults);
  }

  public static TakeBotConfig defaults() {
    return new TakeBotConfig(null, null, null, null, null, null);
  }

  public TakeBotConfig withDiscord(DiscordSettings newDiscord) {
    return new TakeBotConfig(newDiscord, articles, storage, takes, fetch, feeds);
  }

  public TakeBotConfig withArticles(ArticleSettings newArticles) {
    return new TakeBotConfig(discord, newArticles, storage, takes, fetch, feeds);
  }

  public TakeBotConfig withStorage(StorageSettings newStorage) {
    return new TakeBotConfig(discord, articles, newStorage, takes, fetch, feeds);
  }

  public TakeBotConfig withFetch(FetchSettings newFetch) {
    return new TakeBotConfig(discord, articles, storage, takes, newFetch, feeds);
  }

  public TakeBotConfig withFeeds(FeedSettings newFeeds) {
    return new TakeBotConfig(discord, articles, storage, takes, fetch, newFeeds);
  }
}
