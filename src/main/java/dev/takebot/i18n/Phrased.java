package dev.takebot.i18n;

/** Something (typically a refusal) whose words each reader sees in their own language. */
public interface Phrased {
  Phrase phrase();
}
