package com.ekyc.admin.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The ports of local development, each from the variable that moves it: the API
 * ({@code SERVER_PORT}, 8080), the management port ({@code EKYC_DEV_MANAGEMENT_PORT},
 * 8081), the token issuer ({@code EKYC_DEV_ISSUER_PORT}, 9000) and the callback inspector
 * ({@code EKYC_DEV_INSPECTOR_PORT}, 9001).
 */
public record DevelopmentPorts(int api, int management, int issuer, int inspector) {

	/**
	 * The ports from the environment and from a {@code --server.port=} argument, which
	 * wins over {@code SERVER_PORT} as in Spring Boot.
	 */
	public static DevelopmentPorts of(Map<String, String> environment, String[] args) {
		int api = Arrays.stream(args)
			.filter((arg) -> arg.startsWith("--server.port="))
			.map((arg) -> Integer.parseInt(arg.substring("--server.port=".length())))
			.reduce((first, last) -> last)
			.orElse(port(environment, "SERVER_PORT", 8080));
		return new DevelopmentPorts(api, port(environment, "EKYC_DEV_MANAGEMENT_PORT", 8081),
				port(environment, "EKYC_DEV_ISSUER_PORT", 9000), port(environment, "EKYC_DEV_INSPECTOR_PORT", 9001));
	}

	/**
	 * What is wrong with the ports: one line for each that something else listens on,
	 * naming the variable that moves it; empty when all are free.
	 */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		check(problems, this.api, "the API", "SERVER_PORT (or -Dspring-boot.run.arguments=--server.port=<port>)");
		check(problems, this.management, "health and metrics", "EKYC_DEV_MANAGEMENT_PORT");
		check(problems, this.issuer, "the local token issuer", "EKYC_DEV_ISSUER_PORT");
		check(problems, this.inspector, "the callback inspector", "EKYC_DEV_INSPECTOR_PORT");
		return problems;
	}

	private static void check(List<String> problems, int port, String what, String variable) {
		if (port != 0 && !isFree(port)) {
			problems.add("Port " + port + " (" + what + ") is in use: stop what listens there or set " + variable
					+ " to a free port.");
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int port(Map<String, String> environment, String variable, int fallback) {
		String value = environment.get(variable);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(variable + " must be a port number, not '" + value + "'");
		}
	}

}
