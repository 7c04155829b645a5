# syntax=docker/dockerfile:1
# Builds the service with the Maven wrapper, then runs it on a slim JRE as a non-root user, from
# Spring Boot's extracted layers (dependencies change rarely, so image updates stay small), with
# a class data sharing archive made at build time.

FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/ekyc-admin-*.jar extract --layers --destination target/extracted \
 && mv target/extracted/application/ekyc-admin-*.jar target/extracted/application/ekyc-admin.jar

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 ekyc && useradd --system --uid 10001 --gid ekyc --no-create-home ekyc
WORKDIR /app
COPY --from=build /workspace/target/extracted/dependencies/ ./
COPY --from=build /workspace/target/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/target/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/target/extracted/application/ ./
# 8080: the API; 8081: health, metrics and the other actuator endpoints (keep it internal).
EXPOSE 8080 8081
# Memory, sized so that the process stays under 512 MiB resident at full load (README,
# Performance): heap, metaspace, code cache and thread stacks capped; ParallelGC, whose
# bookkeeping is a fraction of G1's at this heap size. The class data sharing archive below
# adds about 90 MiB of its own. A deployment may replace these (the
# Kubernetes manifests keep them); the OutOfMemoryError rule below is on the command line so
# that no environment can drop it: a JVM out of memory stops and is restarted instead of
# limping on.
ENV JAVA_TOOL_OPTIONS="-Xms192m -Xmx192m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+UseParallelGC"
# Two malloc arenas instead of eight per CPU: the JVM allocates little natively, and each
# arena a thread touches stays resident.
ENV MALLOC_ARENA_MAX=2
# Start-up in about half the time: a training run leaves a class data sharing archive of the
# classes the service loads (deploy/cds-archive.sh, the same steps as for java -jar).
COPY deploy/cds-archive.sh /usr/local/bin/cds-archive.sh
RUN cds-archive.sh /app
USER 10001:10001
# No curl in the JRE image: ask the readiness group on the management port over bash's /dev/tcp.
# The shell form runs under /bin/sh (dash), which has no /dev/tcp: hence the explicit bash.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8081 && printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/application.jsa", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/ekyc-admin.jar"]
