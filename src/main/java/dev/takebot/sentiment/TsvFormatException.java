package dev.takebot.sentiment;

/** Malformed TSV input; the message is one line naming the line number and what to fix. */
public final class TsvFormatException extends Exception {
  private final int line;
  private final String problem;

  public TsvFormatException(int line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
    this.problem = problem;
  }

  /** 1-based line number of the offending line. */
  public int line() {
    return line;
  }

  /**
   * The same problem {@code lines} lines further down: for a part of a file read on its own (see
   * {@link SentimentTsv#forEachRow}).
   */
  public TsvFormatException shifted(int lines) {
    return new TsvFormatException(line + lines, problem);
  }
}
