package dev.takebot.takes.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.takebot.takes.Correction;
import dev.takebot.takes.TakeService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Writes a guild's moderator corrections as labelled data (the take's text, the analyser's label
 * and the moderator's), in the same CSV and JSON dialects as {@link TakeExport}, streaming from the
 * store through {@link TakeService}. The caller's stream is flushed, not closed.
 */
public final class CorrectionExport {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final TakeService takes;

  public CorrectionExport(TakeService takes) {
    this.takes = Objects.requireNonNull(takes, "takes");
  }

  /** Writes the corrections of guild {@code guildId} in {@code format}. */
  public void write(long guildId, TakeExport.Format format, OutputStream out) throws IOException {
    write(guildId, post -> true, format, out);
  }

  /**
   * Writes the corrections of guild {@code guildId} in {@code format}, only of the discussions
   * {@code includePost} accepts (by post message id): those the moderator asking may see.
   */
  public void write(
      long guildId, LongPredicate includePost, TakeExport.Format format, OutputStream out)
      throws IOException {
    if (format == TakeExport.Format.CSV) {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write("message_id,post_message_id,label,previous_label,moderator_id,corrected_at,text\r\n");
      stream(
          guildId,
          includePost,
          c -> {
            w.write(
                c.messageId()
                    + ","
                    + c.postMessageId()
                    + ","
                    + c.label().id()
                    + ","
                    + c.previousLabel().id()
                    + ","
                    + c.moderatorId()
                    + ","
                    + c.correctedAt()
                    + ","
                    + TakeExport.csvText(c.text())
                    + "\r\n");
          });
      w.flush();
      return;
    }
    JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeStringField("guild_id", Long.toString(guildId));
    g.writeArrayFieldStart("corrections");
    stream(
        guildId,
        includePost,
        c -> {
          g.writeStartObject();
          g.writeStringField("message_id", Long.toString(c.messageId()));
          g.writeStringField("post_message_id", Long.toString(c.postMessageId()));
          g.writeStringField("label", c.label().id());
          g.writeStringField("previous_label", c.previousLabel().id());
          g.writeStringField("moderator_id", Long.toString(c.moderatorId()));
          g.writeStringField("corrected_at", c.correctedAt().toString());
          g.writeStringField("text", c.text());
          g.writeEndObject();
        });
    g.writeEndArray();
    g.writeEndObject();
    g.close();
    out.flush();
  }

  private void stream(long guildId, LongPredicate includePost, IoConsumer row) throws IOException {
    Consumer<Correction> each =
        c -> {
          if (!includePost.test(c.postMessageId())) {
            return;
          }
          try {
            row.accept(c);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    try {
      takes.forEachCorrection(guildId, each);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @FunctionalInterface
  private interface IoConsumer {
    void accept(Correction correction) throws IOException;
  }
}
