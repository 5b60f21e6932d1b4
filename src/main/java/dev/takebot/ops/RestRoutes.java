package dev.takebot.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Discord REST paths as metric labels: {@code POST channels/{id}/messages}. Ids, interaction and
 * webhook tokens, emoji and anything else that is not a fixed word are masked, so a label never
 * carries a secret and the number of labels stays small.
 */
public final class RestRoutes {
  private static final Pattern WORD = Pattern.compile("[a-z][a-z_-]*|@me|@original");
  private static final Pattern ID = Pattern.compile("\\d+");

  private RestRoutes() {}

  /**
   * The route of {@code path} (what follows the REST base, e.g. {@code channels/123/messages}, a
   * query string allowed), prefixed with the method.
   */
  public static String route(String method, String path) {
    int query = path.indexOf('?');
    String p = query < 0 ? path : path.substring(0, query);
    List<String> out = new ArrayList<>();
    String previous = "";
    String beforePrevious = "";
    for (String segment : p.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      String masked;
      if ((beforePrevious.equals("interactions") || beforePrevious.equals("webhooks"))
          && ID.matcher(previous).matches()) {
        masked = "{token}"; // interactions/{id}/{token}, webhooks/{id}/{token}
      } else if (previous.equals("reactions")) {
        masked = "{emoji}";
      } else if (ID.matcher(segment).matches()) {
        masked = "{id}";
      } else if (WORD.matcher(segment).matches()) {
        masked = segment;
      } else {
        masked = "{param}";
      }
      out.add(masked);
      beforePrevious = previous;
      previous = segment;
    }
    return method.toUpperCase(Locale.ROOT) + " " + String.join("/", out);
  }
}
