package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What operators see of the bot: the metrics and health server, and the log format.
 *
 * @param metricsPort port of the HTTP server for {@code /metrics}, {@code /health/live} and {@code
 *     /health/ready}; unset (the default) serves nothing, {@code 0} picks a free port (logged)
 * @param metricsHost address it binds to, {@value #DEFAULT_HOST} unless set (e.g. {@code 0.0.0.0}
 *     in a container scraped from outside)
 * @param logFormat {@code text} (default, for people) or {@code json} (one object per line, for log
 *     collectors)
 */
public record OpsSettings(
    @JsonProperty("metricsPort") Integer metricsPort,
    @JsonProperty("metricsHost") String metricsHost,
    @JsonProperty("logFormat") String logFormat) {

  public static final String DEFAULT_HOST = "127.0.0.1";

  /** A host name, an IPv4 address or an IPv6 literal: no scheme, port or path. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+|[0-9A-Fa-f:]+");

  public OpsSettings {
    if (metricsPort != null && (metricsPort < 0 || metricsPort > 65_535)) {
      throw new IllegalArgumentException(
          "metricsPort must be between 1 and 65535 (0: any free port), got " + metricsPort);
    }
    if (metricsHost != null) {
      if (metricsPort == null) {
        throw new IllegalArgumentException(
            "metricsHost is set but metricsPort is not: the metrics server is off without a port");
      }
      metricsHost = metricsHost.strip();
      if (!HOST.matcher(metricsHost).matches()) {
        throw new IllegalArgumentException(
            "metricsHost must be a host name or an IP address such as 0.0.0.0 (no scheme or port),"
                + " got '"
                + metricsHost
                + "'");
      }
    } else {
      metricsHost = DEFAULT_HOST;
    }
    logFormat = logFormat == null ? "text" : logFormat.strip().toLowerCase(Locale.ROOT);
    if (!logFormat.equals("text") && !logFormat.equals("json")) {
      throw new IllegalArgumentException("logFormat must be text or json, got '" + logFormat + "'");
    }
  }

  public static OpsSettings defaults() {
    return new OpsSettings(null, null, null);
  }

  /** Serve metrics and health on {@code port} of {@link #metricsHost()}. */
  public OpsSettings withMetricsPort(int port) {
    return new OpsSettings(port, metricsHost, logFormat);
  }

  /** Whether the metrics and health server runs. */
  public boolean serving() {
    return metricsPort != null;
  }

  /** JSON log lines rather than text. */
  public boolean jsonLogs() {
    return logFormat.equals("json");
  }
}
