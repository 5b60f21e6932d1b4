package dev.takebot.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The YAML front matter of a Markdown article: {@code title}, {@code date}, {@code tags} (a list or
 * a comma/space separated string), {@code video}. Other keys (author, source…) are allowed and
 * ignored, because front matter is often shared with a blog engine.
 */
record FrontMatter(String title, LocalDate date, List<String> tags, String video) {
  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * Parses the lines between the {@code ---} fences.
   *
   * @param lines the front matter lines
   * @param firstLine the 1-based line number of {@code lines.get(0)} in the input, for messages
   */
  static FrontMatter parse(List<String> lines, int firstLine) {
    String yaml = String.join("\n", lines);
    if (yaml.isBlank()) {
      return new FrontMatter(null, null, List.of(), null);
    }
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      int line =
          e.getLocation() == null
              ? firstLine
              : firstLine + Math.max(0, e.getLocation().getLineNr() - 1);
      throw ArticleFormatException.of(line, yamlProblem(e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw ArticleFormatException.of(firstLine, "articleError.keyValue");
    }
    String title = text(root, "title", lines, firstLine);
    String video = text(root, "video", lines, firstLine);
    String dateText = text(root, "date", lines, firstLine);
    LocalDate date = null;
    if (dateText != null && !dateText.isBlank()) {
      date =
          parseDate(dateText)
              .orElseThrow(
                  () ->
                      ArticleFormatException.of(
                          lineOfKey(lines, "date", firstLine),
                          "articleError.frontMatterDate",
                          "date",
                          dateText));
    }
    return new FrontMatter(title, date, tags(root.get("tags")), video);
  }

  private static Optional<LocalDate> parseDate(String text) {
    String s = text.strip();
    if (s.length() > 10 && (s.charAt(10) == 'T' || s.charAt(10) == ' ')) {
      s = s.substring(0, 10);
    }
    try {
      return Optional.of(LocalDate.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode root, String key, List<String> lines, int firstLine) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isValueNode()) {
      throw ArticleFormatException.of(
          lineOfKey(lines, key, firstLine), "articleError.singleValue", "key", key);
    }
    return node.asText();
  }

  private static List<String> tags(JsonNode node) {
    List<String> tags = new ArrayList<>();
    if (node == null || node.isNull()) {
      return tags;
    }
    if (node.isArray()) {
      node.forEach(n -> tags.add(n.asText()));
    } else {
      for (String t : node.asText().split("[,\\s]+")) {
        tags.add(t);
      }
    }
    tags.replaceAll(t -> t.strip().replaceFirst("^#+", ""));
    tags.removeIf(String::isEmpty);
    return tags;
  }

  private static int lineOfKey(List<String> lines, String key, int firstLine) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).stripLeading().startsWith(key + ":")) {
        return firstLine + i;
      }
    }
    return firstLine;
  }

  /**
   * The message key for what the YAML parser found wrong. Its own text ("mapping values are not
   * allowed here") is English and in its own terms, so the kinds people run into get a message with
   * the fix, and any other the plain "not valid YAML".
   */
  private static String yamlProblem(String parserMessage) {
    String m = parserMessage == null ? "" : parserMessage;
    if (m.startsWith("mapping values are not allowed")) {
      return "articleError.yaml.colon";
    }
    if (m.startsWith("while scanning a quoted scalar")) {
      return "articleError.yaml.quote";
    }
    if (m.startsWith("while parsing a flow")) {
      return "articleError.yaml.bracket";
    }
    if (m.contains("cannot start any token")) {
      return "articleError.yaml.character";
    }
    return "articleError.yaml";
  }
}
