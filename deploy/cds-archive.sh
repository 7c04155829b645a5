#!/usr/bin/env bash
# Makes the service start faster: a training run that starts the application up to the end
# of its context refresh and stops, leaving a class data sharing archive of every class it
# loaded (Spring Boot's "Class Data Sharing"). The Docker image is built with these same
# steps; use them for java -jar too.
#
#   deploy/cds-archive.sh <dir> [<jar>]
#     <jar> given: extracts it into <dir> first (java -Djarmode=tools ... extract).
#     <dir> must then hold the extracted application: one *.jar and its lib/ beside it.
#   Writes <dir>/application.jsa. Run the service with the jar named by the same absolute
#   path (the archive records it; another path, even a relative one to the same file, makes
#   the JVM ignore the archive):
#     java -XX:SharedArchiveFile=<dir>/application.jsa -jar <absolute dir>/<the jar> ...
#
# The training run needs no database, issuer or network: nothing connects before the
# context has refreshed once Flyway is off and Hibernate is told not to read the database's
# metadata; the settings below only satisfy start-up validation and are not kept anywhere.
# Run it with the same java and JAVA_TOOL_OPTIONS as the service: an archive made by another
# JVM is ignored (with a warning) and the start is simply slower.
set -euo pipefail

dir=${1:?usage: deploy/cds-archive.sh <dir> [<jar>]}
if [[ $# -ge 2 ]]; then
	rm -rf "$dir"
	java -Djarmode=tools -jar "$2" extract --destination "$dir"
fi
cd "$dir"
dir=$(pwd)
jars=(*.jar)
if [[ ${#jars[@]} -ne 1 || ! -f ${jars[0]} ]]; then
	echo "expected one extracted application jar in $dir, found: ${jars[*]}" >&2
	exit 2
fi

rm -f application.jsa
# -Xlog:cds=off: the training run lists every class it cannot archive (generated ones).
java -XX:ArchiveClassesAtExit=application.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.context.exit=onRefresh \
	-jar "$dir/${jars[0]}" \
	--spring.main.banner-mode=off \
	--logging.level.root=warn \
	--logging.level.org.hibernate.orm.deprecation=error \
	--spring.flyway.enabled=false \
	--spring.jpa.hibernate.ddl-auto=none \
	--spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
	--spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect \
	--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/training-run \
	--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.invalid \
	--spring.security.oauth2.resourceserver.jwt.audiences=ekyc-admin \
	--ekyc.callbacks.signing-secret="whsec_$(head -c 32 /dev/urandom | base64)"
[[ -s application.jsa ]] || { echo "the training run wrote no archive" >&2; exit 1; }
echo "Archive: $dir/application.jsa ($(du -h application.jsa | cut -f1)); run: java -XX:SharedArchiveFile=$dir/application.jsa -jar $dir/${jars[0]}"
