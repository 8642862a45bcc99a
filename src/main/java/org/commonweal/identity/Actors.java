package org.commonweal.identity;

import java.util.UUID;

import org.commonweal.ledger.Ledger;

/** How a person acting appears in public evidence: never by name or id, only as a pseudonym. */
public final class Actors {

    public static String of(UUID accountId, Ledger ledger) {
        return accountId.equals(Accounts.SYSTEM) ? "system" : pseudonym(accountId, ledger);
    }

    /** The same for every entry about one account, and unguessable without the ledger's secret. */
    static String pseudonym(UUID accountId, Ledger ledger) {
        return ledger.pseudonym("account:" + accountId);
    }

    private Actors() {
    }
}
