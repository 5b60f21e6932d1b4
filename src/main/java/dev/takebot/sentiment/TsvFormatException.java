package dev.takebot.sentiment;

/** Malformed TSV input; the message is one line naming the line number and what to fix. */
public final class TsvFormatException extends Exception {
  private final int line;

  public TsvFormatException(int line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
  }

  /** 1-based line number of the offending line. */
  public int line() {
    return line;
  }
}
