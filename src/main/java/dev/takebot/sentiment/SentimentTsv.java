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

  /**
   * Parses {@code bytes}; with {@code requireGold} the {@code gold_label} column must be present.
   */
  public static Table parse(byte[] bytes, boolean requireGold) throws TsvFormatException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<Row> rows = new ArrayList<>();
    int idCol = -1;
    int textCol = -1;
    int labelCol = -1;
    int scoreCol = -1;
    int columns = -1;
    int lineNo = 0;
    int pos = 0;
    int len = bytes.length;
    if (len >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      pos = 3; // UTF-8 byte order mark
    }
    while (pos < len) {
      int end = pos;
      while (end < len && bytes[end] != '\n') {
        end++;
      }
      lineNo++;
      int stop = end > pos && bytes[end - 1] == '\r' ? end - 1 : end;
      String line;
      try {
        line = decoder.decode(ByteBuffer.wrap(bytes, pos, stop - pos)).toString();
      } catch (CharacterCodingException e) {
        throw new TsvFormatException(lineNo, "not valid UTF-8; save the file as UTF-8");
      }
      pos = end + 1;
      if (columns < 0) {
        String[] head = line.split("\t", -1);
        columns = head.length;
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
        continue;
      }
      if (line.isEmpty() && pos >= len) {
        break;
      }
      String[] f = line.split("\t", -1);
      if (f.length != columns) {
        throw new TsvFormatException(
            lineNo,
            "expected " + columns + " tab-separated fields like the header, found " + f.length);
      }
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
      rows.add(new Row(lineNo, f[idCol], f[textCol], label, score));
    }
    if (columns < 0) {
      throw new TsvFormatException(
          1, "empty input; expected a header with 'id' and 'text' columns");
    }
    return new Table(List.copyOf(rows), scoreCol >= 0);
  }
}
