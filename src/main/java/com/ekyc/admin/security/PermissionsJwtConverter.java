package com.ekyc.admin.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns a validated JWT into an authentication whose authorities are the permissions it
 * carries, named exactly ({@code ekyc.session.get}, no prefix), and whose name is the
 * actor.
 */
@Component
class PermissionsJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final List<String> permissionClaims;

	PermissionsJwtConverter(EkycSecurityProperties properties) {
		this.permissionClaims = new ArrayList<>(List.of("scope", "scp"));
		this.permissionClaims.addAll(properties.permissionClaims());
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		List<SimpleGrantedAuthority> authorities = TokenClaims.permissions(jwt, this.permissionClaims)
			.map(SimpleGrantedAuthority::new)
			.toList();
		// ActorClaimValidator has already refused tokens that name no caller.
		String actor = TokenClaims.actor(jwt).orElseThrow();
		return new JwtAuthenticationToken(jwt, authorities, actor);
	}

}
