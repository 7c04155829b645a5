package com.ekyc.admin.callback;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of callbacks to the callers' URLs ({@code ekyc.callbacks.*}).
 *
 * @param allowHttp whether plain {@code http} callback URLs are accepted besides
 * {@code https} (for development only)
 * @param allowPrivateNetworks whether callback hosts may be or resolve to loopback,
 * private, link-local and other non-public addresses (for development only)
 * @param defaultUrl the callback URL of a session created without one; none when unset
 * @param signingSecret the key callbacks are signed with: {@code whsec_} followed by
 * base64 key bytes (at least 24); required
 * @param previousSigningSecrets keys still signing during a rotation, each adding a
 * signature
 * @param timeout how long a receiver has to connect and answer an attempt
 * @param retrySchedule the waits after each failed attempt; N waits mean at most N + 1
 * attempts
 * @param workers how many attempts may be under way at once in this instance
 * @param lease how long a claimed delivery belongs to its worker; at least twice
 * {@code timeout}, so only a dead worker's deliveries are claimed again
 * @param pollInterval how often the dispatcher looks for due deliveries when nothing woke
 * it
 * @param dispatchEnabled whether this instance sends callbacks; an instance that does not
 * still records them for the others to send
 */
@Validated
@ConfigurationProperties("ekyc.callbacks")
public record CallbackProperties(boolean allowHttp, boolean allowPrivateNetworks, @Nullable URI defaultUrl,
		@Nullable String signingSecret, @NotNull @DefaultValue List<String> previousSigningSecrets,
		@NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration timeout, @NotEmpty @DefaultValue( {
				"5s", "5m", "30m", "2h", "5h", "10h",
				"10h" }) List<@NotNull @DurationMin(seconds = 0) Duration> retrySchedule,
		@Min(1) @Max(512) @DefaultValue("32") int workers, @NotNull @DefaultValue("2m") Duration lease,
		@NotNull @DurationMin(millis = 10) @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("true") boolean dispatchEnabled){

	/**
	 * The signing key is required and well formed. Judged here rather than by a
	 * constraint on the field, so that a failed start never prints the key.
	 */
	@AssertTrue(message = "must be whsec_ followed by at least " + SigningSecrets.MIN_KEY_BYTES
			+ " key bytes in base64, for example whsec_$(openssl rand -base64 32); required, usually from the "
			+ "environment (EKYC_CALLBACKS_SIGNING_SECRET)")
	public boolean isSigningSecretWellFormed() {
		return SigningSecrets.decode(this.signingSecret).isPresent();
	}

	@AssertTrue(message = "each must be whsec_ followed by at least " + SigningSecrets.MIN_KEY_BYTES
			+ " key bytes in base64")
	public boolean isPreviousSigningSecretsWellFormed() {
		return this.previousSigningSecrets == null
				|| this.previousSigningSecrets.stream().allMatch((secret) -> SigningSecrets.decode(secret).isPresent());
	}

	@AssertTrue(message = "must be at least twice ekyc.callbacks.timeout, so that only a dead worker's deliveries "
			+ "are claimed again")
	public boolean isLeaseLongEnough() {
		return this.timeout == null || this.lease == null || this.lease.compareTo(this.timeout.multipliedBy(2)) >= 0;
	}

}
