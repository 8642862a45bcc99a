package org.commonweal.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.commonweal.exchange.internal.SubjectKey;
import org.springframework.stereotype.Service;

/**
 * Who a call was about, without keeping who it was: an X-Road-UserId (an identity number) becomes
 * an HMAC-SHA256 under a platform key, so call records can be found for a citizen who proves who
 * they are, and a leaked table reveals no one (identity numbers are too few to hide behind a plain hash).
 */
@Service
public class DataSubjects {

    private final SecretKeySpec key;

    DataSubjects(SubjectKey subjectKey) {
        this.key = new SecretKeySpec(subjectKey.bytes(), "HmacSHA256");
    }

    /** {@code hmac-sha256:<hex>} of the user id as given, trimmed; the same id always gives the same hash. */
    public String hashOf(String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(userId.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }
}
