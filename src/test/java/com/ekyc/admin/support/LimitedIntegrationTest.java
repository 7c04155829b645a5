package com.ekyc.admin.support;

import org.springframework.test.context.TestPropertySource;

/**
 * Base of the tests of the service's limits, which the other tests turn off or keep out
 * of reach: a per-client limit of 5 requests per second with bursts of 10, and a
 * statement timeout of 500 ms. All share one application context; each test calls as
 * actors of its own, so that one test's burst does not limit another's. A small pool: the
 * context stays open beside the others for the whole run.
 */
@TestPropertySource(properties = { "ekyc.rate-limit.requests-per-second=5", "ekyc.rate-limit.burst=10",
		"ekyc.database.statement-timeout=500ms", "spring.datasource.hikari.maximum-pool-size=4",
		"spring.datasource.hikari.minimum-idle=1" })
public abstract class LimitedIntegrationTest extends IntegrationTest {

}
