package dev.takebot.message;

/**
 * A file to attach, e.g. {@code chart.png}. Referenced from an embed as {@code attachment://name}.
 */
public record FileSpec(String name, byte[] data) {
  public FileSpec {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("file name must be 1-64 chars of [A-Za-z0-9._-]: " + name);
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
