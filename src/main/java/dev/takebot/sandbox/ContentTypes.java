package dev.takebot.sandbox;

import java.util.Locale;
import java.util.Map;

/**
 * Derives an attachment's content type from its bytes and name, as Discord does (clients label
 * every part {@code application/octet-stream}).
 */
final class ContentTypes {
  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("md", "text/markdown; charset=utf-8"),
          Map.entry("csv", "text/csv; charset=utf-8"),
          Map.entry("json", "application/json; charset=utf-8"),
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("htm", "text/html; charset=utf-8"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("mp4", "video/mp4"));

  private ContentTypes() {}

  static String detect(String filename, byte[] bytes) {
    if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
      return "image/png";
    }
    if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (startsWith(bytes, 'G', 'I', 'F', '8')) {
      return "image/gif";
    }
    if (startsWith(bytes, '%', 'P', 'D', 'F')) {
      return "application/pdf";
    }
    int dot = filename.lastIndexOf('.');
    String ext = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
  }

  /** Width and height of a PNG from its IHDR chunk, or {@code null}. */
  static int[] imageSize(byte[] b) {
    if (b.length >= 24 && startsWith(b, 0x89, 'P', 'N', 'G')) {
      return new int[] {int32(b, 16), int32(b, 20)};
    }
    return null;
  }

  private static int int32(byte[] b, int at) {
    return (b[at] & 0xFF) << 24
        | (b[at + 1] & 0xFF) << 16
        | (b[at + 2] & 0xFF) << 8
        | (b[at + 3] & 0xFF);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
