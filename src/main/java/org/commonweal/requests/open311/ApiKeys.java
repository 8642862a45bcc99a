package org.commonweal.requests.open311;

import org.commonweal.identity.ApiTokens;
import org.commonweal.identity.CommonwealUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Open311 {@code api_key}s are the platform's API tokens; each belongs to one organisation's system. */
@Component
class ApiKeys {

    private final ApiTokens tokens;

    ApiKeys(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** The organisation's machine client, or the spec's 403 for a missing, unknown or revoked key. */
    CommonwealUser client(@Nullable String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw Open311Error.forbidden("api_key was not provided: ask a department administrator for an API token");
        }
        return tokens.authenticate(apiKey.strip())
                .filter(client -> client.organisationId() != null)
                .orElseThrow(() -> Open311Error.forbidden("Invalid api_key received: the key is unknown or was revoked"));
    }
}
