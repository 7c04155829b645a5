package com.ekyc.admin.support;

import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A response as the client saw it, with its body readable as JSON.
 */
public record ApiResponse(int status, HttpHeaders headers, String body) {

	private static final JsonMapper json = JsonMapper.builder().build();

	public JsonNode json() {
		return json.readTree(this.body);
	}

	public String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	public String contentType() {
		return header("Content-Type");
	}

	@Override
	public String toString() {
		return this.status + " " + this.body;
	}

}
