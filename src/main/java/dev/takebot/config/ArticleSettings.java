package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Article handling.
 *
 * @param directory folder of ready-made articles that {@code /article post name:…} can pick from
 * @param hashtagLimit most hashtags shown on a post (1–20)
 */
public record ArticleSettings(
    @JsonProperty("directory") Path directory, @JsonProperty("hashtagLimit") Integer hashtagLimit) {

  public ArticleSettings {
    directory = Objects.requireNonNullElse(directory, Path.of("config", "articles"));
    hashtagLimit = Objects.requireNonNullElse(hashtagLimit, 6);
    if (hashtagLimit < 1 || hashtagLimit > 20) {
      throw new IllegalArgumentException(
          "hashtagLimit must be between 1 and 20, got " + hashtagLimit);
    }
  }

  public static ArticleSettings defaults() {
    return new ArticleSettings(null, null);
  }
}
