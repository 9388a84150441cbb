package org.lotkeeper.client.ui;

import java.util.ArrayList;
import java.util.List;

import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.scan.ScanSource;
import org.lotkeeper.client.workflow.WorkflowKind;
import org.lotkeeper.profiles.HardwareKeys;
import org.lotkeeper.profiles.KeyAction;
import org.lotkeeper.profiles.Workflow;

/**
 * The workflows this profile offers, in its menu order, each with its number (a number and ENTER
 * opens it) and its hardware key (F1 …), then sync status, settings and log out.
 */
public final class HomeViewModel extends ScreenModel {

    /** One big target on the home screen. */
    public record Entry(int number, String label, String keyHint, Runnable open) {}

    private final List<Entry> entries = new ArrayList<>();

    public HomeViewModel(ClientContext ctx, Navigator nav) {
        super(ctx, nav, "Home");
        HardwareKeys keys = ctx.profile().hardwareKeys();
        for (Workflow w : ctx.profile().workflows()) {
            WorkflowKind kind = WorkflowKind.valueOf(w.name());
            add(Labels.title(kind), Labels.keysFor(keys, KeyAction.opening(w)), () -> nav.workflow(kind));
        }
        if (ctx.core().workflows().contains(WorkflowKind.HOLD)) {
            add(Labels.title(WorkflowKind.HOLD), "", () -> nav.workflow(WorkflowKind.HOLD));
        }
        add("Sync status", Labels.keysFor(keys, KeyAction.SYNC_NOW), nav::syncStatus);
        add("Settings", "", nav::settings);
        add("Log out", "", this::logout);
        String user = ctx.core().session().map(s -> s.name()).orElse("");
        prompt("Choose a job" + (ctx.profile().hasTouch() ? "" : ": its key, or its number and ENTER") + ".");
        if (!user.isEmpty()) {
            note("Logged in as " + user + ".");
        }
    }

    private void add(String label, String keyHint, Runnable open) {
        entries.add(new Entry(entries.size() + 1, label, keyHint, open));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** A typed number and ENTER opens that entry; a scan here says what to do. */
    @Override
    public void scanned(RawScan scan) {
        typing("");
        if (scan.source() == ScanSource.MANUAL && scan.text().matches("\\d{1,2}")) {
            int n = Integer.parseInt(scan.text());
            if (n >= 1 && n <= entries.size()) {
                entries.get(n - 1).open().run();
                return;
            }
        }
        error("Choose a job first (1–" + entries.size() + " and ENTER), then scan.");
    }

    @Override
    public void keyAction(KeyAction action) {
        if (action == KeyAction.SYNC_NOW) {
            ctx.core().requestSync();
            note("Syncing now.");
        } else if (action == KeyAction.HELP) {
            note("Press a job's key, or type its number and press ENTER.");
        } else {
            action.workflow().ifPresent(w -> nav.workflow(WorkflowKind.valueOf(w.name())));
        }
    }

    public void logout() {
        ctx.core().logout();
        nav.login();
    }
}
