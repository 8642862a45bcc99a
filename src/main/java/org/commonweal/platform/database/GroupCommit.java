package org.commonweal.platform.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.commonweal.platform.web.Overload;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit: what concurrent callers write at the same moment is written together, in one
 * transaction with one round trip per statement for the whole group, instead of one transaction
 * each. On two cores PostgreSQL spends more on a statement's round trip and a transaction's commit
 * than on inserting a row, so under load this multiplies what a write path can sustain; with one
 * caller at a time every group has one item and nothing changes.
 * <p>
 * There is no writer thread: a caller that finds a free writer slot writes the queued items (its
 * own among them), then hands the slot to the next waiting caller, so no caller writes for others
 * after its own item is done. If a group fails, each of its items is written again alone, so one
 * item's error (a duplicate key, say) reaches only its own caller and the others are still written;
 * but a group that failed for want of a database connection fails all its items at once (each alone
 * would only wait again). Under more load than the database can take, an item that waited longer
 * than {@code maxWait} to be written is not written: its caller gets {@link TooBusy}, answered 503
 * with {@code Retry-After} like any other overload. A caller already in a transaction writes its
 * item alone, in that transaction: a group is written in its writer's transaction, and must not be
 * rolled back with a caller's.
 *
 * @param <T> what a caller asks to write
 * @param <R> what writing one item gives back
 */
public final class GroupCommit<T, R> {

    private final Function<List<T>, List<R>> writeTogether;
    private final int maxGroup;
    private final long maxWaitNanos;
    private final Semaphore writers;
    private final Queue<Item<T, R>> queue = new ConcurrentLinkedQueue<>();

    /**
     * @param writers       how many groups may be written at once (each holds a database connection)
     * @param maxGroup      the most items in one group
     * @param maxWait       the longest an item may wait to be written
     * @param writeTogether writes the items in one transaction of its own and returns one result per
     *                      item, in order; it throws, having written nothing, if any item fails
     */
    public GroupCommit(int writers, int maxGroup, Duration maxWait, Function<List<T>, List<R>> writeTogether) {
        this.writers = new Semaphore(writers);
        this.maxGroup = maxGroup;
        this.maxWaitNanos = maxWait.toNanos();
        this.writeTogether = writeTogether;
    }

    /** The item waited too long to be written, and was not: the database is busier than it can take. */
    public static final class TooBusy extends TransientDataAccessResourceException {
        TooBusy(Duration waited) {
            super("Waited " + waited.toMillis() + " ms to be written; the database is too busy");
        }
    }

    /** Writes the item with whatever else is being written now; throws what writing it alone would. */
    public R write(T value) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return writeTogether.apply(List.of(value)).getFirst();
        }
        Item<T, R> item = new Item<>(value);
        queue.add(item);
        while (!item.isDone()) {
            if (writers.tryAcquire()) {
                writeUntilDone(item);
                if (item.isDone()) {
                    break;
                }
            }
            // Sleeps until the item is written, or until a writer slot frees while it is first in the
            // queue. Never loops without sleeping: waiting virtual threads must leave the carrier
            // threads to the writers, whose database answers they need to finish.
            item.awaitTurn();
        }
        return item.result();
    }

    /** Writes queued groups until this caller's own item is done or taken by another writer. */
    private void writeUntilDone(Item<T, R> mine) {
        try {
            while (!mine.isDone()) {
                List<Item<T, R>> group = new ArrayList<>();
                Item<T, R> next;
                while (group.size() < maxGroup && (next = queue.poll()) != null) {
                    long waited = System.nanoTime() - next.queuedAt;
                    if (waited > maxWaitNanos) {
                        next.fail(new TooBusy(Duration.ofNanos(waited)));
                    } else {
                        group.add(next);
                    }
                }
                if (group.isEmpty()) {
                    if (queue.isEmpty()) {
                        return; // another writer is writing this caller's item now and will wake it
                    }
                    continue; // every item drained had waited too long
                }
                writeGroup(group);
            }
        } finally {
            writers.release();
            // Whatever was queued while this caller wrote gets a writer; an item queued after this
            // peek finds the released slot itself.
            Item<T, R> waiting = queue.peek();
            if (waiting != null) {
                waiting.wake();
            }
        }
    }

    private void writeGroup(List<Item<T, R>> group) {
        try {
            List<R> results = writeTogether.apply(group.stream().map(Item::value).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).succeed(results.get(i));
            }
        } catch (RuntimeException e) {
            if (group.size() == 1 || Overload.is(e)) {
                group.forEach(item -> item.fail(e));
                return;
            }
            for (Item<T, R> item : group) {
                try {
                    item.succeed(writeTogether.apply(List.of(item.value())).getFirst());
                } catch (RuntimeException alone) {
                    item.fail(alone);
                }
            }
        } finally {
            // only if an Error is on its way up: no caller may wait for ever
            for (Item<T, R> item : group) {
                if (!item.isDone()) {
                    item.fail(new IllegalStateException("The group this item was written in failed"));
                }
            }
        }
    }

    /** One caller's item; its caller sleeps on {@code turn} until it is written or may write. */
    private static final class Item<T, R> {
        private final T value;
        private final long queuedAt = System.nanoTime();
        private final Semaphore turn = new Semaphore(0);
        private volatile boolean done;
        private @Nullable R result;
        private @Nullable RuntimeException failure;

        Item(T value) {
            this.value = value;
        }

        T value() {
            return value;
        }

        boolean isDone() {
            return done;
        }

        void succeed(R result) {
            this.result = result;
            finish();
        }

        void fail(RuntimeException failure) {
            this.failure = failure;
            finish();
        }

        private void finish() {
            done = true; // after result or failure: the volatile write publishes them
            turn.release();
        }

        void wake() {
            turn.release();
        }

        void awaitTurn() {
            turn.acquireUninterruptibly();
        }

        R result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            return result;
        }
    }
}
