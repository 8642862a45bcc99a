package org.commonweal.catalogue.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.commonweal.catalogue.DataItem;
import org.commonweal.catalogue.ResourceDraft;

/**
 * The SHA-256 of a resource's metadata in a fixed order, for ledger evidence: anyone holding the
 * metadata (from the public catalogue) can check it against the log; an import that changes
 * nothing is recognised by an equal digest.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String code, ResourceDraft draft) {
        StringBuilder text = new StringBuilder();
        field(text, code);
        field(text, draft.classification());
        field(text, draft.nameZh());
        field(text, draft.nameEn());
        field(text, draft.provider());
        field(text, draft.summary());
        field(text, draft.format().name());
        field(text, draft.sharingType().name());
        field(text, draft.sharingConditions());
        field(text, draft.sharingMethod() == null ? "" : draft.sharingMethod().name());
        field(text, draft.legalBasis());
        field(text, draft.openType().name());
        field(text, draft.openConditions());
        field(text, draft.updateCycle().name());
        field(text, draft.publishedOn().toString());
        field(text, draft.grade().name());
        for (DataItem item : draft.items()) {
            field(text, item.key());
            field(text, item.nameZh());
            field(text, item.nameEn());
            field(text, item.type());
            field(text, Boolean.toString(item.personal()));
            field(text, Boolean.toString(item.sensitive()));
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Length-prefixed, so no field's content can be mistaken for a separator. */
    private static void field(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value).append(';');
    }
}
