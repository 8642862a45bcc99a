package org.commonweal.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.DataResource;
import org.commonweal.exchange.CallRecord;
import org.commonweal.exchange.CallRecords;
import org.commonweal.exchange.DataSubjects;
import org.commonweal.exchange.ExchangeServices;
import org.commonweal.exchange.RegisteredService;
import org.commonweal.identity.Actors;
import org.commonweal.identity.Organisations;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.platform.CommonwealException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who used my data": the gateway calls that named a citizen as data subject. The citizen records
 * their resident ID number once; only its keyed hash ({@link DataSubjects#hashOf}) is kept, the same
 * hash the gateway keeps of X-Road-UserId, so the calls can be found and the number cannot be read
 * back. Calls under a lawful delay appear when the delay ends. Viewing is not evidence; the calls
 * are (their batches are in the ledger).
 */
@Service
public class DataUseTracker {

    private final JdbcClient jdbc;
    private final DataSubjects subjects;
    private final CallRecords calls;
    private final ExchangeServices services;
    private final Catalogue catalogue;
    private final Organisations organisations;
    private final Ledger ledger;
    private final Clock clock;

    DataUseTracker(JdbcClient jdbc, DataSubjects subjects, CallRecords calls, ExchangeServices services,
                   Catalogue catalogue, Organisations organisations, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.calls = calls;
        this.services = services;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Links the account to the holder of this ID number (replacing an earlier link). One number
     * belongs to one account: a number already linked elsewhere is refused.
     */
    @Transactional
    public void link(UUID accountId, String typedNumber) {
        ResidentIdNumber number = ResidentIdNumber.parse(typedNumber).orElseThrow(() -> new CommonwealException(
                PrivacyErrorCode.ID_NUMBER_INVALID, "A resident ID number has 18 characters and a valid check digit"));
        String hash = subjects.hashOf(number.value());
        try {
            jdbc.sql("INSERT INTO privacy_subject (account_id, subject_hash, linked_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (account_id) DO UPDATE SET subject_hash = excluded.subject_hash, linked_at = excluded.linked_at")
                    .params(accountId, hash, Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new CommonwealException(PrivacyErrorCode.ID_NUMBER_TAKEN,
                    "This ID number is already linked to another account");
        }
        ledger.record(Evidence.of("privacy.subject_linked", Actors.of(accountId, ledger), Actors.of(accountId, ledger)));
    }

    @Transactional
    public void unlink(UUID accountId) {
        if (jdbc.sql("DELETE FROM privacy_subject WHERE account_id = ?").param(accountId).update() > 0) {
            ledger.record(Evidence.of("privacy.subject_unlinked", Actors.of(accountId, ledger), Actors.of(accountId, ledger)));
        }
    }

    public boolean linked(UUID accountId) {
        return subjectHash(accountId).isPresent();
    }

    /** The calls about the account's holder that they may see now, newest first. */
    public List<TrackerEntry> entries(UUID accountId, Locale locale) {
        return subjectHash(accountId).map(hash -> calls.aboutSubject(hash, clock.instant()).stream()
                .map(call -> entry(call, locale)).toList()).orElse(List.of());
    }

    private Optional<String> subjectHash(UUID accountId) {
        return jdbc.sql("SELECT subject_hash FROM privacy_subject WHERE account_id = ?").param(accountId)
                .query(String.class).optional();
    }

    private TrackerEntry entry(CallRecord call, Locale locale) {
        String[] client = call.client().split("/");
        String consumerCode = client.length >= 3 ? client[2] : call.client();
        Optional<DataResource> resource = services.find(call.serviceId()).map(RegisteredService::resourceCode)
                .flatMap(catalogue::find);
        List<String> items = resource.map(r -> r.items().stream().filter(i -> call.dataItems().contains(i.key()))
                        .map(i -> i.name(locale)).toList())
                .orElseGet(() -> call.dataItems().stream().sorted().toList());
        String provider = resource.map(DataResource::provider).orElse("");
        return new TrackerEntry(call.at(), departmentName(consumerCode, locale), consumerCode,
                departmentName(provider, locale), resource.map(r -> r.name(locale)).orElse(call.serviceId()), items,
                call.purpose(), call.issue(), call.status());
    }

    private String departmentName(String memberCode, Locale locale) {
        return organisations.all().stream().filter(o -> o.identifier().memberCode().equals(memberCode)).findFirst()
                .map(o -> o.name(locale)).orElse(memberCode);
    }
}
