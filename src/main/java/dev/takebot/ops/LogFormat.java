package dev.takebot.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Switches the log output to JSON lines ({@code ops.logFormat: json}) once the configuration is
 * read: {@code logback-json.xml} replaces the text layout of {@code logback.xml}.
 */
public final class LogFormat {
  static final String JSON_CONFIG = "logback-json.xml";

  private LogFormat() {}

  /** JSON from now on; a no-op when logging is not logback's (tests may bind another). */
  public static void json() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    URL config = LogFormat.class.getClassLoader().getResource(JSON_CONFIG);
    if (config == null) {
      throw new IllegalStateException(JSON_CONFIG + " is missing from the classpath");
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot switch to JSON logs: " + e.getMessage(), e);
    }
  }
}
