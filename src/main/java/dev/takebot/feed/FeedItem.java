package dev.takebot.feed;

import dev.takebot.article.ArticleDraft;
import dev.takebot.text.TextHash;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One item of a feed.
 *
 * @param guid the item's own id (RSS {@code guid}, Atom {@code id}), or {@code null}
 * @param link the item's link, or {@code null}
 * @param published when it was published (or last updated), or {@code null}
 * @param draft the article it makes
 */
public record FeedItem(String guid, String link, Instant published, ArticleDraft draft) {
  public FeedItem {
    Objects.requireNonNull(draft, "draft");
  }

  /**
   * What the item is remembered by: its id, else its link, else its {@link #hash()}. At most 512
   * characters (longer ones are hashed) so that any id fits the store.
   */
  public String key() {
    String k = guid != null && !guid.isBlank() ? guid.strip() : link != null ? link.strip() : null;
    if (k == null || k.isEmpty()) {
      return "hash:" + hash();
    }
    return k.length() <= 512 ? k : "sha:" + sha(k);
  }

  /**
   * A fingerprint of what the item says (title and link), so that an item whose id changed (a site
   * that regenerates ids, a moved feed) is still recognised.
   */
  public String hash() {
    String title = draft.title().replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    return sha(title + "\n" + (link == null ? "" : link.strip()));
  }

  private static String sha(String s) {
    return TextHash.sha256(s, 16);
  }
}
