package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * Discord's form validation for message bodies, thread names and application commands, producing
 * the {@code 50035 Invalid Form Body} error tree ({@code errors.embeds.0.title._errors[...]}).
 */
final class Validation {
  private static final Pattern COMMAND_NAME = Pattern.compile("^[-_\\p{L}\\p{N}]{1,32}$");

  private final ObjectMapper json;
  private ObjectNode errors;

  private Validation(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Checks a message create/edit body. {@code requireContent} refuses a message that would be empty
   * (no content, embeds, files, components, stickers or poll) with 50006.
   */
  static void message(
      ObjectMapper json, JsonNode body, int newFiles, int keptAttachments, boolean requireContent) {
    Validation v = new Validation(json);
    String content = text(body, "content");
    if (content != null && length(content) > 2000) {
      v.tooLong("content", 2000);
    }
    JsonNode embeds = body.path("embeds");
    if (embeds.isArray()) {
      if (embeds.size() > 10) {
        v.tooLong("embeds", 10);
      }
      for (int i = 0; i < embeds.size(); i++) {
        v.embed("embeds." + i, embeds.get(i));
      }
    }
    JsonNode components = body.path("components");
    if (components.isArray()) {
      boolean v2 = (body.path("flags").asInt() & (1 << 15)) != 0;
      if (!v2 && components.size() > 5) {
        v.tooLong("components", 5);
      }
      for (int i = 0; i < components.size(); i++) {
        v.component("components." + i, components.get(i));
      }
    }
    v.throwIfAny();
    if (requireContent) {
      boolean empty =
          (content == null || content.isEmpty())
              && !(embeds.isArray() && embeds.size() > 0)
              && newFiles + keptAttachments == 0
              && !(body.path("attachments").isArray() && body.path("attachments").size() > 0)
              && !(components.isArray() && components.size() > 0)
              && !(body.path("sticker_ids").isArray() && body.path("sticker_ids").size() > 0)
              && !body.path("poll").isObject();
      if (empty) {
        throw ApiException.emptyMessage();
      }
    }
  }

  static void threadName(ObjectMapper json, JsonNode body) {
    Validation v = new Validation(json);
    String name = text(body, "name");
    if (name == null || name.isBlank()) {
      v.add("name", "BASE_TYPE_REQUIRED", "This field is required");
    } else if (length(name) > 100) {
      v.tooLong("name", 100);
    }
    JsonNode archive = body.path("auto_archive_duration");
    if (!archive.isMissingNode() && !archive.isNull()) {
      int a = archive.asInt();
      if (a != 60 && a != 1440 && a != 4320 && a != 10080) {
        v.add(
            "auto_archive_duration",
            "BASE_TYPE_CHOICES",
            "Value must be one of {60, 1440, 4320, 10080}.");
      }
    }
    v.throwIfAny();
  }

  static void command(ObjectMapper json, JsonNode cmd, String path) {
    Validation v = new Validation(json);
    int type = cmd.path("type").asInt(1);
    String name = text(cmd, "name");
    String p = path.isEmpty() ? "" : path + ".";
    boolean validName =
        type == 1
            ? name != null
                && COMMAND_NAME.matcher(name).matches()
                && name.equals(name.toLowerCase(java.util.Locale.ROOT))
            : name != null && !name.isBlank() && length(name) <= 32;
    if (!validName) {
      v.add(p + "name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
    }
    String description = text(cmd, "description");
    if (type == 1 && (description == null || description.isEmpty() || length(description) > 100)) {
      v.add(p + "description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
    }
    v.localizations(p, cmd, type == 1);
    v.options(p + "options", cmd.path("options"));
    v.throwIfAny();
  }

  /**
   * Discord holds each localized name and description to the rules of the default one: a slash
   * command's or option's name in lower case, 1-32 characters; a description 1-100.
   */
  private void localizations(String p, JsonNode node, boolean slashName) {
    node.path("name_localizations")
        .fields()
        .forEachRemaining(
            e -> {
              String n = e.getValue().asText();
              boolean ok =
                  slashName
                      ? COMMAND_NAME.matcher(n).matches()
                          && n.equals(n.toLowerCase(java.util.Locale.ROOT))
                      : !n.isBlank() && length(n) <= 32;
              if (!ok) {
                add(
                    p + "name_localizations." + e.getKey(),
                    "APPLICATION_COMMAND_INVALID_NAME",
                    "Command name is invalid");
              }
            });
    node.path("description_localizations")
        .fields()
        .forEachRemaining(
            e -> {
              int n = length(e.getValue().asText());
              if (n < 1 || n > 100) {
                add(
                    p + "description_localizations." + e.getKey(),
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.");
              }
            });
  }

  private void options(String path, JsonNode options) {
    if (!options.isArray()) {
      return;
    }
    if (options.size() > 25) {
      tooLong(path, 25);
    }
    for (int i = 0; i < options.size(); i++) {
      JsonNode o = options.get(i);
      String name = text(o, "name");
      if (name == null || !COMMAND_NAME.matcher(name).matches()) {
        add(
            path + "." + i + ".name",
            "APPLICATION_COMMAND_INVALID_NAME",
            "Command name is invalid");
      }
      String d = text(o, "description");
      if (d == null || d.isEmpty() || length(d) > 100) {
        add(
            path + "." + i + ".description",
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 100 in length.");
      }
      if (o.path("choices").size() > 25) {
        tooLong(path + "." + i + ".choices", 25);
      }
      localizations(path + "." + i + ".", o, true);
      for (int c = 0; c < o.path("choices").size(); c++) {
        localizations(path + "." + i + ".choices." + c + ".", o.path("choices").get(c), false);
      }
      options(path + "." + i + ".options", o.path("options"));
    }
  }

  private void embed(String path, JsonNode e) {
    int total = 0;
    String title = text(e, "title");
    if (title != null) {
      total += length(title);
      if (length(title) > 256) {
        tooLong(path + ".title", 256);
      }
    }
    String description = text(e, "description");
    if (description != null) {
      total += length(description);
      if (length(description) > 4096) {
        tooLong(path + ".description", 4096);
      }
    }
    JsonNode fields = e.path("fields");
    if (fields.size() > 25) {
      tooLong(path + ".fields", 25);
    }
    for (int i = 0; i < fields.size(); i++) {
      String name = text(fields.get(i), "name");
      String value = text(fields.get(i), "value");
      if (name == null || name.isEmpty()) {
        add(path + ".fields." + i + ".name", "BASE_TYPE_REQUIRED", "This field is required");
      } else {
        total += length(name);
        if (length(name) > 256) {
          tooLong(path + ".fields." + i + ".name", 256);
        }
      }
      if (value == null || value.isEmpty()) {
        add(path + ".fields." + i + ".value", "BASE_TYPE_REQUIRED", "This field is required");
      } else {
        total += length(value);
        if (length(value) > 1024) {
          tooLong(path + ".fields." + i + ".value", 1024);
        }
      }
    }
    String footer = text(e.path("footer"), "text");
    if (footer != null) {
      total += length(footer);
      if (length(footer) > 2048) {
        tooLong(path + ".footer.text", 2048);
      }
    }
    String author = text(e.path("author"), "name");
    if (author != null) {
      total += length(author);
      if (length(author) > 256) {
        tooLong(path + ".author.name", 256);
      }
    }
    if (total > 6000) {
      add(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
    }
  }

  private void component(String path, JsonNode c) {
    int type = c.path("type").asInt();
    if (type == 1) {
      JsonNode children = c.path("components");
      if (children.size() == 0 || children.size() > 5) {
        add(path + ".components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
      }
      for (int i = 0; i < children.size(); i++) {
        component(path + ".components." + i, children.get(i));
      }
    } else if (type == 2) {
      int style = c.path("style").asInt();
      String customId = text(c, "custom_id");
      if (style == 5 ? text(c, "url") == null : (customId == null && style != 6)) {
        add(path + ".custom_id", "BASE_TYPE_REQUIRED", "This field is required");
      }
      if (customId != null && length(customId) > 100) {
        tooLong(path + ".custom_id", 100);
      }
      String label = text(c, "label");
      if (label != null && length(label) > 80) {
        tooLong(path + ".label", 80);
      }
    }
  }

  private void tooLong(String path, int max) {
    add(path, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
  }

  private void add(String path, String code, String message) {
    if (errors == null) {
      errors = json.createObjectNode();
    }
    addError(errors, path, code, message);
  }

  /** Adds one error at the dotted {@code path} (e.g. {@code data.title}) of an error tree. */
  static void addError(ObjectNode errors, String path, String code, String message) {
    ObjectNode node = errors;
    for (String part : path.split("\\.")) {
      node = child(node, part);
    }
    ArrayNode list = node.get("_errors") instanceof ArrayNode a ? a : node.putArray("_errors");
    ObjectNode error = list.addObject();
    error.put("code", code);
    error.put("message", message);
  }

  /** A {@code 50035 Invalid Form Body} with a single error at {@code path}. */
  static ApiException invalidField(ObjectMapper json, String path, String code, String message) {
    ObjectNode errors = json.createObjectNode();
    addError(errors, path, code, message);
    return ApiException.invalidForm(errors);
  }

  private void throwIfAny() {
    if (errors != null) {
      throw ApiException.invalidForm(errors);
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /**
   * The object child {@code name}, created when absent: for Discord's nested error trees and {@code
   * resolved}.
   */
  static ObjectNode child(ObjectNode parent, String name) {
    return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
  }
}
