package com.ekyc.admin;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way of running the jar that the repository describes keeps
 * {@code -XX:+ExitOnOutOfMemoryError}: a JVM out of memory stops and is restarted instead
 * of limping on without, say, the thread that accepts connections. The flag is on the
 * image's command line, where no environment variable (Kubernetes sets
 * {@code JAVA_TOOL_OPTIONS}) can drop it; nothing may replace that command line without
 * it.
 */
class DeploymentFilesTests {

	private static final String FLAG = "-XX:+ExitOnOutOfMemoryError";

	private static final String FLAG_OFF = "-XX:-ExitOnOutOfMemoryError";

	private static final Path DOCKERFILE = Path.of("Dockerfile");

	@Test
	void imageCommandLineHasTheFlag() throws IOException {
		assertThat(imageEntrypoint()).startsWith("ENTRYPOINT [\"java\", ").contains("\"" + FLAG + "\"");
		assertThat(Files.readString(DOCKERFILE)).doesNotContain(FLAG_OFF);
	}

	@Test
	void composeKeepsTheFlag() throws IOException {
		Map<String, Object> service = child(child(yaml(Path.of("docker-compose.yml")).get(0), "services"),
				"ekyc-admin");

		assertThat(service).containsKey("build");
		assertJvmGetsTheFlag("docker-compose.yml", service.get("entrypoint"),
				javaToolOptions(service.get("environment")));
	}

	@Test
	void kubernetesKeepsTheFlag() throws IOException {
		List<Map<String, Object>> containers = new ArrayList<>();
		for (Map<String, Object> document : yaml(Path.of("deploy/kubernetes/deployment.yaml"))) {
			Map<String, Object> pod = child(child(child(document, "spec"), "template"), "spec");
			containers.addAll(list(pod.get("containers")));
		}

		assertThat(containers).isNotEmpty();
		for (Map<String, Object> container : containers) {
			assertJvmGetsTheFlag("deployment.yaml " + container.get("name"), container.get("command"),
					javaToolOptions(container.get("env")));
		}
	}

	@Test
	void readmeRunsTheJarWithTheFlag() throws IOException {
		Pattern runsJar = Pattern.compile("\\bjava\\b.*\\s-jar\\s");
		List<String> commands = new ArrayList<>();
		for (Path readme : List.of(Path.of("README.md"), Path.of("deploy/README.md"))) {
			Files.readAllLines(readme).stream().filter((line) -> runsJar.matcher(line).find()).forEach(commands::add);
		}

		assertThat(commands).isNotEmpty().allSatisfy((command) -> assertThat(command).contains(FLAG));
	}

	/**
	 * The JVM gets the flag from a command that replaces the image's entry point, else
	 * from the image's entry point, else from {@code JAVA_TOOL_OPTIONS} (the
	 * deployment's, which replaces the image's, or the image's); and nothing turns it
	 * off.
	 */
	private static void assertJvmGetsTheFlag(String where, Object command, String javaToolOptions) throws IOException {
		String options = (javaToolOptions != null) ? javaToolOptions : imageJavaToolOptions();
		assertThat(options).as(where + " JAVA_TOOL_OPTIONS").doesNotContain(FLAG_OFF);
		if (command != null) {
			assertThat(String.valueOf(command)).as(where + " replaces the image's command line").contains(FLAG);
		}
		else {
			assertThat(imageEntrypoint() + " " + options).as(where + ": the image's command line and JAVA_TOOL_OPTIONS")
				.contains(FLAG);
		}
	}

	private static String imageEntrypoint() throws IOException {
		List<String> entrypoints = Files.readAllLines(DOCKERFILE)
			.stream()
			.filter((line) -> line.startsWith("ENTRYPOINT"))
			.toList();
		assertThat(entrypoints).hasSize(1);
		return entrypoints.get(0);
	}

	private static String imageJavaToolOptions() throws IOException {
		return Files.readAllLines(DOCKERFILE)
			.stream()
			.filter((line) -> line.startsWith("ENV JAVA_TOOL_OPTIONS="))
			.findFirst()
			.orElse("");
	}

	/**
	 * The value of {@code JAVA_TOOL_OPTIONS} in a compose {@code environment} map or a
	 * Kubernetes {@code env} list, or {@code null} when it is not set there.
	 */
	private static String javaToolOptions(Object environment) {
		if (environment instanceof Map<?, ?> map) {
			Object value = map.get("JAVA_TOOL_OPTIONS");
			return (value != null) ? value.toString() : null;
		}
		for (Map<String, Object> variable : list(environment)) {
			if ("JAVA_TOOL_OPTIONS".equals(variable.get("name"))) {
				return String.valueOf(variable.get("value"));
			}
		}
		return null;
	}

	private static List<Map<String, Object>> yaml(Path file) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file)) {
			for (Object document : new Yaml().loadAll(reader)) {
				if (document != null) {
					documents.add(map(document));
				}
			}
		}
		return documents;
	}

	private static Map<String, Object> child(Map<String, Object> parent, String name) {
		assertThat(parent).containsKey(name);
		return map(parent.get(name));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (value != null) ? (List<Map<String, Object>>) value : List.of();
	}

}
