package dev.takebot.i18n;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message not yet put into words: its key in the bundles and its named arguments, so code that
 * knows nothing of its reader (a fetch refusal, a feed's stored error) can say something each
 * reader sees in their own language. An argument may itself be a phrase ("posting failed: {reason}"
 * whose reason is another message); it is worded in the same language.
 *
 * @param key the message's key, or null for {@link #text} given as is
 * @param namesAndValues the arguments as name, value pairs; values are strings, numbers or phrases
 */
public record Phrase(String key, List<Object> namesAndValues) {
  private static final String MARK = "@";

  public Phrase {
    if (namesAndValues.size() % 2 != 0) {
      throw new IllegalArgumentException("arguments of " + key + " come in name, value pairs");
    }
    namesAndValues = List.copyOf(namesAndValues);
  }

  /** The message {@code key} with its arguments as name, value pairs. */
  public static Phrase of(String key, Object... namesAndValues) {
    return new Phrase(Objects.requireNonNull(key, "key"), Arrays.asList(namesAndValues));
  }

  /** Words that have no message of their own (a site's own error text), shown as they are. */
  public static Phrase text(String words) {
    return new Phrase(null, List.of("text", Objects.requireNonNullElse(words, "")));
  }

  /** The words in the language of {@code texts}. */
  public String in(Texts texts) {
    return key == null ? (String) namesAndValues.get(1) : texts.get(key, namesAndValues.toArray());
  }

  /** In English, e.g. for logs and exception messages. */
  public String english() {
    return in(Texts.english());
  }

  /**
   * A compact line to store (e.g. a feed's last error), read back with {@link #decode}; empty when
   * it would be longer than {@code maxLength}.
   */
  public Optional<String> encode(int maxLength) {
    String line = encode();
    return line.length() <= maxLength ? Optional.of(line) : Optional.empty();
  }

  private String encode() {
    if (key == null) {
      return MARK + "?t=" + escape((String) namesAndValues.get(1));
    }
    StringBuilder sb = new StringBuilder(MARK).append(escape(key));
    for (int i = 0; i < namesAndValues.size(); i += 2) {
      Object v = namesAndValues.get(i + 1);
      String typed =
          v instanceof Phrase p
              ? "p:" + p.encode()
              : v instanceof Number n ? "n:" + n : "s:" + Objects.toString(v);
      sb.append(i == 0 ? '?' : '&')
          .append(escape((String) namesAndValues.get(i)))
          .append('=')
          .append(escape(typed));
    }
    return sb.toString();
  }

  /**
   * The phrase {@link #encode} wrote, or empty for any other text (e.g. an error stored as words
   * before phrases existed).
   */
  public static Optional<Phrase> decode(String line) {
    if (line == null || !line.startsWith(MARK)) {
      return Optional.empty();
    }
    try {
      int q = line.indexOf('?');
      String key = unescape(line.substring(MARK.length(), q < 0 ? line.length() : q));
      List<Object> args = new ArrayList<>();
      if (q >= 0) {
        for (String pair : line.substring(q + 1).split("&")) {
          int eq = pair.indexOf('=');
          args.add(unescape(pair.substring(0, eq)));
          args.add(pair.substring(eq + 1));
        }
      }
      if (key.isEmpty()) {
        return args.size() == 2 && args.get(0).equals("t")
            ? Optional.of(text(unescape((String) args.get(1))))
            : Optional.empty();
      }
      for (int i = 1; i < args.size(); i += 2) {
        String typed = unescape((String) args.get(i));
        String value = typed.substring(2);
        args.set(
            i,
            switch (typed.substring(0, 2)) {
              case "n:" -> value.contains(".") ? Double.parseDouble(value) : Long.parseLong(value);
              case "p:" -> decode(value).orElseThrow();
              case "s:" -> value;
              default -> throw new IllegalArgumentException(typed);
            });
      }
      return Optional.of(new Phrase(key, args));
    } catch (RuntimeException e) {
      return Optional.empty(); // not ours after all: shown as it was stored
    }
  }

  private static String escape(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String unescape(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
