package dev.takebot.discord;

/**
 * Anything {@link InteractionRouter} dispatches to: a slash subcommand, a message menu entry,
 * buttons and forms.
 */
interface Feature {

  /** Who may use it; the router refuses everyone else before the feature runs. */
  default Access access() {
    return Access.EVERYONE;
  }
}
