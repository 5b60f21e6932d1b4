package dev.takebot.fetch;

import dev.takebot.i18n.Phrase;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * What a failed connection means for a moderator, in their language. The HTTP client's and the
 * JDK's own texts ("Failed to connect to /203.0.113.5:443", "Unsupported or unrecognized SSL
 * message") are English and name internals, so each kind we can recognise has its own message and
 * anything else is a plain "could not reach the site"; the exception itself stays the cause, for
 * the log.
 */
final class NetworkFailures {
  private NetworkFailures() {}

  /** Why {@code host} could not be read, from what the connection to it threw. */
  static Phrase of(String host, IOException e) {
    return Phrase.of(kind(e), "host", host);
  }

  private static String kind(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (t instanceof SSLPeerUnverifiedException || t instanceof CertificateException) {
        return "fetch.certificate";
      }
      if (t instanceof NoRouteToHostException || m.contains("unreachable")) {
        return "fetch.noRoute";
      }
      if (t instanceof ConnectException && m.contains("refused")) {
        return "fetch.refused";
      }
      if (t instanceof EOFException
          || m.contains("end of stream")
          || m.contains("connection reset")
          || m.contains("broken pipe")
          || t.getClass().getSimpleName().equals("StreamResetException")) {
        return "fetch.cutOff";
      }
    }
    // Looked at after the whole chain: a handshake fails with an SSLException whose cause may be
    // the certificate's.
    if (e instanceof SSLException) {
      return "fetch.tls";
    }
    return e instanceof ProtocolException ? "fetch.badHttp" : "fetch.unreachable";
  }
}
