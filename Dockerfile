# syntax=docker/dockerfile:1
# dirsync: build with Maven, run on a JRE as a non-root user.
#   docker build -t dirsync .
#   docker run --rm dirsync sync                      # the embedded demo
#   docker run -v $PWD/prod:/etc/dirsync:ro -e AUTHING_SECRET=… dirsync schedule -c /etc/dirsync/dirsync.yaml

FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so a source change does not download them again.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY . .
RUN mvn -B -q -Dmaven.test.skip=true package \
 && mkdir -p config mappings

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 dirsync \
 && useradd --system --uid 10001 --gid dirsync --home-dir /app --no-create-home --shell /usr/sbin/nologin dirsync \
 && mkdir -p /data \
 && chown dirsync:dirsync /data
WORKDIR /app
COPY --from=build /src/target/lib/ /app/lib/
COPY --from=build /src/target/dirsync.jar /app/dirsync.jar
# The demo configuration, so `docker run dirsync sync` works offline; mount your own over /etc/dirsync.
COPY --from=build /src/config/ /app/config/
COPY --from=build /src/mappings/ /app/mappings/

# DIRSYNC_DATA: where the demo's state, reports and sandbox live. DIRSYNC_LOG_FORMAT=json: every line
# on stdout and stderr is one JSON object. JVM flags go on the command line below, not in
# JAVA_TOOL_OPTIONS, whose "Picked up JAVA_TOOL_OPTIONS" banner would be a line that is not JSON.
ENV DIRSYNC_DATA=/data \
    DIRSYNC_LOG_FORMAT=json
VOLUME ["/data"]
USER 10001:10001
# /health, /health/live, /metrics, /runs in `schedule` mode (set http.address: 0.0.0.0 to reach it from outside).
EXPOSE 9464

# No curl in the JRE image: a tiny JDK-only probe. 200 = healthy; 503 = a job failed or is overdue.
HEALTHCHECK --interval=60s --timeout=15s --start-period=60s --retries=3 \
  CMD ["java", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", "/app/dirsync.jar", "io.dirsync.ops.HealthProbe", "http://127.0.0.1:9464/health"]

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/dirsync.jar"]
CMD ["schedule"]
