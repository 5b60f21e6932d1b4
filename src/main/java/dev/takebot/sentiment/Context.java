package dev.takebot.sentiment;

/**
 * Where a text was written, as far as the reader knows it. A reply in the thread under a news post
 * is about the news whether or not it names an actor of it ("great job guys 👏" under an article on
 * a failed policy); a text from anywhere else is about the news only if it says so.
 */
public enum Context {
  /** Nothing is known of where the text was written: the judges ask whether it names the news. */
  ANY,

  /**
   * A take in a discussion of a news article: the learned judges read it as about the news (as
   * texts naming an actor or topic of the news are read).
   */
  NEWS
}
