package dev.takebot.discord;

import java.util.Objects;

/**
 * Who may use a feature's commands, menu entries, buttons and forms: everyone, moderators only (see
 * {@link Moderators}), or the server's managers only (Manage Server). Declared once by each feature
 * ({@link Feature#access()}) and enforced by {@link InteractionRouter} before the feature runs,
 * with {@link Moderators#refusal} or the bundles' {@code access.managers} as the answer.
 *
 * @param kind who is let in
 * @param action what a refused member may not do, e.g. "post articles"; {@code null} for everyone
 */
record Access(Kind kind, String action) {
  static final Access EVERYONE = new Access(Kind.EVERYONE, null);

  /** The answer to a member without Manage Server, completed by the action. */
  enum Kind {
    EVERYONE,
    MODERATORS,
    /** Members with Manage Server (administrators included), whatever the moderator roles say. */
    MANAGERS
  }

  /**
   * @param action what a refused member may not do, as in "Only moderators can {action}"
   */
  static Access moderators(String action) {
    return new Access(Kind.MODERATORS, Objects.requireNonNull(action, "action"));
  }

  /**
   * @param action what a refused member may not do, as in "Only members with the Manage Server
   *     permission can {action}"
   */
  static Access managers(String action) {
    return new Access(Kind.MANAGERS, Objects.requireNonNull(action, "action"));
  }

  boolean moderatorsOnly() {
    return kind == Kind.MODERATORS;
  }

  /** What a refused moderator-only feature says the member may not do. */
  /**
   * An action such as "post articles" in the member's language: its message {@code
   * action.post_articles}, or the words as given when no bundle has them.
   */
  static String action(String words, net.dv8tion.jda.api.interactions.Interaction interaction) {
    dev.takebot.i18n.Texts texts = Readers.privately(interaction);
    String key = "action." + words.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return texts.has(key) ? texts.get(key) : words;
  }

  String moderatorAction() {
    return action;
  }
}
