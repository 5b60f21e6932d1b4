package dev.takebot.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code takebot health}: asks a running bot's {@code /health/ready} (served when {@code
 * ops.metricsPort} is set) and exits 0 when it is ready, 1 when not or when nothing answers. For
 * hosts without curl; the container's HEALTHCHECK calls the endpoint directly.
 */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description =
        "Exit 0 if the running bot is ready: every shard connected and the database reachable"
            + " (asks its /health/ready; needs ops.metricsPort).")
final class HealthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:9090/health/ready",
      description = "The bot's readiness endpoint (default: ${DEFAULT-VALUE}).")
  URI url;

  @Option(
      names = "--timeout",
      defaultValue = "5",
      description = "Seconds to wait for an answer (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("--url must be an http:// or https:// URL, got " + url);
    }
    Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpResponse<String> response;
    try {
      response =
          client.send(
              HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println(
              "unhealthy: nothing answers at "
                  + url
                  + " ("
                  + e.getClass().getSimpleName()
                  + "; is the bot running with ops.metricsPort set?)");
      return 1;
    }
    if (response.statusCode() == 200) {
      spec.commandLine().getOut().println("healthy: " + response.body());
      return 0;
    }
    spec.commandLine()
        .getErr()
        .println("unhealthy: HTTP " + response.statusCode() + " " + response.body());
    return 1;
  }
}
