package dev.takebot.sentiment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated files the {@code sentiment} command consumes: a header naming at least
 * {@code id} and {@code text} (and, for evaluation, {@code gold_label} with optional {@code
 * gold_score}); other columns are ignored. Strict: bad UTF-8, ragged lines and missing columns are
 * reported with their line number.
 */
public final class SentimentTsv {
  /**
   * One data line.
   *
   * @param line 1-based line number in the file
   * @param goldLabel the gold label as written, or null when the file has none
   * @param goldScore the gold score, or NaN when absent
   */
  public record Row(int line, String id, String text, String goldLabel, double goldScore) {}

  /**
   * The parsed file.
   *
   * @param hasGoldScore whether the header has a {@code gold_score} column
   */
  public record Table(List<Row> rows, boolean hasGoldScore) {}

  private SentimentTsv() {}

  /** Receives the rows of a file one by one, in order. */
  @FunctionalInterface
  public interface RowHandler {
    void row(Row row);
  }

  /**
   * Parses {@code bytes}; with {@code requireGold} the {@code gold_label} column must be present.
   */
  public static Table parse(byte[] bytes, boolean requireGold) throws TsvFormatException {
    List<Row> rows = new ArrayList<>();
    boolean hasScore = forEach(bytes, requireGold, rows::add);
    return new Table(List.copyOf(rows), hasScore);
  }

  /**
   * Parses {@code bytes} and hands each row to {@code handler} as it is read, so a large file is
   * tagged without holding all its rows; returns whether the header has a {@code gold_score}
   * column. A format error is reported when its line is reached (after the rows before it).
   */
  public static boolean forEach(byte[] bytes, boolean requireGold, RowHandler handler)
      throws TsvFormatException {
    return forEach(decode(bytes, 0, bytes.length), requireGold, handler);
  }

  /**
   * The text of {@code bytes[from, to)}, which must be strict UTF-8; a byte order mark at the very
   * start of the file is left out. Line numbers in its errors count from {@code from}.
   */
  public static String decode(byte[] bytes, int from, int to) throws TsvFormatException {
    int start =
        from == 0
                && to >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3 // UTF-8 byte order mark
            : from;
    // One decoding of the whole file is several times faster than one per line. It replaces bad
    // bytes with U+FFFD, so only a text holding that character is decoded again strictly, line by
    // line, to find the bad line (or to accept a U+FFFD that was written as such).
    String text = new String(bytes, start, to - start, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      strictCheck(bytes, start, to);
    }
    return text;
  }

  /**
   * As {@link #forEach(byte[], boolean, RowHandler)} on a file's text as {@link #decode} gives it.
   */
  public static boolean forEach(String text, boolean requireGold, RowHandler handler)
      throws TsvFormatException {
    int newline = text.indexOf('\n');
    int headerEnd = newline < 0 ? text.length() : newline;
    if (text.isEmpty()) {
      throw new TsvFormatException(
          1, "empty input; expected a header with 'id' and 'text' columns");
    }
    Header h =
        Header.of(
            text.substring(
                0, headerEnd > 0 && text.charAt(headerEnd - 1) == '\r' ? headerEnd - 1 : headerEnd),
            1,
            requireGold);
    rows(h, text, newline < 0 ? text.length() : newline + 1, 1, requireGold, handler);
    return h.scoreCol >= 0;
  }

  /**
   * The rows of {@code body}, lines that follow a file's header elsewhere (the second half of a
   * file tagged on two threads), under the columns {@code header} names. Line numbers, in rows and
   * errors, count from the body's first line as 1: add the lines before it.
   */
  public static void forEachRow(String header, String body, boolean requireGold, RowHandler handler)
      throws TsvFormatException {
    rows(Header.of(header, 1, requireGold), body, 0, 0, requireGold, handler);
  }

  /** The rows from {@code pos}, the line after line {@code lineNo}. */
  private static void rows(
      Header h, String text, int pos, int lineNo, boolean requireGold, RowHandler handler)
      throws TsvFormatException {
    int len = text.length();
    while (pos < len) {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = len;
      }
      lineNo++;
      int stop = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
      String line = text.substring(pos, stop);
      pos = end + 1;
      if (line.isEmpty() && pos >= len) {
        break;
      }
      handler.row(h.row(line, lineNo, requireGold));
    }
  }

  /** Decodes line by line, strictly, and reports the first line that is not valid UTF-8. */
  private static void strictCheck(byte[] bytes, int pos, int to) throws TsvFormatException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int lineNo = 0;
    while (pos < to) {
      int end = pos;
      while (end < to && bytes[end] != '\n') {
        end++;
      }
      lineNo++;
      try {
        decoder.decode(ByteBuffer.wrap(bytes, pos, end - pos));
      } catch (CharacterCodingException e) {
        throw new TsvFormatException(lineNo, "not valid UTF-8; save the file as UTF-8");
      }
      pos = end + 1;
    }
  }

  /** The columns the header names. */
  private record Header(int columns, int idCol, int textCol, int labelCol, int scoreCol) {
    static Header of(String line, int lineNo, boolean requireGold) throws TsvFormatException {
      String[] head = line.split("\t", -1);
      int idCol = -1;
      int textCol = -1;
      int labelCol = -1;
      int scoreCol = -1;
      for (int c = 0; c < head.length; c++) {
        switch (head[c].strip()) {
          case "id" -> idCol = c;
          case "text" -> textCol = c;
          case "gold_label" -> labelCol = c;
          case "gold_score" -> scoreCol = c;
          default -> {}
        }
      }
      if (idCol < 0 || textCol < 0) {
        throw new TsvFormatException(
            lineNo, "header must name the columns 'id' and 'text' (tab-separated)");
      }
      if (requireGold && labelCol < 0) {
        throw new TsvFormatException(lineNo, "header must name a 'gold_label' column for --eval");
      }
      return new Header(head.length, idCol, textCol, labelCol, scoreCol);
    }

    Row row(String line, int lineNo, boolean requireGold) throws TsvFormatException {
      String[] f = fields(line, lineNo);
      String label = labelCol >= 0 ? f[labelCol].strip() : null;
      if (requireGold && label.isEmpty()) {
        throw new TsvFormatException(
            lineNo, "empty gold_label; use positive, negative, neutral or mixed");
      }
      if (label != null && !label.isEmpty()) {
        try {
          Label.parse(label);
        } catch (IllegalArgumentException e) {
          throw new TsvFormatException(
              lineNo,
              "unknown gold_label '" + label + "'; use positive, negative, neutral or mixed");
        }
      }
      double score = Double.NaN;
      if (scoreCol >= 0 && !f[scoreCol].isBlank()) {
        try {
          score = Double.parseDouble(f[scoreCol].strip());
        } catch (NumberFormatException e) {
          throw new TsvFormatException(lineNo, "gold_score '" + f[scoreCol] + "' is not a number");
        }
      }
      return new Row(lineNo, f[idCol], f[textCol], label, score);
    }

    /** The line's fields, which must be as many as the header's. */
    private String[] fields(String line, int lineNo) throws TsvFormatException {
      String[] f = new String[columns];
      int found = 0;
      int from = 0;
      while (true) {
        int tab = line.indexOf('\t', from);
        int to = tab < 0 ? line.length() : tab;
        if (found < columns) {
          f[found] = line.substring(from, to);
        }
        found++;
        if (tab < 0) {
          break;
        }
        from = tab + 1;
      }
      if (found != columns) {
        throw new TsvFormatException(
            lineNo,
            "expected " + columns + " tab-separated fields like the header, found " + found);
      }
      return f;
    }
  }
}
