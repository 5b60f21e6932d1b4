package dev.takebot.article;

/**
 * Input that cannot be an article. The message is one line a moderator can act on, naming the line
 * where the problem is when there is one, e.g. {@code "line 1: bad date '2026-13-01', expected
 * YYYY-MM-DD"}.
 */
public final class ArticleFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  ArticleFormatException(int line, String problem) {
    super(line > 0 ? "line " + line + ": " + problem : problem);
    this.line = line;
  }

  ArticleFormatException(String problem) {
    this(0, problem);
  }

  /** The 1-based line the problem is on, or 0 when it concerns the whole input. */
  public int line() {
    return line;
  }
}
