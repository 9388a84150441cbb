package org.lotkeeper.client.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.lotkeeper.client.platform.Scheduler;
import org.lotkeeper.client.store.Outbox;
import org.lotkeeper.client.store.OutboxEntry;
import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.client.sync.SyncStatus.Connectivity;
import org.lotkeeper.client.sync.SyncStatus.SnapshotProgress;
import org.lotkeeper.client.sync.SyncStatus.SyncError;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.ProblemDetail;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.PushRequest;
import org.lotkeeper.model.wire.PushResponse;
import org.lotkeeper.model.wire.SiteChanges;

/**
 * Moves the outbox up and reference data down (docs/PROTOCOL.md), on the {@link Scheduler}'s thread,
 * one call at a time.
 *
 * <h2>A cycle</h2>
 * <ol>
 *   <li><b>Push</b> PENDING events in deviceSeq order, at most {@link SyncPolicy#batchSize()} per
 *       request, one request in flight, until none is left. Each answer is applied by eventId in
 *       one transaction: ACCEPTED, FLAGGED and DUPLICATE acknowledge the event; REJECTED keeps it
 *       on the device for attention with the reason and it is never pushed again, so the next
 *       events go on (a poison event cannot block the queue).
 *       <ul>
 *         <li>409 SEQUENCE_GAP {@code expectedSeq}: resend from {@code expectedSeq}, whatever the
 *             events' states (the server lost them). An {@code expectedSeq} beyond the last event
 *             this device made is a server/device mismatch: reported as SEQUENCE_MISMATCH, retried
 *             only at the longest backoff.</li>
 *         <li>413: halve the batch and go on.</li>
 *         <li>401: wipe reference data, PIN verifiers and the token (the outbox stays), then stop;
 *             {@link SyncStatus#needsEnrollment()} until {@link #credentialsRenewed()}.</li>
 *       </ul></li>
 *   <li><b>Pull</b> (after a push that acknowledged something, when the device has no cursor, or
 *       every {@link SyncPolicy#pullInterval()}; also when the push was refused, but not when the
 *       server could not be reached): page by page until {@code complete}; each page in
 *       its own transaction. Without a cursor it is a snapshot; 409 CURSOR_EXPIRED reloads a
 *       snapshot and keeps the outbox.</li>
 * </ol>
 * A network error, a 5xx or an unreadable answer ends the cycle; the next one is scheduled after
 * an exponential backoff with jitter. A clean cycle schedules the next after the pull interval.
 * A capture wakes the engine at once (unless it is backing off: then the timer decides).
 */
public final class SyncEngine implements AutoCloseable {

    private static final int MAX_GAPS_PER_CYCLE = 8;

    private final SqliteStore store;
    private final SyncApi api;
    private final Scheduler scheduler;
    private final Clock clock;
    private final SyncPolicy policy;
    private final Backoff backoff;
    private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
    /** One listener object, kept: it is removed again by identity when the engine closes. */
    @SuppressWarnings("UnnecessaryLambda")
    private final Consumer<Event> onCapture = e -> captured();

    private final Object lock = new Object();
    // guarded by lock
    private SyncStatus status;
    private Scheduler.Cancellable scheduled;
    private Instant scheduledAt;
    private boolean running;
    private boolean again;
    private boolean started;
    private boolean closed;
    private int failures;
    // only touched on the sync thread
    private Instant lastPullAt;
    /** The site's change number the last complete pull started from; -1 before one. */
    private long pulledVersion = -1;
    /** The server answered that it has no change numbers (an older server): never asked again. */
    private boolean changesUnknown;

    public SyncEngine(
            SqliteStore store, SyncApi api, Scheduler scheduler, Clock clock, SyncPolicy policy, Random random) {
        this.store = Objects.requireNonNull(store);
        this.api = Objects.requireNonNull(api);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.clock = Objects.requireNonNull(clock);
        this.policy = Objects.requireNonNull(policy);
        this.backoff = new Backoff(policy.backoffBase(), policy.backoffMax(), random);
        this.status = SyncStatus.initial(
                store.outbox().pendingCount(),
                store.outbox().needsAttentionCount(),
                store.settings().lastSyncAt().orElse(null));
    }

    /** Starts syncing: listens to captures and runs a first cycle now. */
    public void start() {
        synchronized (lock) {
            if (started || closed) {
                return;
            }
            started = true;
        }
        store.outbox().addCaptureListener(onCapture);
        requestSync();
    }

    /** Asks for a cycle as soon as possible; ignored while backing off, stopped or waiting for enrollment. */
    public void requestSync() {
        synchronized (lock) {
            if (!started || closed || status.needsEnrollment()) {
                return;
            }
            if (running) {
                again = true;
                return;
            }
            if (failures > 0) {
                return;
            }
            scheduleLocked(Duration.ZERO);
        }
    }

    /** The device enrolled again (new token): clears the 401 stop and syncs now. */
    public void credentialsRenewed() {
        synchronized (lock) {
            failures = 0;
            SyncStatus s = status;
            status = new SyncStatus(
                    s.connectivity(),
                    s.pendingCount(),
                    s.needsAttentionCount(),
                    s.lastSyncAt(),
                    s.snapshot(),
                    null,
                    false);
        }
        publish();
        requestSync();
    }

    public SyncStatus status() {
        synchronized (lock) {
            return status;
        }
    }

    /** Adds a listener and tells it the current status at once. */
    public void addListener(SyncListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        listener.changed(status());
    }

    public void removeListener(SyncListener listener) {
        listeners.remove(listener);
    }

    /** Stops scheduling; a running cycle finishes its current call. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (scheduled != null) {
                scheduled.cancel();
                scheduled = null;
            }
        }
        store.outbox().removeCaptureListener(onCapture);
    }

    // ------------------------------------------------------------------ scheduling

    private void captured() {
        synchronized (lock) {
            SyncStatus s = status;
            status = new SyncStatus(
                    s.connectivity(),
                    s.pendingCount() + 1,
                    s.needsAttentionCount(),
                    s.lastSyncAt(),
                    s.snapshot(),
                    s.lastError(),
                    s.needsEnrollment());
        }
        publish();
        requestSync();
    }

    private void scheduleLocked(Duration delay) {
        Instant at = clock.instant().plus(delay);
        if (scheduled != null) {
            if (!scheduledAt.isAfter(at)) {
                return; // something earlier is already planned
            }
            scheduled.cancel();
        }
        scheduledAt = at;
        scheduled = scheduler.schedule(this::runCycle, delay);
    }

    private void runCycle() {
        synchronized (lock) {
            if (closed || running) {
                return;
            }
            scheduled = null;
            running = true;
            again = false;
        }
        Outcome outcome;
        try {
            outcome = cycle();
        } catch (RuntimeException e) {
            outcome = Outcome.retry(
                    new SyncError(
                            SyncError.Kind.DEVICE,
                            "DEVICE_ERROR",
                            e.getClass().getSimpleName() + ": " + e.getMessage(),
                            clock.instant()),
                    false);
        }
        long pending;
        long attention;
        try {
            pending = store.outbox().pendingCount();
            attention = store.outbox().needsAttentionCount();
        } catch (RuntimeException e) {
            pending = status().pendingCount();
            attention = status().needsAttentionCount();
        }
        Instant now = clock.instant();
        if (outcome.clean()) {
            try {
                store.settings().setLastSyncAt(now);
            } catch (RuntimeException ignored) {
                // the status line still shows it
            }
        }
        synchronized (lock) {
            running = false;
            SyncStatus s = status;
            status = new SyncStatus(
                    outcome.connectivity() == null ? s.connectivity() : outcome.connectivity(),
                    pending,
                    attention,
                    outcome.clean() ? now : s.lastSyncAt(),
                    s.snapshot(),
                    outcome.clean() ? null : outcome.error(),
                    outcome.needsEnrollment());
            if (!closed && !outcome.needsEnrollment()) {
                if (outcome.clean()) {
                    failures = 0;
                    scheduleLocked(again ? Duration.ZERO : policy.idle());
                } else {
                    failures++;
                    scheduleLocked(outcome.slow() ? backoff.max() : backoff.delay(failures));
                }
            }
        }
        publish();
    }

    private void publish() {
        SyncStatus s = status();
        for (SyncListener l : listeners) {
            try {
                l.changed(s);
            } catch (RuntimeException ignored) {
                // a broken listener must not stop the engine
            }
        }
    }

    private void setSnapshot(SnapshotProgress progress) {
        synchronized (lock) {
            SyncStatus s = status;
            status = new SyncStatus(
                    Connectivity.ONLINE,
                    s.pendingCount(),
                    s.needsAttentionCount(),
                    s.lastSyncAt(),
                    progress,
                    s.lastError(),
                    s.needsEnrollment());
        }
        publish();
    }

    // ------------------------------------------------------------------ one cycle

    /** How a cycle (or part of it) ended. */
    private record Outcome(
            boolean clean,
            SyncError error,
            Connectivity connectivity,
            boolean needsEnrollment,
            boolean slow,
            int acknowledged) {

        static Outcome ok(int acknowledged) {
            return new Outcome(true, null, Connectivity.ONLINE, false, false, acknowledged);
        }

        static Outcome retry(SyncError error, boolean slow) {
            Connectivity c = error.kind() == SyncError.Kind.NETWORK
                    ? Connectivity.OFFLINE
                    : error.kind() == SyncError.Kind.DEVICE ? null : Connectivity.ONLINE;
            return new Outcome(false, error, c, false, slow, 0);
        }

        static Outcome unauthenticated(SyncError error) {
            return new Outcome(false, error, Connectivity.ONLINE, true, false, 0);
        }
    }

    private Outcome cycle() {
        Optional<DeviceId> deviceId = store.settings().deviceId();
        if (deviceId.isEmpty() || store.settings().token().isEmpty()) {
            return Outcome.unauthenticated(new SyncError(
                    SyncError.Kind.UNAUTHENTICATED, "NOT_ENROLLED", "the device is not enrolled", clock.instant()));
        }
        Outcome pushed = push(deviceId.get());
        if (pushed.needsEnrollment() || pushed.connectivity() == Connectivity.OFFLINE) {
            return pushed;
        }
        // reference data keeps coming even while the server refuses pushes (503 on ingest, a sequence mismatch)
        boolean due = lastPullAt == null || !clock.instant().isBefore(lastPullAt.plus(policy.pullInterval()));
        boolean pull = pushed.acknowledged() > 0
                || due
                || store.referenceCache().cursor().isEmpty();
        long version = -1;
        if (policy.checksChanges() && !changesUnknown) {
            ApiResult<SiteChanges> changes = ApiCalls.execute(api.changes());
            if (changes instanceof ApiResult.Success<SiteChanges> ok) {
                version = ok.body().version();
                pull |= version != pulledVersion;
            } else if (changes instanceof ApiResult.ClientError<SiteChanges> e
                    && (e.status() == 404 || e.status() == 405)) {
                changesUnknown = true; // a server without change numbers: the pull interval alone, as before
            } else if (!pull) {
                Outcome failed = failed(changes);
                return pushed.clean() || failed.needsEnrollment() ? failed : pushed;
            }
        }
        return pull ? pulled(pushed, version) : pushed;
    }

    /** Pulls after the push; {@code version}: the change number that asked for it, -1 when not known. */
    private Outcome pulled(Outcome pushed, long version) {
        Outcome pulled = pull();
        pulledVersion = pulled.clean() ? version : -1;
        return pushed.clean() || pulled.needsEnrollment() ? pulled : pushed;
    }

    private Outcome push(DeviceId deviceId) {
        Outbox outbox = store.outbox();
        int batchSize = policy.batchSize();
        Long rewindFrom = null;
        int gaps = 0;
        int acknowledged = 0;
        while (true) {
            List<OutboxEntry> batch =
                    rewindFrom == null ? outbox.pending(batchSize) : outbox.from(rewindFrom, batchSize);
            if (batch.isEmpty()) {
                if (rewindFrom != null) {
                    rewindFrom = null;
                    continue;
                }
                return Outcome.ok(acknowledged);
            }
            List<Event> events = batch.stream().map(OutboxEntry::event).toList();
            ApiResult<PushResponse> result = ApiCalls.execute(api.push(new PushRequest(deviceId, events)));
            if (result instanceof ApiResult.Success<PushResponse> ok) {
                Outbox.Applied applied = outbox.applyResults(ok.body().results());
                acknowledged += applied.acknowledged();
                if (applied.acknowledged() + applied.rejected() + applied.alreadyAnswered() == 0) {
                    return Outcome.retry(
                            error(
                                    SyncError.Kind.SERVER,
                                    "NO_RESULTS",
                                    "the server answered the push without results for its events"),
                            false);
                }
                if (rewindFrom != null) {
                    rewindFrom = batch.get(batch.size() - 1).deviceSeq() + 1;
                }
            } else if (result instanceof ApiResult.Conflict<PushResponse> c
                    && c.is(ErrorCode.SEQUENCE_GAP)
                    && c.problem().expectedSeq() != null) {
                long expected = c.problem().expectedSeq();
                long highest = outbox.highestDeviceSeq();
                if (expected < 1 || expected > highest) {
                    return Outcome.retry(
                            error(
                                    SyncError.Kind.SEQUENCE_MISMATCH,
                                    "SEQUENCE_MISMATCH",
                                    "the server expects event " + expected + " from this device, which has made only "
                                            + highest + "; ask support to check the device"),
                            true);
                }
                if (++gaps > MAX_GAPS_PER_CYCLE) {
                    return Outcome.retry(
                            error(SyncError.Kind.CONFLICT, ErrorCode.SEQUENCE_GAP.name(), result.describe()), false);
                }
                rewindFrom = expected;
            } else if (result instanceof ApiResult.ClientError<PushResponse> c && c.status() == 413 && batchSize > 1) {
                batchSize = Math.max(1, batchSize / 2);
            } else {
                return failed(result);
            }
        }
    }

    private Outcome pull() {
        Outbox outbox = store.outbox();
        Optional<String> cursor = store.referenceCache().cursor();
        boolean snapshot = cursor.isEmpty();
        boolean firstPage = true;
        String next = cursor.orElse(null);
        long mark = outbox.acknowledgementMark();
        boolean reloaded = false;
        int pages = 0;
        long rows = 0;
        if (snapshot) {
            setSnapshot(new SnapshotProgress(true, 0, 0));
        }
        // what SSCCs the device holds, read once per cycle: only its first page may carry a block (the
        // server sends a lost block again, or a new one when few are left)
        long newestBlock = store.palletNumbers().newestBlock();
        int ssccLeft = store.palletNumbers().left();
        while (true) {
            ApiResult<PullResponse> result =
                    ApiCalls.execute(api.pull(next, policy.pullLimit(), newestBlock, ssccLeft));
            if (result instanceof ApiResult.Success<PullResponse> ok) {
                PullResponse page = ok.body();
                if (snapshot) {
                    store.referenceCache().applySnapshotPage(page, firstPage, mark);
                    pages++;
                    rows += rows(page);
                    setSnapshot(new SnapshotProgress(!page.complete(), pages, rows));
                } else {
                    store.referenceCache().applyChangesPage(page, mark);
                }
                firstPage = false;
                if (page.complete()) {
                    lastPullAt = clock.instant();
                    return Outcome.ok(0);
                }
                next = page.cursor();
            } else if (result instanceof ApiResult.Conflict<PullResponse> c
                    && c.is(ErrorCode.CURSOR_EXPIRED)
                    && !reloaded) {
                reloaded = true;
                snapshot = true;
                firstPage = true;
                next = null;
                pages = 0;
                rows = 0;
                mark = outbox.acknowledgementMark();
                setSnapshot(new SnapshotProgress(true, 0, 0));
            } else {
                if (snapshot) {
                    setSnapshot(new SnapshotProgress(false, pages, rows));
                }
                return failed(result);
            }
        }
    }

    private static long rows(PullResponse p) {
        return (long) p.items().size()
                + p.locations().size()
                + p.partners().size()
                + p.lots().size()
                + p.stock().size()
                + p.containers().size()
                + p.tasks().size()
                + p.users().size();
    }

    private Outcome failed(ApiResult<?> result) {
        if (result instanceof ApiResult.Unauthenticated<?> u) {
            // a revoked device keeps nothing a finder could use — PIN verifiers, stock, tasks — but its outbox
            store.referenceCache().wipe();
            return Outcome.unauthenticated(error(
                    SyncError.Kind.UNAUTHENTICATED,
                    u.problem().code(),
                    "the server refused the device token: enroll the device again"));
        } else if (result instanceof ApiResult.NetworkError<?> n) {
            return Outcome.retry(error(SyncError.Kind.NETWORK, "NETWORK", n.detail()), false);
        } else if (result instanceof ApiResult.ServerError<?> s) {
            return Outcome.retry(
                    error(SyncError.Kind.SERVER, s.status() > 0 ? "HTTP_" + s.status() : "BAD_ANSWER", s.detail()),
                    false);
        } else if (result instanceof ApiResult.Conflict<?> c) {
            return Outcome.retry(error(SyncError.Kind.CONFLICT, c.problem().code(), result.describe()), false);
        } else if (result instanceof ApiResult.ClientError<?> c) {
            ProblemDetail p = c.problem();
            return Outcome.retry(error(SyncError.Kind.CLIENT, p.code(), result.describe()), true);
        }
        return Outcome.retry(error(SyncError.Kind.SERVER, "UNEXPECTED", result.describe()), false);
    }

    private SyncError error(SyncError.Kind kind, String code, String message) {
        return new SyncError(kind, code, message, clock.instant());
    }
}
