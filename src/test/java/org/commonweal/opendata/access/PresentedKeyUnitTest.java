package org.commonweal.opendata.access;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a client may put its access key: bearer, CKAN header, bare Authorization, or ?key= on downloads. */
class PresentedKeyUnitTest {

    private static final String KEY = "cwk_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void readsEveryAgreedPlace() {
        assertThat(ConditionalAccess.presentedKey(with("Authorization", "Bearer " + KEY))).contains(KEY);
        assertThat(ConditionalAccess.presentedKey(with("Authorization", "bearer " + KEY))).contains(KEY);
        assertThat(ConditionalAccess.presentedKey(with("Authorization", KEY))).contains(KEY);
        assertThat(ConditionalAccess.presentedKey(with("X-CKAN-API-Key", KEY))).contains(KEY);
        MockHttpServletRequest download = new MockHttpServletRequest("GET", "/data/resources/x/download");
        download.setParameter("key", KEY);
        assertThat(ConditionalAccess.presentedKey(download)).contains(KEY);
    }

    @Test
    void otherTokensAreNotAccessKeys() {
        assertThat(ConditionalAccess.presentedKey(with("Authorization", "Bearer some-department-api-token"))).isEmpty();
        assertThat(ConditionalAccess.presentedKey(with("Authorization", "Basic dXNlcjpwdw=="))).isEmpty();
        assertThat(ConditionalAccess.presentedKey(new MockHttpServletRequest())).isEmpty();
    }

    private static MockHttpServletRequest with(String header, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(header, value);
        return request;
    }
}
