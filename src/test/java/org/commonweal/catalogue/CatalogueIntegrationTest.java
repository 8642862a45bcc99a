package org.commonweal.catalogue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.ledger.StoredEvidence;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonweal.catalogue.CatalogueFixtures.parkingDraft;
import static org.commonweal.catalogue.CatalogueFixtures.staffOf;

/** Registering, changing and retiring resources, the catalogue's rules, and the evidence of each change. */
@CommonwealIntegrationTest
@RecordApplicationEvents
class CatalogueIntegrationTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demoCatalogueLoaded() {
        CatalogueFixtures.awaitDemoCatalogue(jdbc);
    }

    private List<Map<String, Object>> evidence(String subject) {
        return StoredEvidence.matching(jdbc, "subject = ?", subject).stream()
                .map(text -> Map.<String, Object>of("type", text.type(), "entry", text.entry())).toList();
    }

    @Nested
    class DemoCity {

        @Test
        void everyDepartmentHasSeveralResourcesAcrossAllSharingTypesAndGrades() {
            for (String department : CatalogueFixtures.DEPARTMENTS) {
                assertThat(catalogue.ofProvider(department)).as(department).hasSizeGreaterThanOrEqualTo(3);
            }
            List<DataResource> all = catalogue.all();
            assertThat(all.stream().map(DataResource::sharingType).collect(Collectors.toSet()))
                    .isEqualTo(EnumSet.allOf(SharingType.class));
            assertThat(all.stream().map(DataResource::grade).collect(Collectors.toSet()))
                    .isEqualTo(EnumSet.allOf(DataGrade.class));
            assertThat(all).allSatisfy(r -> assertThat(RegistrationRules.check(r.draft())).as(r.code()).isEmpty());
        }

        @Test
        void vehicleRegistrationsHavePersonalAndSensitiveOwnerItems() {
            DataResource vehicles = catalogue.find("QH-TRANSPORT-0001").orElseThrow();
            assertThat(vehicles.provider()).isEqualTo("TRANSPORT");
            assertThat(vehicles.sharingType()).isEqualTo(SharingType.CONDITIONAL);
            assertThat(vehicles.item("plate_number")).hasValueSatisfying(i -> assertThat(i.personal()).isFalse());
            assertThat(vehicles.item("owner_name")).hasValueSatisfying(i -> assertThat(i.personal()).isTrue());
            assertThat(vehicles.item("owner_id_number"))
                    .hasValueSatisfying(i -> assertThat(i.personal() && i.sensitive()).isTrue());
            assertThat(vehicles.item("no_such_item")).isEmpty();
            assertThat(vehicles.offeredThroughGateway()).isTrue();
            assertThat(catalogue.find("QH-TRANSPORT-0002").orElseThrow().sharingType()).isEqualTo(SharingType.UNCONDITIONAL);
        }

        @Test
        void eachDemoRegistrationIsEvidenceByItsDepartment() {
            assertThat(evidence("QH-HRSS-0001")).singleElement().satisfies(row -> {
                assertThat(row.get("type")).isEqualTo("catalogue.resource_registered");
                assertThat((String) row.get("entry")).contains("\"actor\":\"CW-DEMO/GOV/HRSS\"")
                        .contains("\"digest\":\"sha256:").contains("\"sharing_type\":\"conditional\"");
            });
        }
    }

    @Nested
    class Registering {

        @Test
        void assignsTheNextCodeOfTheProviderAndRecordsEvidence() {
            CommonwealUser staff = staffOf(organisations, "URBAN-MGMT");
            DataResource first = catalogue.register(parkingDraft("URBAN-MGMT"), staff);
            DataResource second = catalogue.register(parkingDraft("URBAN-MGMT"), staff);

            assertThat(first.code()).matches("QH-URBAN-MGMT-\\d{4}");
            assertThat(Integer.parseInt(second.code().substring(14))).isEqualTo(Integer.parseInt(first.code().substring(14)) + 1);
            assertThat(catalogue.find(first.code())).contains(first);
            assertThat(catalogue.ofProvider("URBAN-MGMT")).contains(first, second);
            assertThat(first.version()).isEqualTo(1);
            assertThat(evidence(first.code())).singleElement().satisfies(row -> {
                assertThat(row.get("type")).isEqualTo("catalogue.resource_registered");
                assertThat((String) row.get("entry")).contains("\"actor\":\"CW-DEMO/GOV/URBAN-MGMT\"")
                        .doesNotContain("停车场");
            });
        }

        @Test
        void concurrentRegistrationsGetDistinctCodes() throws Exception {
            CommonwealUser staff = staffOf(organisations, "MARKET");
            java.util.Set<String> codes = java.util.concurrent.ConcurrentHashMap.newKeySet();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
                for (int i = 0; i < 12; i++) {
                    pool.submit(() -> codes.add(catalogue.register(parkingDraft("MARKET"), staff).code()));
                }
            }
            assertThat(codes).hasSize(12).allMatch(code -> code.startsWith("QH-MARKET-"));
        }

        @Test
        void storesTextWithoutSurroundingWhiteSpace() {
            DataResource stored = catalogue.register(parkingDraft("MARKET").withNames("  停车  ", "\tParking\n")
                    .withSummary(" 第一行\n第二行 "), staffOf(organisations, "MARKET"));
            assertThat(stored.nameZh()).isEqualTo("停车");
            assertThat(stored.nameEn()).isEqualTo("Parking");
            assertThat(stored.summary()).isEqualTo("第一行\n第二行");
        }

        @Test
        void refusesADuplicateCode() {
            CommonwealUser staff = staffOf(organisations, "TRANSPORT");
            assertThatThrownBy(() -> catalogue.register(parkingDraft("TRANSPORT").withCode("QH-TRANSPORT-0001"), staff))
                    .isInstanceOfSatisfying(CatalogueRefused.class, e -> assertThat(e.code()).isEqualTo(CatalogueErrorCode.CODE_TAKEN));
            assertThat(catalogue.find("QH-TRANSPORT-0001").orElseThrow().nameEn()).isEqualTo("Motor vehicle registrations");
        }

        @Test
        void refusesNotSharedWithoutALegalBasis() {
            ResourceDraft draft = parkingDraft("TRANSPORT").withSharing(SharingType.NOT_SHARED, "", null);
            assertRefused(draft, CatalogueErrorCode.LEGAL_BASIS_MISSING);
            assertThat(catalogue.register(draft.withLegalBasis("《某条例》第三条"), staffOf(organisations, "TRANSPORT"))
                    .offeredThroughGateway()).isFalse();
        }

        @Test
        void coreDataIsNeverOfferedThroughTheGatewayNorOpened() {
            DataResource core = catalogue.register(parkingDraft("TRANSPORT").withGrade(DataGrade.CORE),
                    staffOf(organisations, "TRANSPORT"));
            assertThat(core.sharingType()).isEqualTo(SharingType.UNCONDITIONAL);
            assertThat(core.offeredThroughGateway()).isFalse();
            assertRefused(parkingDraft("TRANSPORT").withGrade(DataGrade.CORE).withOpening(OpenType.OPEN, ""),
                    CatalogueErrorCode.CORE_DATA_OPENED);
        }

        @Test
        void refusesAResourceWithoutItemsOrWithBadItems() {
            assertRefused(parkingDraft("TRANSPORT").withItems(List.of()), CatalogueErrorCode.ITEMS_MISSING);
            assertRefused(parkingDraft("TRANSPORT").withItems(List.of(new DataItem("Plate Number", "号牌", "Plate", "string", false, false))),
                    CatalogueErrorCode.ITEM_INVALID);
            DataItem plate = new DataItem("plate_number", "号牌", "Plate", "string", false, false);
            assertRefused(parkingDraft("TRANSPORT").withItems(List.of(plate, plate)), CatalogueErrorCode.ITEM_DUPLICATE);
            assertRefused(parkingDraft("TRANSPORT").withItems(List.of(new DataItem("plate", "号牌", "Plate", "varchar", false, false))),
                    CatalogueErrorCode.ITEM_INVALID);
        }

        @Test
        void refusesConditionalSharingWithoutConditions() {
            assertRefused(parkingDraft("TRANSPORT").withSharing(SharingType.CONDITIONAL, " ", SharingMethod.INTERFACE),
                    CatalogueErrorCode.CONDITIONS_MISSING);
        }

        @Test
        void aDepartmentCannotRegisterForAnother() {
            assertThatThrownBy(() -> catalogue.register(parkingDraft("HEALTH"), staffOf(organisations, "TRANSPORT")))
                    .isInstanceOfSatisfying(CatalogueRefused.class,
                            e -> assertThat(e.code()).isEqualTo(CatalogueErrorCode.NOT_PROVIDER));
        }

        @Test
        void aPlatformAdministratorRegistersForAnyDepartment() {
            assertThat(catalogue.register(parkingDraft("HEALTH"), CatalogueFixtures.platformAdmin()).provider())
                    .isEqualTo("HEALTH");
        }

        @Test
        void refusesAnUnknownProvider() {
            assertThatThrownBy(() -> catalogue.register(parkingDraft("NOWHERE"), CatalogueFixtures.platformAdmin()))
                    .isInstanceOfSatisfying(CatalogueRefused.class,
                            e -> assertThat(e.code()).isEqualTo(CatalogueErrorCode.PROVIDER_UNKNOWN));
        }

        private void assertRefused(ResourceDraft draft, CatalogueErrorCode code) {
            int before = catalogue.ofProvider(draft.provider()).size();
            assertThatThrownBy(() -> catalogue.register(draft, staffOf(organisations, draft.provider())))
                    .isInstanceOfSatisfying(CatalogueRefused.class, e -> assertThat(e.code()).isEqualTo(code));
            assertThat(catalogue.ofProvider(draft.provider())).hasSize(before);
        }
    }

    @Nested
    class Demo {

        @Autowired
        org.commonweal.catalogue.internal.DemoCatalogue demo;

        @Autowired
        org.commonweal.catalogue.internal.CatalogueIndex index;

        @Autowired
        org.springframework.transaction.support.TransactionTemplate transactions;

        @Test
        void loadingTheDemoAgainRegistersNothingTwice() {
            int before = catalogue.all().size();
            assertThat(demo.load()).isZero();
            assertThat(catalogue.all()).hasSize(before);
        }

        @Test
        void theSearchIndexIsRebuiltFromTheDatabase() {
            // a resource written behind the service's back is found once the index is rebuilt, as on a start;
            // written in a transaction that is rolled back, so other tests never see it
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("INSERT INTO catalogue_resource (code, classification, name_zh, name_en, provider, summary, format,"
                        + " sharing_type, sharing_method, open_type, update_cycle, published_on, grade, registered_at, updated_at)"
                        + " VALUES ('QH-REBUILD-0001', '3', '重建索引测试', 'Rebuild check', 'DATA', '', 'DATABASE', 'UNCONDITIONAL',"
                        + " 'FILE', 'NOT_OPEN', 'DAILY', DATE '2026-01-01', 'GENERAL', now(), now())").update();
                assertThat(index.search("重建索引测试")).doesNotContain("QH-REBUILD-0001");
                index.rebuild();
                assertThat(index.search("重建索引测试")).contains("QH-REBUILD-0001");
                tx.setRollbackOnly();
            });
            index.rebuild();
            assertThat(index.search("重建索引测试")).doesNotContain("QH-REBUILD-0001");
            assertThat(index.search("社保")).contains("QH-HRSS-0001");
        }
    }

    @Nested
    class ChangingAndRetiring {

        @Test
        void changesMetadataWithEvidenceAndANewVersion() {
            CommonwealUser staff = staffOf(organisations, "ENVIRONMENT");
            DataResource registered = catalogue.register(parkingDraft("ENVIRONMENT"), staff);
            DataResource changed = catalogue.change(registered.code(),
                    registered.draft().withSummary("每五分钟更新").withProvider("HEALTH"), registered.version(), staff);

            assertThat(changed.summary()).isEqualTo("每五分钟更新");
            assertThat(changed.provider()).as("the provider stays").isEqualTo("ENVIRONMENT");
            assertThat(changed.version()).isEqualTo(2);
            assertThat(evidence(registered.code())).extracting(row -> row.get("type"))
                    .containsExactlyInAnyOrder("catalogue.resource_registered", "catalogue.resource_changed");
            Set<Object> digests = evidence(registered.code()).stream()
                    .map(row -> Arrays.stream(((String) row.get("entry")).split(",")).filter(p -> p.contains("digest")).findFirst().orElseThrow())
                    .collect(Collectors.toSet());
            assertThat(digests).as("a change of metadata changes the digest").hasSize(2);
        }

        @Test
        void refusesAChangeFromAnEditorWhoSawAnOlderVersion() {
            CommonwealUser staff = staffOf(organisations, "ENVIRONMENT");
            DataResource registered = catalogue.register(parkingDraft("ENVIRONMENT"), staff);
            catalogue.change(registered.code(), registered.draft().withSummary("first"), 1, staff);
            assertThatThrownBy(() -> catalogue.change(registered.code(), registered.draft().withSummary("second"), 1, staff))
                    .isInstanceOfSatisfying(CatalogueRefused.class, e -> assertThat(e.code()).isEqualTo(CatalogueErrorCode.RESOURCE_STALE));
            assertThat(catalogue.get(registered.code()).summary()).isEqualTo("first");
        }

        @Test
        void anotherDepartmentCannotChangeOrRetire() {
            DataResource registered = catalogue.register(parkingDraft("ENVIRONMENT"), staffOf(organisations, "ENVIRONMENT"));
            CommonwealUser other = staffOf(organisations, "MARKET");
            assertThatThrownBy(() -> catalogue.change(registered.code(), registered.draft().withSummary("x"), 1, other))
                    .isInstanceOfSatisfying(CatalogueRefused.class, e -> assertThat(e.code()).isEqualTo(CatalogueErrorCode.NOT_PROVIDER));
            assertThatThrownBy(() -> catalogue.retire(registered.code(), 1, other))
                    .isInstanceOfSatisfying(CatalogueRefused.class, e -> assertThat(e.code()).isEqualTo(CatalogueErrorCode.NOT_PROVIDER));
            assertThat(catalogue.get(registered.code())).isEqualTo(registered);
        }

        @Test
        void announcesEveryChangeToOtherModules() {
            CommonwealUser staff = staffOf(organisations, "ENVIRONMENT");
            DataResource registered = catalogue.register(parkingDraft("ENVIRONMENT"), staff);
            catalogue.change(registered.code(), registered.draft().withSummary("changed"), 1, staff);
            catalogue.retire(registered.code(), 2, staff);
            assertThat(events.stream(DataResourceRegistered.class)).contains(new DataResourceRegistered(registered.code()));
            assertThat(events.stream(DataResourceChanged.class)).containsExactly(new DataResourceChanged(registered.code()));
            assertThat(events.stream(DataResourceRetired.class)).containsExactly(new DataResourceRetired(registered.code()));
        }

        @Test
        void aRefusedChangeAnnouncesNothingAndLeavesNoEvidence() {
            CommonwealUser staff = staffOf(organisations, "ENVIRONMENT");
            DataResource registered = catalogue.register(parkingDraft("ENVIRONMENT"), staff);
            assertThatThrownBy(() -> catalogue.change(registered.code(),
                    registered.draft().withSharing(SharingType.NOT_SHARED, "", null), 1, staff))
                    .isInstanceOf(CatalogueRefused.class);
            assertThat(events.stream(DataResourceChanged.class)).isEmpty();
            assertThat(evidence(registered.code())).hasSize(1);
            assertThat(catalogue.get(registered.code())).isEqualTo(registered);
        }

        @Test
        void concurrentEditsOfOneResourceLetExactlyOneWin() throws Exception {
            CommonwealUser staff = staffOf(organisations, "ENVIRONMENT");
            DataResource registered = catalogue.register(parkingDraft("ENVIRONMENT"), staff);
            java.util.concurrent.atomic.AtomicInteger wins = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger stale = new java.util.concurrent.atomic.AtomicInteger();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 8; i++) {
                    int n = i;
                    pool.submit(() -> {
                        try {
                            catalogue.change(registered.code(), registered.draft().withSummary("editor " + n), 1, staff);
                            wins.incrementAndGet();
                        } catch (CatalogueRefused e) {
                            if (e.code() == CatalogueErrorCode.RESOURCE_STALE) {
                                stale.incrementAndGet();
                            }
                        }
                    });
                }
            }
            assertThat(wins.get()).isEqualTo(1);
            assertThat(stale.get()).isEqualTo(7);
            assertThat(catalogue.get(registered.code()).version()).isEqualTo(2);
            assertThat(evidence(registered.code())).hasSize(2);
        }

        @Test
        void retiredResourcesStayOnRecordButAreOfferedToNobody() {
            CommonwealUser staff = staffOf(organisations, "ENVIRONMENT");
            DataResource registered = catalogue.register(parkingDraft("ENVIRONMENT"), staff);
            DataResource retired = catalogue.retire(registered.code(), 1, staff);

            assertThat(retired.retired()).isTrue();
            assertThat(retired.offeredThroughGateway()).isFalse();
            assertThat(catalogue.find(registered.code())).contains(retired);
            assertThat(catalogue.ofProvider("ENVIRONMENT")).doesNotContain(retired);
            assertThat(catalogue.ofProviderIncludingRetired("ENVIRONMENT")).contains(retired);
            assertThat(evidence(registered.code())).extracting(row -> row.get("type")).contains("catalogue.resource_retired");
            assertThatThrownBy(() -> catalogue.change(registered.code(), registered.draft(), 2, staff))
                    .isInstanceOfSatisfying(CatalogueRefused.class, e -> assertThat(e.code()).isEqualTo(CatalogueErrorCode.RESOURCE_RETIRED));
        }
    }
}
