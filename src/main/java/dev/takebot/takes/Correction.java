package dev.takebot.takes;

import dev.takebot.sentiment.Label;
import java.time.Instant;

/**
 * A moderator's correction of a take's tag, with the text it applies to: labelled data for
 * evaluating and tuning the analyser.
 *
 * @param messageId the corrected take
 * @param postMessageId its discussion
 * @param text the take's current text
 * @param label the moderator's label
 * @param previousLabel the label the take carried before the correction
 * @param moderatorId who corrected it
 * @param correctedAt when
 */
public record Correction(
    long messageId,
    long postMessageId,
    String text,
    Label label,
    Label previousLabel,
    long moderatorId,
    Instant correctedAt) {}
