package org.commonweal.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.commonweal.platform.web.Overload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A caller left waiting for ever would hang the build: each test fails instead after a minute. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GroupCommitUnitTest {

    private static final Duration LONG_WAIT = Duration.ofMinutes(5);

    /** Every group written, in order, with the items it held. */
    private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());

    private Function<List<String>, List<String>> recordingUpper(Runnable beforeEach) {
        return items -> {
            groups.add(items);
            beforeEach.run();
            if (items.contains("bad")) {
                throw new IllegalArgumentException("bad item");
            }
            if (items.contains("no-connection")) {
                throw new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException());
            }
            return items.stream().map(String::toUpperCase).toList();
        };
    }

    @Test
    void oneCallerAtATimeWritesItsItemAloneAndGetsItsOwnError() {
        GroupCommit<String, String> commit = new GroupCommit<>(2, 64, LONG_WAIT, recordingUpper(() -> { }));

        assertThat(commit.write("a")).isEqualTo("A");
        assertThat(commit.write("b")).isEqualTo("B");
        assertThatThrownBy(() -> commit.write("bad")).isInstanceOf(IllegalArgumentException.class).hasMessage("bad item");

        assertThat(groups).containsExactly(List.of("a"), List.of("b"), List.of("bad"));
    }

    @Test
    void itemsQueuedWhileAGroupIsWrittenAreWrittenTogetherNext() throws Exception {
        Map<String, Object> answers = writeWhileTheFirstGroupIsHeld(List.of("b", "c", "d", "e"), LONG_WAIT, Duration.ZERO);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).containsExactly("first");
        assertThat(groups.get(1)).containsExactlyInAnyOrder("b", "c", "d", "e");
        assertThat(answers).containsExactlyInAnyOrderEntriesOf(Map.of("first", "FIRST", "b", "B", "c", "C", "d", "D", "e", "E"));
    }

    @Test
    void aFailingItemFailsOnlyItsOwnCallerAndTheOthersAreWrittenAlone() throws Exception {
        Map<String, Object> answers = writeWhileTheFirstGroupIsHeld(List.of("a", "bad", "c"), LONG_WAIT, Duration.ZERO);

        assertThat(answers.get("a")).isEqualTo("A");
        assertThat(answers.get("c")).isEqualTo("C");
        assertThat(answers.get("bad")).isInstanceOf(IllegalArgumentException.class);
        assertThat(groups.get(1)).containsExactlyInAnyOrder("a", "bad", "c");
        assertThat(groups.subList(2, groups.size())).containsExactlyInAnyOrder(List.of("a"), List.of("bad"), List.of("c"));
    }

    @Test
    void aGroupWithoutADatabaseConnectionFailsAllItsItemsAtOnce() throws Exception {
        Map<String, Object> answers = writeWhileTheFirstGroupIsHeld(List.of("a", "no-connection", "c"), LONG_WAIT, Duration.ZERO);

        assertThat(answers.get("a")).isInstanceOf(CannotGetJdbcConnectionException.class);
        assertThat(answers.get("no-connection")).isInstanceOf(CannotGetJdbcConnectionException.class);
        assertThat(answers.get("c")).isInstanceOf(CannotGetJdbcConnectionException.class);
        assertThat(groups).hasSize(2); // none written again alone: each would only wait for a connection again
    }

    @Test
    void anItemThatWaitedLongerThanItMayIsNotWrittenAndItsCallerIsToldTheDatabaseIsBusy() throws Exception {
        Map<String, Object> answers = writeWhileTheFirstGroupIsHeld(List.of("a", "b"), Duration.ofMillis(50),
                Duration.ofMillis(300));

        assertThat(answers.get("first")).isEqualTo("FIRST");
        assertThat(answers.get("a")).isInstanceOf(GroupCommit.TooBusy.class);
        assertThat(answers.get("b")).isInstanceOf(GroupCommit.TooBusy.class);
        assertThat(Overload.is((Throwable) answers.get("a"))).as("answered 503 with Retry-After").isTrue();
        assertThat(groups).containsExactly(List.of("first"));
    }

    @Test
    void aCallerInATransactionWritesItsItemAloneAtOnceInThatTransaction() throws Exception {
        CountDownLatch firstEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> writingThreads = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<String, String> commit = new GroupCommit<>(1, 64, LONG_WAIT, recordingUpper(() -> {
            writingThreads.add(Thread.currentThread());
            if (firstEntered.getCount() == 1) {
                firstEntered.countDown();
                await(release);
            }
        }));
        Thread first = Thread.ofPlatform().start(() -> commit.write("first"));
        firstEntered.await();

        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            // the only writer slot is taken: outside a transaction this would wait for "first"
            assertThat(commit.write("x")).isEqualTo("X");
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
            release.countDown();
        }
        first.join();

        assertThat(groups).containsExactly(List.of("first"), List.of("x"));
        assertThat(writingThreads.get(1)).isSameAs(Thread.currentThread());
    }

    /**
     * With one writer: "first" is written and held in its write until every item has been queued by
     * its own caller, who then sleeps, and at least {@code hold} has passed; then it is let go. Each
     * caller's answer, or what it threw.
     */
    private Map<String, Object> writeWhileTheFirstGroupIsHeld(List<String> items, Duration maxWait, Duration hold)
            throws InterruptedException {
        CountDownLatch firstEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> commit = new GroupCommit<>(1, 64, maxWait, recordingUpper(() -> {
            if (firstEntered.getCount() == 1) {
                firstEntered.countDown();
                await(release);
            }
        }));
        Map<String, Object> answers = new ConcurrentHashMap<>();
        List<Thread> callers = new ArrayList<>();
        for (String item : items) {
            callers.add(Thread.ofPlatform().unstarted(() -> {
                try {
                    answers.put(item, commit.write(item));
                } catch (RuntimeException e) {
                    answers.put(item, e);
                }
            }));
        }
        Thread first = Thread.ofPlatform().start(() -> answers.put("first", commit.write("first")));
        firstEntered.await();
        callers.forEach(Thread::start);
        waitUntilWaiting(callers);
        Thread.sleep(hold);
        release.countDown();
        first.join();
        for (Thread caller : callers) {
            caller.join();
        }
        return answers;
    }

    @Test
    void manyConcurrentCallersEachGetTheirOwnResultAndNoneIsLeftWaiting() throws InterruptedException {
        GroupCommit<String, String> commit = new GroupCommit<>(4, 16, LONG_WAIT,
                recordingUpper(() -> LockSupport.parkNanos(1_000_000)));
        AtomicInteger wrong = new AtomicInteger();

        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < 64; c++) {
            int caller = c;
            callers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 200; i++) {
                    String item = "item-" + caller + "-" + i;
                    if (!commit.write(item).equals(item.toUpperCase())) {
                        wrong.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(wrong).hasValue(0);
        List<String> written = groups.stream().flatMap(List::stream).toList();
        assertThat(written).hasSize(64 * 200).doesNotHaveDuplicates();
        assertThat(groups).allSatisfy(group -> assertThat(group).hasSizeLessThanOrEqualTo(16));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until every caller has queued its item and sleeps, waiting for it to be written. */
    private static void waitUntilWaiting(List<Thread> callers) throws InterruptedException {
        while (!callers.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
            Thread.sleep(5);
        }
    }
}
