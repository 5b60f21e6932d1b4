package dev.takebot.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code bench-store} against an embedded PostgreSQL with commits as durable as a real server's
 * ({@code fsync} and {@code synchronous_commit} on; the embedded server turns the latter off by
 * default). Lives on the test classpath because the embedded server is a test dependency, never in
 * the jar; arguments are passed on to {@code bench-store} (README, Performance):
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) dev.takebot.cli.PostgresStoreBench --threads 4
 * </pre>
 */
public final class PostgresStoreBench {
  private PostgresStoreBench() {}

  public static void main(String[] args) throws Exception {
    int exit;
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start()) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(
          List.of("--jdbc-url", postgres.getJdbcUrl("postgres", "postgres"), "--user", "postgres"));
      exit = new CommandLine(new StoreBenchCommand()).execute(all.toArray(String[]::new));
    }
    System.exit(exit);
  }
}
