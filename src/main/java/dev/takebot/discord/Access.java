package dev.takebot.discord;

import java.util.Objects;

/**
 * Who may use a feature's commands, menu entries, buttons and forms: everyone, or moderators only
 * (see {@link Moderators}). Declared once by each feature ({@link Feature#access()}) and enforced
 * by {@link InteractionRouter} before the feature runs, with {@link Moderators#refusal} as the
 * answer.
 *
 * @param moderatorAction what a refused member may not do, e.g. "post articles"; {@code null} for
 *     everyone
 */
record Access(String moderatorAction) {
  static final Access EVERYONE = new Access(null);

  /**
   * @param action what a refused member may not do, as in "Only moderators can {action}"
   */
  static Access moderators(String action) {
    return new Access(Objects.requireNonNull(action, "action"));
  }

  boolean moderatorsOnly() {
    return moderatorAction != null;
  }
}
