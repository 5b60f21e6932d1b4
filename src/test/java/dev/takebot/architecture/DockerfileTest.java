package dev.takebot.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The image's security rules, read from the Dockerfile itself (no Docker engine needed).
 * Regression: {@code config/} was copied {@code --chown} to the runtime user, so the bot could
 * rewrite its own configuration.
 */
@DisplayName("The Dockerfile's runtime image")
class DockerfileTest {
  private static List<Instruction> runtime;

  /** One instruction: its keyword upper-cased and its arguments with line continuations joined. */
  record Instruction(String keyword, String args) {
    boolean is(String k) {
      return keyword.equals(k);
    }
  }

  @BeforeAll
  static void readTheLastStage() throws IOException {
    List<Instruction> all = parse(Files.readString(Path.of("Dockerfile")));
    int lastFrom = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).is("FROM")) {
        lastFrom = i;
      }
    }
    runtime = all.subList(lastFrom, all.size());
  }

  static List<Instruction> parse(String text) {
    List<Instruction> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\\R")) {
      String t = line.strip();
      if (current.isEmpty() && (t.isEmpty() || t.startsWith("#"))) {
        continue;
      }
      if (!current.isEmpty() && t.startsWith("#")) {
        continue; // a comment inside a continued instruction
      }
      if (t.endsWith("\\")) {
        current.append(t, 0, t.length() - 1).append(' ');
        continue;
      }
      current.append(t);
      String joined = current.toString().strip();
      current.setLength(0);
      int space = joined.indexOf(' ');
      out.add(
          new Instruction(
              joined.substring(0, space < 0 ? joined.length() : space).toUpperCase(Locale.ROOT),
              space < 0 ? "" : joined.substring(space + 1).strip()));
    }
    return out;
  }

  private static List<Instruction> all(String keyword) {
    return runtime.stream().filter(i -> i.is(keyword)).toList();
  }

  private static int indexOfUser() {
    for (int i = runtime.size() - 1; i >= 0; i--) {
      if (runtime.get(i).is("USER")) {
        return i;
      }
    }
    return -1;
  }

  @Test
  @DisplayName("runs as a non-root user")
  void runsAsNonRoot() {
    List<Instruction> users = all("USER");
    assertThat(users).as("USER instructions").isNotEmpty();
    String user = users.get(users.size() - 1).args().split(":")[0];
    assertThat(user).isNotIn("root", "0");
  }

  @Test
  @DisplayName("ships config/ owned by root: copied without --chown, never chowned afterwards")
  void configIsRootOwned() {
    List<Instruction> copies =
        runtime.stream()
            .filter(i -> (i.is("COPY") || i.is("ADD")) && i.args().matches(".*\\bconfig\\b.*"))
            .toList();
    assertThat(copies).as("config is copied into the image").isNotEmpty();
    assertThat(copies).allSatisfy(c -> assertThat(c.args()).doesNotContain("--chown"));
    assertThat(all("RUN"))
        .allSatisfy(r -> assertThat(r.args()).doesNotContainPattern("chown[^&;|]*config"));
  }

  @Test
  @DisplayName(
      "makes config/ read-only before switching to the runtime user, and never writable again")
  void configIsReadOnly() {
    List<Instruction> beforeUser = runtime.subList(0, indexOfUser());
    assertThat(beforeUser)
        .filteredOn(i -> i.is("RUN"))
        .anySatisfy(
            r ->
                assertThat(r.args())
                    .containsPattern("chmod -R (a-w|0?444|0?555)\\s[^&;|]*/app/config"));
    assertThat(runtime.stream().filter(i -> i.is("COPY") || i.is("ADD")))
        .allSatisfy(c -> assertThat(c.args()).doesNotContainPattern("--chmod=\\d*[2367]"));
    assertThat(all("RUN"))
        .allSatisfy(
            r -> assertThat(r.args()).doesNotContainPattern("chmod[^&;|]*(\\+w|[ug]\\+w|777|666)"));
  }

  @Test
  @DisplayName("keeps /app/data, and only it, writable by the runtime user, as a volume")
  void dataIsTheUsersVolume() {
    String user = all("USER").get(all("USER").size() - 1).args();
    assertThat(runtime.subList(0, indexOfUser()))
        .filteredOn(i -> i.is("RUN"))
        .anySatisfy(
            r ->
                assertThat(r.args())
                    .contains("mkdir -p /app/data")
                    .containsPattern("chown " + user + "(:" + user + ")? /app/data"));
    assertThat(all("VOLUME")).anySatisfy(v -> assertThat(v.args()).contains("/app/data"));
    assertThat(all("RUN"))
        .allSatisfy(
            r -> assertThat(r.args()).doesNotContainPattern("chown[^&;|]* /app(/?\\s|/?$)"));
  }

  @Test
  @DisplayName("starts java in exec form, so it is PID 1 and receives docker stop's SIGTERM")
  void entrypointInExecForm() {
    assertThat(all("ENTRYPOINT"))
        .singleElement()
        .satisfies(e -> assertThat(e.args()).startsWith("[\"java\""));
  }

  @Test
  @DisplayName(
      "checks health over HTTP (/health/ready on the port run serves), not by starting a second JVM")
  void healthCheckIsAnHttpProbe() {
    assertThat(all("HEALTHCHECK"))
        .singleElement()
        .satisfies(
            h ->
                assertThat(h.args())
                    .contains("CMD curl")
                    .contains("http://127.0.0.1:9090/health/ready")
                    .doesNotContain("java"));
    assertThat(all("CMD"))
        .singleElement()
        .satisfies(c -> assertThat(c.args()).contains("\"--metrics-port\", \"9090\""));
  }
}
