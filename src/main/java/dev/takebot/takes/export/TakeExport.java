package dev.takebot.takes.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes one discussion's takes with their tags as CSV or JSON, streaming from the store through
 * {@link TakeService} so an article with a million takes needs no more memory than one with ten.
 * The caller's stream is flushed, not closed.
 */
public final class TakeExport {
  private static final String[] HEADER = {
    "message_id",
    "author_id",
    "author",
    "created_at",
    "edited_at",
    "label",
    "score",
    "analyzer_version",
    "text"
  };
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final TakeService takes;

  public TakeExport(TakeService takes) {
    this.takes = Objects.requireNonNull(takes, "takes");
  }

  /** Export formats, as named in {@code /takes export format:}. */
  public enum Format {
    CSV("text/csv", "csv"),
    JSON("application/json", "json");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    public String mediaType() {
      return mediaType;
    }

    public String extension() {
      return extension;
    }

    /** Parses "csv" or "json" (case-insensitive). */
    public static Format parse(String name) {
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown export format '" + name + "': use csv or json", e);
      }
    }
  }

  /** Writes the takes of discussion {@code postMessageId} in {@code format}. */
  public void write(long postMessageId, Format format, OutputStream out) throws IOException {
    if (format == Format.CSV) {
      writeCsv(postMessageId, out);
    } else {
      writeJson(postMessageId, out);
    }
  }

  /**
   * RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break).
   * Free-text cells that a spreadsheet would run as a formula (starting with = + - @ tab or CR) get
   * a leading apostrophe.
   */
  public void writeCsv(long postMessageId, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    for (int i = 0; i < HEADER.length; i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(HEADER[i]);
    }
    w.write("\r\n");
    stream(
        postMessageId,
        t -> {
          w.write(Long.toString(t.messageId()));
          w.write(',');
          w.write(Long.toString(t.authorId()));
          w.write(',');
          w.write(csvText(t.authorName()));
          w.write(',');
          w.write(t.createdAt().toString());
          w.write(',');
          w.write(t.editedAt() == null ? "" : t.editedAt().toString());
          w.write(',');
          w.write(t.label().id());
          w.write(',');
          w.write(Double.toString(t.score()));
          w.write(',');
          w.write(csvText(t.analyzerVersion()));
          w.write(',');
          w.write(csvText(t.text()));
          w.write("\r\n");
        });
    w.flush();
  }

  /**
   * JSON: {@code {"post_message_id": "…", "title": "…", "takes": [ … ]}}. Ids are strings because
   * snowflakes exceed the integers JavaScript can hold exactly.
   */
  public void writeJson(long postMessageId, OutputStream out) throws IOException {
    Optional<Discussion> discussion = takes.discussions().find(postMessageId);
    JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeStringField("post_message_id", Long.toString(postMessageId));
    if (discussion.isPresent()) {
      g.writeStringField("article_key", discussion.get().articleKey());
      g.writeStringField("title", discussion.get().title());
    }
    g.writeArrayFieldStart("takes");
    stream(
        postMessageId,
        t -> {
          g.writeStartObject();
          g.writeStringField("message_id", Long.toString(t.messageId()));
          g.writeStringField("author_id", Long.toString(t.authorId()));
          g.writeStringField("author", t.authorName());
          g.writeStringField("created_at", t.createdAt().toString());
          if (t.editedAt() == null) {
            g.writeNullField("edited_at");
          } else {
            g.writeStringField("edited_at", t.editedAt().toString());
          }
          g.writeStringField("label", t.label().id());
          g.writeNumberField("score", t.score());
          g.writeStringField("analyzer_version", t.analyzerVersion());
          g.writeStringField("text", t.text());
          g.writeEndObject();
        });
    g.writeEndArray();
    g.writeEndObject();
    g.close();
    out.flush();
  }

  private void stream(long postMessageId, IoConsumer row) throws IOException {
    try {
      takes.forEachTake(
          postMessageId,
          t -> {
            try {
              row.accept(t);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Quotes a free-text cell per RFC 4180 after defusing spreadsheet formulas. */
  static String csvText(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char ch = v.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  @FunctionalInterface
  private interface IoConsumer {
    void accept(Take take) throws IOException;
  }
}
