package dev.takebot.message;

/** An embed field: name ≤ 256, value ≤ 1,024, both non-blank. */
public record FieldSpec(String name, String value, boolean inline) {
  public FieldSpec {
    if (name == null || name.isBlank() || value == null || value.isBlank()) {
      throw new IllegalArgumentException("embed field name and value must not be blank");
    }
    DiscordLimits.checkLength("field name", name, DiscordLimits.FIELD_NAME);
    DiscordLimits.checkLength("field value", value, DiscordLimits.FIELD_VALUE);
  }
}
