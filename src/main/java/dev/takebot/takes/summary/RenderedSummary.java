package dev.takebot.takes.summary;

import dev.takebot.message.FileSpec;
import dev.takebot.message.MessageSpec;
import java.util.Optional;

/**
 * A summary ready to post: the data, and the message with the chart attached.
 *
 * @param summary what the summary says
 * @param message the embed plus {@value SummaryChart#FILE_NAME} (no file when there are no takes)
 */
public record RenderedSummary(DiscussionSummary summary, MessageSpec message) {
  /** The chart PNG, when one is attached. */
  public Optional<byte[]> chartPng() {
    return message.files().stream()
        .filter(f -> f.name().equals(SummaryChart.FILE_NAME))
        .findFirst()
        .map(FileSpec::data);
  }
}
