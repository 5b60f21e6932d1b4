package dev.takebot.article;

import dev.takebot.i18n.Texts;

/**
 * Input that cannot be an article. The message is one line a moderator can act on, naming the line
 * where the problem is when there is one, e.g. {@code "line 1: bad date '2026-13-01', expected
 * YYYY-MM-DD"}.
 */
public final class ArticleFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  /** The problem's key in the message bundles ({@code articleError.…}), or null for plain text. */
  private final String key;

  private final transient Object[] args;

  ArticleFormatException(int line, String problem) {
    super(line > 0 ? "line " + line + ": " + problem : problem);
    this.line = line;
    this.key = null;
    this.args = new Object[0];
  }

  ArticleFormatException(String problem) {
    this(0, problem);
  }

  private ArticleFormatException(int line, String key, Object[] args) {
    super(inLanguage(Texts.english(), line, key, args));
    this.line = line;
    this.key = key;
    this.args = args.clone();
  }

  /**
   * A problem worded in the message bundles, so the moderator reads it in their language; {@link
   * #getMessage()} is the English text.
   *
   * @param line the 1-based line, or 0
   * @param key {@code articleError.…}
   * @param namesAndValues the message's arguments as name, value pairs
   */
  static ArticleFormatException of(int line, String key, Object... namesAndValues) {
    return new ArticleFormatException(line, key, namesAndValues);
  }

  /** The message in a reader's language: "ligne 3 : date invalide…". */
  public String message(Texts texts) {
    return key == null ? getMessage() : inLanguage(texts, line, key, args);
  }

  private static String inLanguage(Texts texts, int line, String key, Object[] args) {
    String problem = texts.get(key, args);
    return line > 0 ? texts.get("articleError.line", "line", line, "problem", problem) : problem;
  }

  /** The 1-based line the problem is on, or 0 when it concerns the whole input. */
  public int line() {
    return line;
  }
}
