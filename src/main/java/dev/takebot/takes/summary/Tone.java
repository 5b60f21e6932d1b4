package dev.takebot.takes.summary;

/** The overall tone of a discussion in words, from its mean sentiment score in [-1, 1]. */
public enum Tone {
  STRONGLY_NEGATIVE("strongly negative"),
  NEGATIVE("negative"),
  LEANING_NEGATIVE("leaning negative"),
  BALANCED("balanced"),
  LEANING_POSITIVE("leaning positive"),
  POSITIVE("positive"),
  STRONGLY_POSITIVE("strongly positive");

  private final String words;

  Tone(String words) {
    this.words = words;
  }

  /** "leaning negative". */
  public String words() {
    return words;
  }

  public static Tone of(double meanScore) {
    if (meanScore <= -0.5) {
      return STRONGLY_NEGATIVE;
    } else if (meanScore <= -0.2) {
      return NEGATIVE;
    } else if (meanScore <= -0.05) {
      return LEANING_NEGATIVE;
    } else if (meanScore < 0.05) {
      return BALANCED;
    } else if (meanScore < 0.2) {
      return LEANING_POSITIVE;
    } else if (meanScore < 0.5) {
      return POSITIVE;
    }
    return STRONGLY_POSITIVE;
  }
}
