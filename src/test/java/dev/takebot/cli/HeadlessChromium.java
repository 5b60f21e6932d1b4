package dev.takebot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real headless Chromium (the distribution's package) driven over the Chrome DevTools Protocol,
 * with the JDK's own WebSocket client: no driver binary, no extra dependency.
 *
 * <p>{@link #locate()} finds {@code /usr/bin/chromium}, or installs it with {@code apt-get install
 * -y chromium} when running as root on a Debian-like system; otherwise it says why not, for the
 * test to skip with. {@code -Dtakebot.chromium=PATH} picks another build (e.g. {@code
 * /usr/bin/chromium-browser}) and installs nothing.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Duration CALL = Duration.ofSeconds(15);
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The browser, or why there is none. */
  record Located(Optional<Path> binary, String whyNot) {}

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, List<CompletableFuture<JsonNode>>> waiters = new ConcurrentHashMap<>();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Finds Chromium, installing the distribution's package when it is missing and we may. */
  static synchronized Located locate() {
    String chosen = System.getProperty("takebot.chromium");
    if (chosen != null) {
      Path p = Path.of(chosen);
      return Files.isExecutable(p)
          ? new Located(Optional.of(p), "")
          : new Located(Optional.empty(), "-Dtakebot.chromium=" + chosen + " is not executable");
    }
    if (Files.isExecutable(BINARY)) {
      return new Located(Optional.of(BINARY), "");
    }
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      return new Located(Optional.empty(), BINARY + " is missing and there is no apt-get here");
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return new Located(
          Optional.empty(),
          BINARY + " is missing; install it with `sudo apt-get install -y chromium`");
    }
    String log = run("apt-get", "install", "-y", "chromium");
    if (!Files.isExecutable(BINARY)) {
      log = run("apt-get", "update") + run("apt-get", "install", "-y", "chromium");
    }
    if (Files.isExecutable(BINARY)) {
      // Optional: the page renders without it, but the screenshots would show 👇 as a box.
      run("apt-get", "install", "-y", "fonts-noto-color-emoji");
    }
    if (!Files.isExecutable(BINARY)) {
      String tail = log.length() > 400 ? log.substring(log.length() - 400) : log;
      return new Located(
          Optional.empty(),
          "`apt-get install -y chromium` did not install " + BINARY + " (offline?): " + tail);
    }
    return new Located(Optional.of(BINARY), "");
  }

  private static String run(String... command) {
    try {
      ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
      b.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process p = b.start();
      p.getOutputStream().close();
      CompletableFuture<String> out =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  return e.toString();
                }
              });
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return String.join(" ", command) + " timed out\n";
      }
      return out.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return String.join(" ", command) + " failed: " + e + "\n";
    }
  }

  /** Starts the browser with a fresh profile and attaches to its blank page. */
  static HeadlessChromium start(Path binary) throws Exception {
    Path profile = Files.createTempDirectory("takebot-chromium");
    Process p =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox", // as root, and in containers without user namespaces
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      URI browser = URI.create(devToolsUrl(p));
      HttpClient http = HttpClient.newHttpClient();
      URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
      String pageUrl = null;
      for (int tries = 0; pageUrl == null && tries < 50; tries++) {
        JsonNode targets =
            JSON.readTree(
                http.send(
                        HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString())
                    .body());
        for (JsonNode t : targets) {
          if ("page".equals(t.path("type").asText())) {
            pageUrl = t.path("webSocketDebuggerUrl").asText();
          }
        }
        if (pageUrl == null) {
          Thread.sleep(100);
        }
      }
      if (pageUrl == null) {
        throw new IllegalStateException("Chromium opened no page");
      }
      Listener listener = new Listener();
      WebSocket ws =
          http.newWebSocketBuilder()
              .buildAsync(URI.create(pageUrl), listener)
              .get(CALL.toSeconds(), TimeUnit.SECONDS);
      HeadlessChromium chromium = new HeadlessChromium(p, profile, ws);
      listener.owner = chromium;
      chromium.call("Runtime.enable", Map.of());
      chromium.call("Log.enable", Map.of());
      chromium.call("Page.enable", Map.of());
      return chromium;
    } catch (Exception | Error e) {
      p.destroyForcibly();
      deleteTree(profile);
      throw e;
    }
  }

  /** Chromium prints its DevTools address on stderr once it listens. */
  private static String devToolsUrl(Process p) throws Exception {
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              StringBuilder seen = new StringBuilder();
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    url.complete(m.group(1));
                  } else if (!url.isDone() && seen.length() < 4000) {
                    seen.append(line).append('\n');
                  }
                }
              } catch (IOException e) {
                // the process ended; the future below reports it
              }
              url.completeExceptionally(
                  new IllegalStateException("Chromium exited before listening:\n" + seen));
            },
            "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    return url.get(30, TimeUnit.SECONDS);
  }

  /** Sends a DevTools command and waits for its result. */
  JsonNode call(String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", JSON.valueToTree(params));
    socket.sendText(JSON.writeValueAsString(msg), true).get(CALL.toSeconds(), TimeUnit.SECONDS);
    JsonNode reply = answer.get(CALL.toSeconds(), TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** A future for the next event named {@code method}; register before causing it. */
  CompletableFuture<JsonNode> next(String method) {
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    waiters.computeIfAbsent(method, k -> Collections.synchronizedList(new ArrayList<>())).add(f);
    return f;
  }

  /** Opens {@code url} at the given viewport and waits for its load event. */
  void open(String url, int width, int height) throws Exception {
    call(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    CompletableFuture<JsonNode> loaded = next("Page.loadEventFired");
    call("Page.navigate", Map.of("url", url));
    loaded.get(CALL.toSeconds(), TimeUnit.SECONDS);
  }

  /** Evaluates a JavaScript expression in the page and returns its value (awaiting promises). */
  JsonNode eval(String expression) throws Exception {
    JsonNode r =
        call(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** A PNG of the whole page at {@code width} CSS pixels. */
  byte[] screenshot(int width) throws Exception {
    int height = eval("document.documentElement.scrollHeight").asInt();
    call(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    JsonNode shot =
        call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    return java.util.Base64.getDecoder().decode(shot.path("data").asText());
  }

  /** Console errors, uncaught exceptions and failed loads the browser reported so far. */
  List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  private void onMessage(String text) {
    JsonNode msg;
    try {
      msg = JSON.readTree(text);
    } catch (IOException e) {
      errors.add("unreadable DevTools message: " + text);
      return;
    }
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
      if (f != null) {
        f.complete(msg);
      }
      return;
    }
    String method = msg.path("method").asText();
    JsonNode params = msg.path("params");
    switch (method) {
      case "Runtime.consoleAPICalled" -> {
        String type = params.path("type").asText();
        if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
          errors.add("console." + type + ": " + params.path("args"));
        }
      }
      case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
      case "Log.entryAdded" -> {
        JsonNode entry = params.path("entry");
        if (entry.path("level").asText().equals("error")) {
          errors.add("log: " + entry.path("text").asText() + " " + entry.path("url").asText());
        }
      }
      default -> {
        // other events are not checked
      }
    }
    List<CompletableFuture<JsonNode>> ws = waiters.remove(method);
    if (ws != null) {
      ws.forEach(f -> f.complete(params));
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser goes anyway
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    deleteTree(profile);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary profile left behind is harmless
    }
  }

  /** Joins the frames of each DevTools message and hands it to the browser object. */
  private static final class Listener implements WebSocket.Listener {
    volatile HeadlessChromium owner;
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        HeadlessChromium o = owner;
        if (o != null) {
          o.onMessage(text);
        }
      }
      ws.request(1);
      return null;
    }
  }
}
