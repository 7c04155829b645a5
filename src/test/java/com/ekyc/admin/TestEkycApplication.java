package com.ekyc.admin;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;

import com.ekyc.admin.support.CallbackInspector;
import com.ekyc.admin.support.DevelopmentPorts;
import com.ekyc.admin.support.LocalClient;
import com.ekyc.admin.support.LocalDevelopmentConfiguration;
import com.ekyc.admin.support.LocalIssuer;

/**
 * Runs the service for local development with everything it needs ({@code ./mvnw
 * spring-boot:test-run}): a PostgreSQL database, a local token issuer and a callback
 * inspector. Lives on the test classpath only, so none of it reaches the production jar.
 */
public class TestEkycApplication {

	public static void main(String[] args) throws IOException {
		DevelopmentPorts ports = DevelopmentPorts.of(System.getenv(), args);
		List<String> problems = ports.problems();
		if (!problems.isEmpty()) {
			problems.forEach(System.err::println);
			System.exit(1);
		}
		// The issuer starts first: Spring Boot decides from these properties to build a
		// JWT decoder.
		LocalIssuer issuer = LocalIssuer.start(ports.issuer());
		CallbackInspector inspector = CallbackInspector.start(ports.inspector(),
				LocalDevelopmentConfiguration.DEV_SIGNING_SECRET);
		String[] local = { "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUri(),
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwksUri(),
				"--spring.security.oauth2.resourceserver.jwt.audiences=" + LocalIssuer.AUDIENCE,
				"--ekyc.security.token-url=" + issuer.tokenUri(), "--management.server.port=" + ports.management(),
				"--ekyc.callbacks.allow-http=true", "--ekyc.callbacks.allow-private-networks=true",
				"--ekyc.callbacks.signing-secret=" + LocalDevelopmentConfiguration.DEV_SIGNING_SECRET,
				// Plain log lines for a person at a terminal; deployments log JSON.
				"--logging.structured.format.console=" };
		String[] all = Stream.concat(Arrays.stream(local), Arrays.stream(args)).toArray(String[]::new);
		try {
			SpringApplication.from(EkycApplication::main).with(LocalDevelopmentConfiguration.class).run(all);
			printHowToCall(ports, issuer, inspector);
		}
		catch (RuntimeException ex) {
			// Spring Boot has said why; let the JVM end instead of serving tokens
			// forever.
			issuer.close();
			inspector.close();
			throw ex;
		}
	}

	private static void printHowToCall(DevelopmentPorts ports, LocalIssuer issuer, CallbackInspector inspector) {
		System.out.printf("""

				ekyc-admin is running for local development
				  API:         http://localhost:%d/ekyc/admin
				  Swagger UI:  http://localhost:%d/swagger-ui.html (Authorize: client credentials)
				  Health:      http://localhost:%d/actuator/health, metrics at /actuator/prometheus
				  Clients:     %s / %s (all permissions), %s / %s (list and get only),
				               %s / %s (audit trail only)
				  A token:     curl -s -u %s:%s -d grant_type=client_credentials %s
				  Callbacks:   send them to %s: each is checked and shown here,
				               and curl %s lists them
				               (http and local addresses allowed, signed with %s)

				""", ports.api(), ports.api(), ports.management(), LocalClient.ADMIN.clientId(),
				LocalClient.ADMIN.secret(), LocalClient.VIEWER.clientId(), LocalClient.VIEWER.secret(),
				LocalClient.AUDITOR.clientId(), LocalClient.AUDITOR.secret(), LocalClient.ADMIN.clientId(),
				LocalClient.ADMIN.secret(), issuer.tokenUri(), inspector.callbackUrl(), inspector.callbackUrl(),
				LocalDevelopmentConfiguration.DEV_SIGNING_SECRET);
	}

}
