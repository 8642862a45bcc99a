package org.commonweal.requests.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.commonweal.calendar.WorkingCalendar;
import org.commonweal.requests.Category;
import org.commonweal.requests.Rating;
import org.commonweal.requests.RequestSettings;
import org.commonweal.requests.RequestStatus;
import org.commonweal.requests.RequestUpdate;
import org.commonweal.requests.RequestUpdate.Kind;
import org.jspecify.annotations.Nullable;

/**
 * How far a generated demo request got by now: most old ones answered and rated, some late, some
 * transferred, recent ones still open, a few waiting for the citizen or for the supervisor.
 */
record DemoLifecycle(RequestStatus status, @Nullable String reply, boolean transferred, Instant submitted,
                     Instant updatedAt, Instant responseDue, Instant resolutionDue, @Nullable Instant firstResponse,
                     @Nullable Instant pausedAt, @Nullable Instant escalatedAt, @Nullable Instant resolvedAt,
                     @Nullable Instant closedAt, @Nullable Rating rating, @Nullable Boolean solved,
                     @Nullable Instant ratedAt) {

    static DemoLifecycle of(Category category, Instant submitted, Instant now, Random random, RequestSettings settings,
                            WorkingCalendar calendar, boolean waitsForSupervisor) {
        Instant responseDue = settings.response().of(category.timeLimit()).deadline(submitted, calendar);
        Instant resolutionDue = settings.resolution().of(category.timeLimit()).deadline(submitted, calendar);
        if (waitsForSupervisor) {
            return open(RequestStatus.UNROUTED, submitted, responseDue, resolutionDue, null, null, now);
        }
        Duration responseTime = Duration.between(submitted, responseDue);
        // 85 % are contacted in time, the rest up to twice the limit late
        double responseShare = random.nextDouble() < 0.85 ? random.nextDouble() : 1 + random.nextDouble();
        Instant firstResponse = submitted.plus(scaled(responseTime, responseShare));
        if (firstResponse.isAfter(now)) {
            return open(RequestStatus.SUBMITTED, submitted, responseDue, resolutionDue, null, null, now);
        }
        Duration allowed = Duration.between(submitted, resolutionDue);
        Instant planned = submitted.plus(scaled(allowed, 0.2 + random.nextDouble() * (random.nextDouble() < 0.9 ? 0.8 : 1.6)));
        Instant resolved = planned.isAfter(firstResponse) ? planned : firstResponse.plus(Duration.ofMinutes(10));
        boolean transferred = random.nextInt(12) == 0;
        if (resolved.isAfter(now) || random.nextInt(40) == 0) {
            boolean waiting = random.nextInt(8) == 0;
            return open(waiting ? RequestStatus.WAITING_FOR_CITIZEN : RequestStatus.IN_PROGRESS, submitted, responseDue,
                    resolutionDue, firstResponse, waiting ? firstResponse : null, now).withTransfer(transferred);
        }
        String reply = "已处理完毕，感谢您的反映。";
        Instant rated = resolved.plus(Duration.ofHours(2 + random.nextInt(70)));
        if (random.nextDouble() < 0.75 && rated.isBefore(now)) {
            double verdict = random.nextDouble();
            Rating rating = verdict < 0.6 ? Rating.SATISFIED : verdict < 0.85 ? Rating.BASICALLY_SATISFIED : Rating.DISSATISFIED;
            double solvedChance = switch (rating) {
                case SATISFIED -> 0.95;
                case BASICALLY_SATISFIED -> 0.8;
                case DISSATISFIED -> 0.3;
            };
            return new DemoLifecycle(RequestStatus.CLOSED, reply, transferred, submitted, rated, responseDue, resolutionDue,
                    firstResponse, null, null, resolved, rated, rating, random.nextDouble() < solvedChance, rated);
        }
        Instant reopenEnds = resolved.plus(Duration.ofDays(settings.reopenDays()));
        boolean stillResolved = reopenEnds.isAfter(now);
        return new DemoLifecycle(stillResolved ? RequestStatus.RESOLVED : RequestStatus.CLOSED, reply, transferred,
                submitted, stillResolved ? resolved : reopenEnds, responseDue, resolutionDue, firstResponse, null, null,
                resolved, stillResolved ? null : reopenEnds, null, null, null);
    }

    private static DemoLifecycle open(RequestStatus status, Instant submitted, Instant responseDue, Instant resolutionDue,
                                      @Nullable Instant firstResponse, @Nullable Instant pausedAt, Instant now) {
        Instant escalated = status != RequestStatus.WAITING_FOR_CITIZEN && status != RequestStatus.UNROUTED
                && resolutionDue.isBefore(now) ? resolutionDue : null;
        Instant updated = firstResponse != null ? firstResponse : submitted;
        return new DemoLifecycle(status, null, false, submitted, updated, responseDue, resolutionDue, firstResponse,
                pausedAt, escalated, null, null, null, null, null);
    }

    private DemoLifecycle withTransfer(boolean transfer) {
        return new DemoLifecycle(status, reply, transfer, submitted, updatedAt, responseDue, resolutionDue, firstResponse,
                pausedAt, escalatedAt, resolvedAt, closedAt, rating, solved, ratedAt);
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofSeconds((long) (duration.toSeconds() * factor));
    }

    /** The history that leads to this state, oldest first. */
    List<RequestUpdate> updates(UUID requestId, @Nullable UUID department) {
        List<RequestUpdate> updates = new ArrayList<>();
        updates.add(update(requestId, Kind.SUBMITTED, RequestStatus.SUBMITTED, null, true, department, submitted));
        if (firstResponse != null) {
            updates.add(update(requestId, Kind.ACCEPTED, RequestStatus.IN_PROGRESS, null, true, department, firstResponse));
        }
        if (transferred && firstResponse != null) {
            updates.add(update(requestId, Kind.TRANSFERRED, RequestStatus.IN_PROGRESS, "职责调整，转由本部门办理", true,
                    department, firstResponse.plusSeconds(600)));
        }
        if (pausedAt != null) {
            updates.add(update(requestId, Kind.CLARIFICATION_REQUESTED, RequestStatus.WAITING_FOR_CITIZEN,
                    "请补充具体位置或照片。", true, department, pausedAt));
        }
        if (escalatedAt != null) {
            updates.add(update(requestId, Kind.ESCALATED, status, null, false, null, escalatedAt));
        }
        if (resolvedAt != null) {
            updates.add(update(requestId, Kind.RESOLVED, RequestStatus.RESOLVED, reply, true, department, resolvedAt));
        }
        if (ratedAt != null) {
            updates.add(update(requestId, Kind.RATED, RequestStatus.CLOSED, null, true, null, ratedAt));
        } else if (closedAt != null) {
            updates.add(update(requestId, Kind.CLOSED, RequestStatus.CLOSED, null, true, null, closedAt));
        }
        return updates;
    }

    private static RequestUpdate update(UUID requestId, Kind kind, RequestStatus status, @Nullable String note,
                                        boolean isPublic, @Nullable UUID department, Instant at) {
        return new RequestUpdate(UUID.randomUUID(), requestId, kind, status, note, isPublic, null, department, null, at);
    }
}
