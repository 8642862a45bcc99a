package org.commonweal.identity.internal;

import java.time.Instant;
import java.util.Collection;

import org.commonweal.identity.CommonwealUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person signed in with a password; {@link #user()} is what the rest of the platform sees. */
final class SignedInUser implements UserDetails, CredentialsContainer {

    private final CommonwealUser user;
    private final String username;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final @Nullable Instant lockedUntil;
    private final Instant now;

    SignedInUser(CommonwealUser user, String username, String passwordHash, boolean enabled,
                 @Nullable Instant lockedUntil, Instant now) {
        this.user = user;
        this.username = username;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.now = now;
    }

    CommonwealUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(now);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
