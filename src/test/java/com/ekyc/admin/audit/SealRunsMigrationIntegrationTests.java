package com.ekyc.admin.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration to seal runs (V10) on seals made before it: run against tables of the old
 * shape in a schema of its own, on one connection.
 */
class SealRunsMigrationIntegrationTests extends IntegrationTest {

	private static final String SCHEMA = "v10_check";

	@Autowired
	private DataSource dataSource;

	@Test
	void keepsEveryHashInRunsOfFiveThousandIdsWithZerosForIdsWithoutASeal() throws IOException, SQLException {
		List<Map<String, Object>> runs = migrated("""
				create table audit_seals (id bigint primary key, hash varchar(64) not null);
				insert into audit_seals (id, hash)
				select id, md5(id::text) || md5((id + 1)::text) from generate_series(3, 12000) id
				where id not between 7000 and 7003;""", """
				select first_id, last_id, length(hashes) as bytes,
				    encode(substring(hashes from ((4999 - first_id) * 32 + 1)::integer for 32), 'hex') as hash_4999,
				    encode(substring(hashes from (7001 - 5000) * 32 + 1 for 32), 'hex') as hash_7001
				from audit_seal_runs order by first_id""");

		assertThat(runs).extracting((run) -> run.get("first_id")).containsExactly(3L, 5000L, 10000L);
		assertThat(runs).extracting((run) -> run.get("last_id")).containsExactly(4999L, 9999L, 12000L);
		assertThat(runs).extracting((run) -> run.get("bytes")).containsExactly(4997 * 32, 5000 * 32, 2001 * 32);
		assertThat(runs.get(0).get("hash_4999")).isEqualTo(md5("4999") + md5("5000"));
		assertThat(runs.get(1).get("hash_7001")).isEqualTo("00".repeat(32));
	}

	@Test
	void makesNoRunWithoutSeals() throws IOException, SQLException {
		List<Map<String, Object>> runs = migrated(
				"create table audit_seals (id bigint primary key, hash varchar(64) not null);",
				"select * from audit_seal_runs");

		assertThat(runs).isEmpty();
	}

	// Runs the migration after the given set-up in a schema of its own, and the query
	// there, on one connection of the pool (given back with the search path reset).
	private List<Map<String, Object>> migrated(String setUp, String query) throws IOException, SQLException {
		String migration = new ClassPathResource("db/migration/V10__audit_seal_runs.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		try (Connection connection = this.dataSource.getConnection()) {
			JdbcTemplate sql = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			try {
				sql.execute("create schema " + SCHEMA + "; set search_path to " + SCHEMA);
				sql.execute(setUp);
				sql.execute("begin; " + migration + " commit;");
				return sql.queryForList(query);
			}
			finally {
				sql.execute("drop schema " + SCHEMA + " cascade; reset search_path");
			}
		}
	}

	private String md5(String text) {
		return jdbc().sql("select md5(?)").param(text).query(String.class).single();
	}

}
