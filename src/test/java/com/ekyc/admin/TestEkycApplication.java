package com.ekyc.admin;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;

import com.ekyc.admin.support.LocalDevelopmentConfiguration;
import com.ekyc.admin.support.LocalIssuer;

/**
 * Runs the service for local development with everything it needs ({@code ./mvnw
 * spring-boot:test-run}): a PostgreSQL database and a local token issuer. Lives on the
 * test classpath only, so none of it reaches the production jar.
 */
public class TestEkycApplication {

	public static void main(String[] args) {
		// The issuer starts first: Spring Boot decides from these properties to build a
		// JWT decoder.
		LocalIssuer issuer = LocalIssuer
			.start(Integer.parseInt(System.getenv().getOrDefault("EKYC_DEV_ISSUER_PORT", "9000")));
		String[] local = { "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUri(),
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwksUri(),
				"--spring.security.oauth2.resourceserver.jwt.audiences=" + LocalIssuer.AUDIENCE,
				"--ekyc.security.token-url=" + issuer.tokenUri(),
				"--management.server.port=" + System.getenv().getOrDefault("EKYC_DEV_MANAGEMENT_PORT", "8081"),
				"--ekyc.callbacks.allow-http=true", "--ekyc.callbacks.allow-private-networks=true",
				"--ekyc.callbacks.signing-secret=" + LocalDevelopmentConfiguration.DEV_SIGNING_SECRET,
				// Plain log lines for a person at a terminal; deployments log JSON.
				"--logging.structured.format.console=" };
		String[] all = Stream.concat(Arrays.stream(local), Arrays.stream(args)).toArray(String[]::new);
		SpringApplication.from(EkycApplication::main).with(LocalDevelopmentConfiguration.class).run(all);
	}

}
