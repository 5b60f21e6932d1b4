package dev.takebot.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short stable keys of a text: the start of its SHA-256, for finding the same text again. */
public final class TextHash {
  private TextHash() {}

  /** The first {@code bytes} bytes of the SHA-256 of {@code s} in UTF-8, in lower-case hex. */
  public static String sha256(String s, int bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
