package com.ekyc.admin.callback;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of callbacks to the callers' URLs ({@code ekyc.callbacks.*}).
 *
 * @param allowHttp whether plain {@code http} callback URLs are accepted besides
 * {@code https} (for development only)
 * @param allowPrivateNetworks whether callback hosts may be or resolve to loopback,
 * private, link-local and other non-public addresses (for development only)
 * @param defaultUrl the callback URL of a session created without one; none when unset
 */
@Validated
@ConfigurationProperties("ekyc.callbacks")
public record CallbackProperties(boolean allowHttp, boolean allowPrivateNetworks, @Nullable URI defaultUrl) {

}
