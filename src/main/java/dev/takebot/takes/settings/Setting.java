package dev.takebot.takes.settings;

/** The settings a server's managers may change, by the name they are stored under. */
public enum Setting {
  POST_CHANNEL("post_channel"),
  MODERATOR_ROLES("moderator_roles"),
  /**
   * Set when every moderator role the managers chose was deleted from the server, so the configured
   * roles apply again; cleared when they choose again.
   */
  MODERATOR_ROLES_DELETED("moderator_roles_deleted"),
  DIGEST_EVERY_TAKES("digest_every_takes"),
  DIGEST_EVERY_HOURS("digest_every_hours"),
  RETENTION_DAYS("retention_days"),
  SUMMARY_COOLDOWN_SECONDS("summary_cooldown_seconds"),
  SUMMARIES_PRIVATE("summaries_private"),
  LANGUAGE("language");

  private final String key;

  Setting(String key) {
    this.key = key;
  }

  /** The name in the store. */
  public String key() {
    return key;
  }
}
