package org.lotkeeper.client.ui;

import java.time.Clock;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;

import org.lotkeeper.client.sync.SyncStatus;

/**
 * The line every screen shows: online or offline, how many events wait, the last sync, who is
 * logged in; a progress bar while the first sync loads the site.
 */
public final class StatusBarViewModel {

    private final ClientContext ctx;
    private final Clock clock;
    private final SimpleStringProperty connectivity = new SimpleStringProperty("");
    private final SimpleBooleanProperty online = new SimpleBooleanProperty(false);
    private final SimpleStringProperty pending = new SimpleStringProperty("");
    private final SimpleStringProperty lastSync = new SimpleStringProperty("");
    private final SimpleStringProperty user = new SimpleStringProperty("");
    private final SimpleBooleanProperty firstSync = new SimpleBooleanProperty(false);
    private final SimpleStringProperty firstSyncText = new SimpleStringProperty("");
    private final SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
    /** Read with the status on the work thread (a SQLite read), used when a sync listener reports. */
    private volatile boolean enrolled;

    private record Reading(SyncStatus status, boolean enrolled) {}

    public StatusBarViewModel(ClientContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
    }

    /** Listens to the current core's sync engine (again after a profile switch). */
    public void listen() {
        ctx.core().addSyncListener(status -> Fx.onFxThread(() -> show(status)));
        refresh();
    }

    /** Reads the status again, off the FX thread (the outbox counts are SQLite queries). */
    public void refresh() {
        ctx.executor()
                .execute(
                        () -> new Reading(ctx.core().syncStatus(), ctx.core().isEnrolled()),
                        r -> {
                            enrolled = r.enrolled();
                            show(r.status());
                        },
                        t -> connectivity.set("Status unknown"));
    }

    void show(SyncStatus s) {
        online.set(s.connectivity() == SyncStatus.Connectivity.ONLINE);
        connectivity.set(
                switch (s.connectivity()) {
                    case ONLINE -> "Online";
                    case OFFLINE -> "Offline";
                    case UNKNOWN -> enrolled ? "Not synced yet" : "Not enrolled";
                });
        pending.set(s.pendingCount() + " to sync"
                + (s.needsAttentionCount() > 0 ? ", " + s.needsAttentionCount() + " need attention" : ""));
        lastSync.set("Synced " + Labels.when(s.lastSyncAt(), clock.getZone(), clock.instant()));
        user.set(ctx.core().session().map(x -> x.name()).orElse("Nobody logged in"));
        boolean loading = s.snapshot() != null && s.snapshot().running();
        firstSync.set(loading);
        firstSyncText.set(loading ? "First sync: " + s.snapshot().rows() + " rows loaded …" : "");
        progress.set(-1);
    }

    public ReadOnlyStringProperty connectivityProperty() {
        return connectivity;
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online;
    }

    public ReadOnlyStringProperty pendingProperty() {
        return pending;
    }

    public ReadOnlyStringProperty lastSyncProperty() {
        return lastSync;
    }

    public ReadOnlyStringProperty userProperty() {
        return user;
    }

    /** True while the first sync (a snapshot) loads. */
    public ReadOnlyBooleanProperty firstSyncProperty() {
        return firstSync;
    }

    public ReadOnlyStringProperty firstSyncTextProperty() {
        return firstSyncText;
    }

    /** The progress bar's value: -1, indeterminate (the server does not say how many pages come). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }
}
