package dev.takebot.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads {@link TakeBotConfig} from YAML. Strict on purpose: an unknown key is usually a typo that
 * would otherwise silently fall back to a default, so it is an error naming the key and its line.
 */
public final class ConfigLoader {
  private static final long MAX_BYTES = 1 << 20;

  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  /** Reads {@code file}; throws {@link ConfigException} with a one-line message on any problem. */
  public TakeBotConfig load(Path file) {
    String name = file.toString();
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(name + ": file is larger than 1 MiB; is this really the config?");
      }
      String text = Files.readString(file);
      return parse(text, name);
    } catch (NoSuchFileException e) {
      throw new ConfigException(name + ": file not found (copy config/takebot.yaml and edit it)");
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Parses YAML text; {@code name} is used in error messages. An empty document gives the defaults.
   */
  public TakeBotConfig parse(String text, String name) {
    if (text.isBlank()) {
      return TakeBotConfig.defaults();
    }
    try {
      TakeBotConfig config = yaml.readValue(text, TakeBotConfig.class);
      return config == null ? TakeBotConfig.defaults() : config;
    } catch (JacksonException e) {
      throw new ConfigException(describe(e, name, text), e);
    }
  }

  private static String describe(JacksonException e, String name, String text) {
    String where = name + lineOf(e, text);
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .sorted()
              .collect(Collectors.joining(", "));
      return where + ": unknown key '" + path(u) + "' (known keys here: " + known + ")";
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return where + ": " + section(v) + v.getCause().getMessage();
    }
    if (e instanceof InvalidFormatException f) {
      String expected = simpleType(f.getTargetType());
      return where
          + ": '"
          + path(f)
          + "' has the wrong type: '"
          + f.getValue()
          + "' is not "
          + (f.getTargetType() != null && f.getTargetType().isEnum() ? "" : "a ")
          + expected;
    }
    if (e instanceof MismatchedInputException m) {
      return where
          + ": '"
          + path(m)
          + "' has the wrong type: expected "
          + simpleType(m.getTargetType());
    }
    return where + ": not valid YAML: " + e.getOriginalMessage();
  }

  private static String section(JsonMappingException e) {
    String p = path(e);
    return p.isEmpty() ? "" : p + ": ";
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  /**
   * The line of the offending key. Jackson buffers record properties, so its own location is often
   * where the parser stopped (the line after); walking the key path through the text finds the key
   * itself.
   */
  private static String lineOf(JacksonException e, String text) {
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String[] lines = text.split("\\R", -1);
      int line = -1;
      for (JsonMappingException.Reference ref : m.getPath()) {
        if (ref.getFieldName() == null) {
          continue;
        }
        Pattern key =
            Pattern.compile(
                "^\\s*(-\\s+)?[\"']?" + Pattern.quote(ref.getFieldName()) + "[\"']?\\s*:.*");
        int found = -1;
        for (int i = line + 1; i < lines.length && found < 0; i++) {
          if (key.matcher(lines[i]).matches()) {
            found = i;
          }
        }
        if (found < 0) {
          break;
        }
        line = found;
      }
      if (line >= 0) {
        return ":" + (line + 1);
      }
    }
    JsonLocation location = e.getLocation();
    return location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr();
  }

  private static String simpleType(Class<?> type) {
    if (type == null) {
      return "value of another type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "whole number";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "list";
    }
    if (type.isEnum()) {
      return "one of "
          + java.util.Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (type.isRecord()) {
      return "section (key: value pairs)";
    }
    return type == String.class ? "text" : type.getSimpleName();
  }
}
