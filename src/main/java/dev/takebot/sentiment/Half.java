package dev.takebot.sentiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Which half of a labelled set a text falls in: the fitting half, on which rules and numbers may be
 * tuned, or the checking half, whose figures are the ones to trust. Decided by the text alone (a
 * stable hash), so the split is the same on every machine, in every file order, and for every copy
 * of the same text.
 *
 * <p>The rule: a text is in the checking half when the second-to-last hex digit of the SHA-1 of its
 * UTF-8 bytes is odd. The shared dev files were themselves cut from their sources by the parity of
 * the last hex digit, so that bit is the same for all of them; the next one is independent of it.
 */
public enum Half {
  FITTING,
  CHECKING;

  /** One line for reports: how the halves are drawn. */
  public static final String RULE =
      "checking half: second-to-last hex digit of sha1(utf8(text)) is odd; fitting half: even";

  /** The half {@code text} belongs to. */
  public static Half of(String text) {
    byte[] d = sha1().digest(text.getBytes(StandardCharsets.UTF_8));
    return ((d[d.length - 1] >>> 4) & 1) == 0 ? FITTING : CHECKING;
  }

  /** Lower-case name as printed in reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
  }
}
