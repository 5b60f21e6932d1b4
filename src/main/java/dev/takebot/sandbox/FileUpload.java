package dev.takebot.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * A file a simulated member attaches (to a message or a slash command's attachment option).
 *
 * @param filename name shown in Discord, e.g. {@code article.txt}
 * @param bytes the content
 */
public record FileUpload(String filename, byte[] bytes) {

  public FileUpload {
    if (filename == null || filename.isBlank()) {
      throw new IllegalArgumentException("filename must not be blank");
    }
    bytes = bytes.clone();
  }

  /** A UTF-8 text file. */
  public static FileUpload text(String filename, String text) {
    return new FileUpload(filename, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
