package org.commonweal.catalogue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.commonweal.catalogue.internal.CatalogueColumns;
import org.commonweal.catalogue.internal.CatalogueFileReader;
import org.commonweal.catalogue.internal.CatalogueFileWriter;
import org.commonweal.catalogue.internal.Fingerprint;
import org.commonweal.catalogue.internal.ImportStore;
import org.commonweal.catalogue.internal.ParsedFile;
import org.commonweal.identity.Actors;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

/**
 * Importing and exporting the catalogue as CSV or Excel. An import reads the whole file first (so
 * a wrong type, a zip bomb or a bad header is refused at once), then registers or changes each
 * row in its own transaction in the background: good rows are kept, every bad row is reported
 * with its line number, and progress can be followed on the import's status page.
 */
@Service
public class CatalogueImports {

    private static final Logger log = LoggerFactory.getLogger(CatalogueImports.class);

    private final CatalogueFileReader reader;
    private final ImportStore imports;
    private final Catalogue catalogue;
    private final Organisations organisations;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    CatalogueImports(CatalogueFileReader reader, ImportStore imports, Catalogue catalogue, Organisations organisations,
                     Ledger ledger, TransactionTemplate transactions, Clock clock) {
        this.reader = reader;
        this.imports = imports;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The catalogue as CSV (UTF-8 with BOM), formulas neutralised. */
    public byte[] csv(List<DataResource> resources) {
        return CatalogueFileWriter.csv(resources);
    }

    /** The catalogue as an Excel workbook, formulas neutralised. */
    public byte[] xlsx(List<DataResource> resources) {
        return CatalogueFileWriter.xlsx(resources);
    }

    /**
     * Starts importing a file for the importer's department (a platform administrator imports for
     * the departments the rows name). Refuses the whole file, before anything is stored, when it is
     * not a catalogue file; returns the import's id otherwise.
     */
    public UUID start(String fileName, byte[] content, CommonwealUser by) {
        String department = catalogue.departmentOf(by).orElse(null);
        if (!by.has(Role.PLATFORM_ADMIN) && (department == null || !(by.has(Role.STAFF) || by.has(Role.DEPARTMENT_ADMIN)))) {
            throw new CatalogueRefused(CatalogueErrorCode.NOT_PROVIDER,
                    "Only department staff and platform administrators import catalogue files", "");
        }
        ParsedFile file = reader.read(content);
        UUID id = UUID.randomUUID();
        String name = fileName.isBlank() ? "catalogue" : fileName.strip();
        String safeName = name.length() > 200 ? name.substring(0, 200) : name;
        transactions.executeWithoutResult(tx -> {
            imports.start(id, by.id(), department, safeName, file, sha256(content), clock.instant());
            for (ParsedFile.LineProblem problem : file.refused()) {
                imports.refuse(id, problem.line(), null, problem.message());
            }
        });
        workers.submit(() -> run(id, file, content, department, by));
        return id;
    }

    /** The import's status, for the person who started it, their department's staff, or a platform administrator. */
    public Optional<ImportStatus> status(UUID id, CommonwealUser viewer) {
        return imports.find(id).filter(status -> status.accountId().equals(viewer.id())
                || viewer.has(Role.PLATFORM_ADMIN) || viewer.has(Role.AUDITOR)
                || (status.organisation() != null && catalogue.departmentOf(viewer).map(status.organisation()::equals).orElse(false)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        int interrupted = imports.failInterrupted(clock.instant());
        if (interrupted > 0) {
            log.warn("{} catalogue import(s) were interrupted by a restart; their pages say so", interrupted);
        }
    }

    private void run(UUID id, ParsedFile file, byte[] content, @Nullable String department, CommonwealUser by) {
        int registered = 0;
        int changed = 0;
        int unchanged = 0;
        int processed = file.refused().size();
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        try {
            for (ParsedFile.Row row : file.rows()) {
                try {
                    switch (importRow(row, department == null ? "" : department, today, by)) {
                        case REGISTERED -> registered++;
                        case CHANGED -> changed++;
                        case UNCHANGED -> unchanged++;
                    }
                } catch (CatalogueRefused refused) {
                    imports.refuse(id, row.line(), refused.code(), refused.getMessage());
                } catch (RuntimeException unexpected) {
                    log.warn("Catalogue import {} line {} failed", id, row.line(), unexpected);
                    imports.refuse(id, row.line(), null, "this row could not be stored; nothing of it was kept");
                }
                processed++;
                imports.progress(id, processed, registered, changed, unchanged);
            }
            int[] counts = {registered, changed, unchanged};
            transactions.executeWithoutResult(tx -> {
                imports.finish(id, clock.instant());
                ledger.record(new Evidence("catalogue.imported", id.toString(), actor(by, department), Map.of(
                        "file_digest", sha256(content), "rows", file.total(), "registered", counts[0],
                        "changed", counts[1], "unchanged", counts[2],
                        "refused", file.total() - counts[0] - counts[1] - counts[2])));
            });
        } catch (RuntimeException e) {
            log.error("Catalogue import {} stopped", id, e);
            imports.fail(id, "error", clock.instant());
        }
    }

    private enum Outcome { REGISTERED, CHANGED, UNCHANGED }

    private Outcome importRow(ParsedFile.Row row, String department, LocalDate today, CommonwealUser by) {
        List<String> problems = new ArrayList<>();
        ResourceDraft draft = CatalogueColumns.draft(row.cells(), department, today, problems);
        if (draft == null) {
            throw new CatalogueRefused(CatalogueErrorCode.FIELD_INVALID, String.join("; ", problems), String.join("; ", problems));
        }
        if (draft.provider().isEmpty()) {
            throw new CatalogueRefused(CatalogueErrorCode.PROVIDER_UNKNOWN, "provider is empty: name the department", "");
        }
        List<Violation> violations = catalogue.check(draft);
        if (!violations.isEmpty()) {
            throw new CatalogueRefused(violations.getFirst().code(),
                    violations.stream().map(Violation::detail).collect(Collectors.joining("; ")),
                    violations.getFirst().arguments());
        }
        String code = draft.code();
        DataResource existing = code == null ? null : catalogue.find(code).orElse(null);
        if (existing == null) {
            catalogue.register(draft, by);
            return Outcome.REGISTERED;
        }
        if (!existing.provider().equals(draft.provider())) {
            throw new CatalogueRefused(CatalogueErrorCode.CODE_TAKEN, "The code " + code + " belongs to a resource of "
                    + existing.provider(), code);
        }
        if (Fingerprint.of(existing.code(), existing.draft()).equals(Fingerprint.of(existing.code(), draft))) {
            return Outcome.UNCHANGED;
        }
        catalogue.change(existing.code(), draft, existing.version(), by);
        return Outcome.CHANGED;
    }

    private String actor(CommonwealUser by, @Nullable String department) {
        if (department != null) {
            return organisations.departments().stream().filter(o -> o.identifier().memberCode().equals(department))
                    .findFirst().map(o -> o.identifier().toString()).orElseGet(() -> Actors.of(by.id(), ledger));
        }
        return Actors.of(by.id(), ledger);
    }

    private static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
