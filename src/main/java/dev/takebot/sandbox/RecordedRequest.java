package dev.takebot.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * One REST request the sandbox answered, for assertions on what the bot did.
 *
 * @param at when it arrived
 * @param method HTTP method
 * @param path path below the API root, e.g. {@code channels/123/messages}
 * @param query raw query string or empty
 * @param status the status answered
 * @param body the JSON body ({@code payload_json} for multipart) or empty
 * @param fileNames names of uploaded files, in part order
 */
public record RecordedRequest(
    Instant at,
    String method,
    String path,
    String query,
    int status,
    String body,
    List<String> fileNames) {

  public RecordedRequest {
    fileNames = List.copyOf(fileNames);
  }

  /** True when method and path match, e.g. {@code is("POST", "channels/1/messages")}. */
  public boolean is(String method, String path) {
    return this.method.equalsIgnoreCase(method) && this.path.equals(path);
  }
}
