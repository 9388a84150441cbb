package org.lotkeeper.client.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.lotkeeper.client.scan.RawScan;
import org.lotkeeper.client.sync.ApiResult;
import org.lotkeeper.client.sync.EnrollResponse;
import org.lotkeeper.profiles.KeyAction;

/**
 * Enrollment: the server address and the code the console shows (scanned from its QR code, or
 * typed). Runs on the work thread; on success sync starts and the login screen opens.
 */
public final class EnrollmentViewModel extends ScreenModel {

    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public EnrollmentViewModel(ClientContext ctx, Navigator nav, String serverUrl) {
        super(ctx, nav, "Enroll this device");
        this.serverUrl.set(serverUrl == null ? "" : serverUrl);
        prompt("Scan the enrollment code on the console.");
        // a device enrolled before (its token was refused) knows its server already
        ctx.executor()
                .execute(
                        () -> ctx.core().store().settings().serverUrl(),
                        stored -> stored.ifPresent(this.serverUrl::set),
                        this::failed);
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** A scanned QR code is the enrollment code: enroll at once. */
    @Override
    public void scanned(RawScan scan) {
        typing("");
        code.set(scan.text().strip());
        enroll();
    }

    @Override
    public void keyAction(KeyAction action) {
        if (action == KeyAction.CAMERA_SCAN) {
            cameraScan();
        }
    }

    /** The profile can be chosen before enrolling (enrollment tells the server which one). */
    public void openSettings() {
        nav.settings();
    }

    public void enroll() {
        String url = serverUrl.get() == null ? "" : serverUrl.get().strip();
        String c = code.get() == null ? "" : code.get().strip();
        if (!url.matches("(?i)https?://\\S+")) {
            error("Enter the server address, e.g. https://lotkeeper.plant.example — then scan the code again.");
            return;
        }
        if (c.isEmpty()) {
            error("Scan or type the enrollment code from the console.");
            return;
        }
        busy.set(true);
        note("Enrolling at " + url + " …");
        ctx.executor().execute(() -> ctx.core().enroll(url, c), this::enrolled, t -> {
            busy.set(false);
            if (t instanceof IllegalArgumentException) {
                error(t.getMessage());
            } else {
                failed(t);
            }
        });
    }

    private void enrolled(ApiResult<EnrollResponse> result) {
        busy.set(false);
        if (result instanceof ApiResult.Success<EnrollResponse>) {
            good("Enrolled. The first sync loads the site — log in meanwhile.");
            ctx.core().startSync();
            nav.login();
        } else if (result instanceof ApiResult.NetworkError<EnrollResponse>) {
            error("The server at " + serverUrl.get().strip()
                    + " cannot be reached — check the address and the network, then try again.");
        } else {
            error("The server refused the code (" + result.describe()
                    + ") — ask for a new code on the console and scan it.");
        }
    }
}
