# syntax=docker/dockerfile:1
# Build with the Maven wrapper, run on a slim JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY config config
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system takebot && useradd --system --gid takebot --home /app takebot
WORKDIR /app
COPY --from=build /src/target/takebot.jar /app/takebot.jar
# Root-owned and read-only: the bot must never be able to rewrite its own configuration or articles.
# Only /app/data (the takes) belongs to the runtime user.
COPY config /app/config
RUN chmod -R a-w /app/config /app/takebot.jar \
  && mkdir -p /app/data && chown takebot:takebot /app/data
USER takebot
# Takes live here (SQLite). Mount a volume so they survive the container.
VOLUME ["/app/data"]
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.awt.headless=true"
# The token comes from the environment at run time: docker run -e DISCORD_TOKEN=… (never baked in).
# /metrics, /health/live and /health/ready on 9090 (run --metrics-port below). Bound to 127.0.0.1 unless
# ops.metricsHost says otherwise: set it to 0.0.0.0 (and publish the port) for a scraper outside the container.
EXPOSE 9090
# Ready = every shard connected and the database reachable. An HTTP probe (curl ships in the base image),
# not a second JVM per check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS --max-time 4 http://127.0.0.1:9090/health/ready || exit 1
# Exec form, so java is PID 1 and gets docker stop's SIGTERM: it closes the gateway and the store and exits 0.
ENTRYPOINT ["java", "-jar", "/app/takebot.jar"]
CMD ["run", "--config", "config/takebot.yaml", "--metrics-port", "9090"]
