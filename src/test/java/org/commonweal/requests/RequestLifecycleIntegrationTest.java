package org.commonweal.requests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.ledger.StoredEvidence;
import org.commonweal.requests.CitizenRequests.Requester;
import org.commonweal.requests.CitizenRequests.Submission;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonweal.requests.RequestFixtures.streetlight;

/** A request from submission to rating, on real PostgreSQL, with its history and public evidence. */
@CommonwealIntegrationTest
class RequestLifecycleIntegrationTest {

    @Autowired
    CitizenRequests citizens;

    @Autowired
    RequestHandling handling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    CommonwealUser urbanStaff;
    CommonwealUser transportStaff;
    CommonwealUser supervisor;

    @BeforeEach
    void people() {
        clock.set(MutableClock.START);
        urbanStaff = RequestFixtures.staff(jdbc, "staff.urban");
        transportStaff = RequestFixtures.staff(jdbc, "staff.transport");
        supervisor = RequestFixtures.staff(jdbc, "admin.data");
    }

    private Submission submitStreetlight() {
        return citizens.submit(streetlight("路灯不亮，晚上很黑"));
    }

    private List<String> evidenceTypes(String trackingNumber) {
        return jdbc.sql("SELECT type FROM ledger_pending WHERE subject = ? UNION ALL SELECT type FROM ledger_entry WHERE subject = ?")
                .params(trackingNumber, trackingNumber).query(String.class).list();
    }

    @Nested
    class Submitting {

        @Test
        void routesByCategoryAndDistrictAndSetsDeadlinesOnTheWorkingCalendar() {
            Submission submission = submitStreetlight();
            ServiceRequest request = submission.request();

            assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
            assertThat(request.departmentId()).isEqualTo(RequestFixtures.department(jdbc, "URBAN-MGMT"));
            assertThat(request.districtCode()).isEqualTo("LINJIANG");
            assertThat(request.trackingNumber()).matches("[0-9A-Z]{5}-[0-9A-Z]{5}");
            // Monday 09:00 + 4 working hours; 7 working days, Monday not counted: the end of the next Wednesday
            assertThat(request.responseDue()).isEqualTo(MutableClock.START.plus(Duration.ofHours(4)));
            assertThat(request.resolutionDue()).isEqualTo(java.time.Instant.parse("2026-03-11T16:00:00Z"));
            assertThat(submission.citizenKey()).as("an anonymous requester gets a key on the receipt").isNotBlank();
            assertThat(evidenceTypes(request.trackingNumber())).containsExactly("requests.submitted");
        }

        @Test
        void evidenceHoldsNoPersonalData() {
            ServiceRequest request = submitStreetlight().request();
            List<String> entries = StoredEvidence.about(jdbc, request.trackingNumber());
            assertThat(entries).hasSize(1);
            String entry = entries.getFirst();

            assertThat(entry).contains("\"category\":\"streetlight\"", "\"district\":\"LINJIANG\"",
                    "\"department\":\"CW-DEMO/GOV/URBAN-MGMT\"", "\"digest\":\"sha256:", "\"actor\":\"anonymous\"");
            assertThat(entry).doesNotContain("刘洋", "liu@example.cn", "路灯不亮", "临江路");
        }

        @Test
        void aCategoryWithoutDepartmentWaitsForTheSupervisorWhoRoutesIt() {
            NewRequest other = RequestFixtures.withCategory(streetlight("不知道该找哪个部门"), "other", Map.of());
            ServiceRequest request = citizens.submit(other).request();
            assertThat(request.status()).isEqualTo(RequestStatus.UNROUTED);
            assertThat(request.departmentId()).isNull();

            assertThatThrownBy(() -> handling.route(request.trackingNumber(), urbanStaff, request.version(),
                    urbanStaff.organisationId()))
                    .extracting(e -> ((RequestRefused) e).code()).isEqualTo(RequestsErrorCode.NOT_YOUR_DEPARTMENT);
            ServiceRequest routed = handling.route(request.trackingNumber(), supervisor, request.version(),
                    urbanStaff.organisationId());

            assertThat(routed.status()).isEqualTo(RequestStatus.SUBMITTED);
            assertThat(routed.departmentId()).isEqualTo(urbanStaff.organisationId());
        }

        @Test
        void refusesAnAnonymousRequestWithoutContact() {
            NewRequest noContact = new NewRequest("streetlight", "灯不亮", "临江路", null, null,
                    Map.of("lamp_state", List.of("off")), null, null, null, null, false, "web", null, null, List.of());
            assertThatThrownBy(() -> citizens.submit(noContact))
                    .extracting(e -> ((RequestRefused) e).code()).isEqualTo(RequestsErrorCode.CONTACT_MISSING);
        }

        @Test
        void refusesWhatTheCategoryDoesNotAsk() {
            NewRequest request = RequestFixtures.withCategory(streetlight("灯"), "streetlight",
                    Map.of("lamp_state", List.of("off"), "colour", List.of("red")));
            assertThatThrownBy(() -> citizens.submit(request))
                    .extracting(e -> ((RequestRefused) e).code()).isEqualTo(RequestsErrorCode.ATTRIBUTE_UNKNOWN);
        }

        @Test
        void refusesAChoiceThatIsNotOffered() {
            NewRequest request = RequestFixtures.withCategory(streetlight("灯"), "streetlight",
                    Map.of("lamp_state", List.of("'; DROP TABLE requests_request; --")));
            assertThatThrownBy(() -> citizens.submit(request))
                    .extracting(e -> ((RequestRefused) e).code()).isEqualTo(RequestsErrorCode.ATTRIBUTE_INVALID);
        }

        @Test
        void keepsScriptAndSqlAsPlainText() {
            String hostile = "<script>alert(1)</script> '; DROP TABLE requests_request; -- \u0000";
            ServiceRequest request = citizens.submit(streetlight(hostile)).request();
            assertThat(citizens.get(request.trackingNumber()).description())
                    .isEqualTo("<script>alert(1)</script> '; DROP TABLE requests_request; --");
        }

        @Test
        void readsTrackingNumbersAsPeopleTypeThem() {
            ServiceRequest request = submitStreetlight().request();
            String typed = " " + request.trackingNumber().toLowerCase().replace("-", " ") + " ";
            assertThat(citizens.find(typed)).map(ServiceRequest::id).contains(request.id());
            assertThat(citizens.find("../../etc/passwd")).isEmpty();
        }
    }

    @Nested
    class Handling {

        @Test
        void fromAcceptanceThroughTransferToResolutionAndRating() {
            Submission submission = submitStreetlight();
            String number = submission.request().trackingNumber();
            Requester requester = Requester.withKey(submission.citizenKey());

            clock.advance(Duration.ofHours(1));
            ServiceRequest accepted = handling.accept(number, urbanStaff, 0, "我们已安排人员");
            assertThat(accepted.status()).isEqualTo(RequestStatus.IN_PROGRESS);
            assertThat(accepted.firstResponseAt()).isEqualTo(clock.instant());

            ServiceRequest proposed = handling.proposeTransfer(number, urbanStaff, accepted.version(),
                    transportStaff.organisationId(), "这条路归交通局管");
            assertThat(proposed.departmentId()).as("the first department stays responsible").isEqualTo(urbanStaff.organisationId());
            assertThat(proposed.transferToId()).isEqualTo(transportStaff.organisationId());
            assertThatThrownBy(() -> handling.resolve(number, transportStaff, proposed.version(), "修好了"))
                    .extracting(e -> ((RequestRefused) e).code()).isEqualTo(RequestsErrorCode.NOT_YOUR_DEPARTMENT);

            ServiceRequest transferred = handling.acceptTransfer(number, transportStaff, proposed.version());
            assertThat(transferred.departmentId()).isEqualTo(transportStaff.organisationId());
            assertThat(transferred.transferCount()).isEqualTo(1);

            ServiceRequest resolved = handling.resolve(number, transportStaff, transferred.version(), "已更换灯泡");
            assertThat(resolved.status()).isEqualTo(RequestStatus.RESOLVED);
            assertThat(resolved.statusNotes()).isEqualTo("已更换灯泡");

            assertThatThrownBy(() -> citizens.rate(number, Requester.withKey("wrong-key"), Rating.SATISFIED, true, null))
                    .extracting(e -> ((RequestRefused) e).code()).isEqualTo(RequestsErrorCode.NOT_YOUR_REQUEST);
            ServiceRequest rated = citizens.rate(number, requester, Rating.BASICALLY_SATISFIED, true, "修得挺快");
            assertThat(rated.status()).isEqualTo(RequestStatus.CLOSED);
            assertThat(rated.rating()).isEqualTo(Rating.BASICALLY_SATISFIED);

            assertThat(citizens.publicUpdates(rated)).extracting(RequestUpdate::kind).containsExactly(
                    RequestUpdate.Kind.SUBMITTED, RequestUpdate.Kind.ACCEPTED, RequestUpdate.Kind.TRANSFER_PROPOSED,
                    RequestUpdate.Kind.TRANSFERRED, RequestUpdate.Kind.RESOLVED, RequestUpdate.Kind.RATED);
            assertThat(evidenceTypes(number)).containsExactlyInAnyOrder("requests.submitted", "requests.accepted",
                    "requests.transfer_proposed", "requests.transferred", "requests.resolved", "requests.rated");
            assertThat(jdbc.sql("SELECT count(*) FROM requests_notification n JOIN requests_request r ON r.id = n.request_id"
                    + " WHERE r.tracking_number = ? AND n.recipient = 'liu@example.cn'").param(number).query(Integer.class).single())
                    .as("the requester is told of every public change").isEqualTo(6);
        }

        @Test
        void theClockPausesWhileWaitingForTheCitizen() {
            Submission submission = submitStreetlight();
            ServiceRequest request = submission.request();
            ServiceRequest asked = handling.askForClarification(request.trackingNumber(), urbanStaff, 0, "请问是哪一根灯杆？");
            assertThat(asked.status()).isEqualTo(RequestStatus.WAITING_FOR_CITIZEN);
            assertThat(asked.clock(clock.instant())).isEqualTo(ServiceRequest.Clock.PAUSED);

            clock.advance(Duration.ofHours(3)); // three working hours on Monday
            ServiceRequest answered = citizens.addInformation(request.trackingNumber(),
                    Requester.withKey(submission.citizenKey()), "门口第三根");

            assertThat(answered.status()).isEqualTo(RequestStatus.IN_PROGRESS);
            assertThat(answered.resolutionDue()).isAfter(request.resolutionDue());
        }

        @Test
        void aSecondPersonActingOnAStaleViewIsToldToReload() {
            ServiceRequest request = submitStreetlight().request();
            handling.accept(request.trackingNumber(), urbanStaff, 0, null);
            assertThatThrownBy(() -> handling.resolve(request.trackingNumber(), urbanStaff, 0, "修好了"))
                    .extracting(e -> ((RequestRefused) e).code()).isEqualTo(RequestsErrorCode.STALE_VERSION);
        }

        @Test
        void transfersAreLimited() {
            String number = submitStreetlight().request().trackingNumber();
            CommonwealUser housing = RequestFixtures.staff(jdbc, "staff.housing");
            ServiceRequest r = handling.proposeTransfer(number, urbanStaff, 0, transportStaff.organisationId(), "交通局");
            r = handling.acceptTransfer(number, transportStaff, r.version());
            r = handling.proposeTransfer(number, transportStaff, r.version(), housing.organisationId(), "住建局");
            r = handling.acceptTransfer(number, housing, r.version());
            int version = r.version();

            assertThatThrownBy(() -> handling.proposeTransfer(number, housing, version, urbanStaff.organisationId(), "城管"))
                    .extracting(e -> ((RequestRefused) e).code()).isEqualTo(RequestsErrorCode.TRANSFER_LIMIT_REACHED);
        }

        @Test
        void aTransferNeedsAReason() {
            String number = submitStreetlight().request().trackingNumber();
            assertThatThrownBy(() -> handling.proposeTransfer(number, urbanStaff, 0, transportStaff.organisationId(), "  "))
                    .extracting(e -> ((RequestRefused) e).code()).isEqualTo(RequestsErrorCode.REASON_MISSING);
        }

        @Test
        void aDuplicateIsMergedAndItsSupportCounts() {
            ServiceRequest first = submitStreetlight().request();
            ServiceRequest second = submitStreetlight().request();
            ServiceRequest merged = handling.merge(second.trackingNumber(), urbanStaff, 0, first.trackingNumber());

            assertThat(merged.status()).isEqualTo(RequestStatus.CLOSED);
            assertThat(merged.mergedInto()).isEqualTo(first.id());
            assertThat(citizens.get(first.trackingNumber()).supportCount()).isEqualTo(1);
        }

        @Test
        void overdueRequestsEscalateOnce() {
            ServiceRequest request = submitStreetlight().request();
            clock.set(request.resolutionDue());
            handling.escalateOverdue();
            handling.escalateOverdue();

            assertThat(citizens.get(request.trackingNumber()).escalatedAt()).isEqualTo(request.resolutionDue());
            assertThat(evidenceTypes(request.trackingNumber())).containsOnlyOnce("requests.escalated");
        }

        @Test
        void aResolvedRequestCanBeReopenedOnlyWithinTheWindow() {
            Submission submission = submitStreetlight();
            String number = submission.request().trackingNumber();
            Requester requester = Requester.withKey(submission.citizenKey());
            handling.resolve(number, urbanStaff, 0, "修好了");

            ServiceRequest reopened = citizens.reopen(number, requester, "还是不亮");
            assertThat(reopened.status()).isEqualTo(RequestStatus.IN_PROGRESS);
            assertThat(reopened.reopenCount()).isEqualTo(1);

            handling.resolve(number, urbanStaff, reopened.version(), "这次真修好了");
            clock.advance(Duration.ofDays(8));
            assertThatThrownBy(() -> citizens.reopen(number, requester, "又坏了"))
                    .extracting(e -> ((RequestRefused) e).code()).isEqualTo(RequestsErrorCode.REOPEN_WINDOW_CLOSED);
        }

        @Test
        void anAnswerLeftUnratedClosesAfterTheReopeningWindow() {
            ServiceRequest request = submitStreetlight().request();
            handling.resolve(request.trackingNumber(), urbanStaff, 0, "修好了");
            clock.advance(Duration.ofDays(6));
            handling.closeUnrated();
            assertThat(citizens.get(request.trackingNumber()).status()).isEqualTo(RequestStatus.RESOLVED);

            clock.advance(Duration.ofDays(2));
            handling.closeUnrated();
            ServiceRequest closed = citizens.get(request.trackingNumber());
            assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
            assertThat(closed.rating()).isNull();
            assertThat(evidenceTypes(request.trackingNumber())).contains("requests.closed");
        }

        @Test
        void aSignedInCitizenSupportsARequestOnce() {
            ServiceRequest request = submitStreetlight().request();
            UUID zhao = RequestFixtures.citizenId(jdbc, "citizen.zhao");
            citizens.support(request.trackingNumber(), zhao);
            citizens.support(request.trackingNumber(), zhao);
            assertThat(citizens.get(request.trackingNumber()).supportCount()).isEqualTo(1);
            assertThat(citizens.openNearby("streetlight", RequestFixtures.LINJIANG_LAT, RequestFixtures.LINJIANG_LON))
                    .extracting(ServiceRequest::id).contains(request.id());
        }
    }
}
