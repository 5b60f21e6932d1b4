package dev.takebot.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TakeBot's one stop-word list, English and French, read from {@code stop-words.txt} beside this
 * class (the file says where the words come from). Lookups take lower-case words.
 */
public final class StopWords {
  private static final Map<String, Set<String>> BY_LANGUAGE = load("stop-words.txt");
  private static final Set<String> ENGLISH = BY_LANGUAGE.get("en");
  private static final Set<String> FRENCH = BY_LANGUAGE.get("fr");

  private StopWords() {}

  /**
   * An English stop word: articles are written in English, so their summaries and tags drop these.
   */
  public static boolean isEnglish(String lower) {
    return ENGLISH.contains(lower);
  }

  /** A French stop word. */
  public static boolean isFrench(String lower) {
    return FRENCH.contains(lower);
  }

  /** An English or a French stop word: members write their takes in either language. */
  public static boolean isEnglishOrFrench(String lower) {
    return ENGLISH.contains(lower) || FRENCH.contains(lower);
  }

  static Map<String, Set<String>> load(String resource) {
    InputStream in = StopWords.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "the stop-word list " + resource + " is missing from the class path");
    }
    Map<String, Set<String>> lists = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Set<String> current = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        if (s.startsWith("[") && s.endsWith("]")) {
          current = lists.computeIfAbsent(s.substring(1, s.length() - 1), k -> new HashSet<>());
        } else if (current == null) {
          throw new IllegalStateException(resource + ": words before the first [language] line");
        } else {
          current.addAll(List.of(s.split("\\s+")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lists.replaceAll((language, words) -> Set.copyOf(words));
    return Map.copyOf(lists);
  }
}
