package org.lotkeeper.client.ui;

import java.time.Clock;
import java.util.List;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.lotkeeper.client.store.OutboxEntry;
import org.lotkeeper.client.sync.SyncStatus;
import org.lotkeeper.profiles.KeyAction;

/**
 * Sync status: what waits, when the device last synced, the last problem, and every event the
 * server rejected with its reason and what to do about it.
 */
public final class SyncStatusViewModel extends ScreenModel {

    private final Clock clock;
    private final SimpleStringProperty summary = new SimpleStringProperty("");
    private final ObservableList<String> attention = FXCollections.observableArrayList();
    private final ObservableList<String> attentionView = FXCollections.unmodifiableObservableList(attention);

    public SyncStatusViewModel(ClientContext ctx, Navigator nav, Clock clock) {
        super(ctx, nav, "Sync status");
        this.clock = clock;
        prompt("Events wait here until the server has them.");
        load();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** One line per event that needs attention: what it was, why the server refused it, what to do. */
    public ObservableList<String> attention() {
        return attentionView;
    }

    private record Snapshot(SyncStatus status, List<OutboxEntry> rejected) {}

    public void load() {
        ctx.executor()
                .execute(
                        () -> new Snapshot(
                                ctx.core().syncStatus(),
                                ctx.core().store().outbox().needsAttention()),
                        this::show,
                        this::failed);
    }

    public void syncNow() {
        ctx.executor()
                .execute(
                        () -> {
                            boolean enrolled = ctx.core().isEnrolled();
                            if (enrolled) {
                                ctx.core().requestSync();
                            }
                            return enrolled;
                        },
                        enrolled -> {
                            if (enrolled) {
                                good("Sync requested.");
                                load();
                            } else {
                                error(
                                        "This device is not enrolled — enroll it first (log out, then scan a code from the console).");
                            }
                        },
                        this::failed);
    }

    private void show(Snapshot s) {
        SyncStatus st = s.status();
        StringBuilder b = new StringBuilder();
        b.append(st.pendingCount())
                .append(st.pendingCount() == 1 ? " event waits" : " events wait")
                .append(" to be sent.\n");
        b.append("Last sync: ")
                .append(Labels.when(st.lastSyncAt(), clock.getZone(), clock.instant()))
                .append(".\n");
        b.append("Connection: ")
                .append(st.connectivity().name().toLowerCase(java.util.Locale.ROOT))
                .append('.');
        if (st.lastError() != null) {
            b.append("\nLast problem: ").append(st.lastError().message());
        }
        if (st.needsEnrollment()) {
            b.append("\nThe server no longer accepts this device — enroll it again with a new code.");
        }
        summary.set(b.toString());
        attention.setAll(s.rejected().stream().map(SyncStatusViewModel::line).toList());
        if (!attention.isEmpty()) {
            note(attention.size() + (attention.size() == 1 ? " event needs" : " events need")
                    + " attention: tell your supervisor, who corrects it on the console.");
        }
    }

    static String line(OutboxEntry e) {
        String reason = e.error() == null
                ? "rejected"
                : e.error().code() + ": " + e.error().detail();
        return "#" + e.deviceSeq() + " " + e.event().type() + " — " + reason
                + " → the event is kept on this device; your supervisor corrects it on the console, then capture it again.";
    }

    @Override
    public void keyAction(KeyAction action) {
        if (action == KeyAction.BACK) {
            nav.home();
        } else if (action == KeyAction.SYNC_NOW || action == KeyAction.CONFIRM) {
            syncNow();
        }
    }
}
