package org.lotkeeper.client.workflow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lotkeeper.model.auth.PinVerifier;
import org.lotkeeper.model.scan.Scan;
import org.lotkeeper.model.wire.PinCheck;
import org.lotkeeper.model.wire.UserRow;

/**
 * Offline login: scan the badge ({@code B:<user>}, or a badge number the user row names), then key
 * the PIN, checked by the server when the device reaches it ({@link OnlinePinCheck}: the sign-in
 * is then in the server's audit chain), else on the device against the user's device-specific
 * verifier ({@link PinVerifier#matches}). After {@value #MAX_TRIES} wrong PINs the badge must be scanned
 * again; after {@value PinLock#LIMIT} wrong PINs on the device, whoever's, PIN sign-in stays locked
 * until the device syncs ({@link PinLock}). The result is a {@link Session}; no event is stored.
 */
public final class LoginWorkflow extends AbstractWorkflow<LoginWorkflow.Step> {

    /** The steps. */
    public enum Step implements WorkflowStep {
        BADGE,
        PIN,
        DONE
    }

    /** Wrong PINs allowed before the badge must be scanned again. */
    public static final int MAX_TRIES = 5;

    private final PinLock lock;
    private final OnlinePinCheck online;
    private UserRow user;
    private int wrong;
    private Session session;

    public LoginWorkflow(WorkflowContext ctx) {
        this(ctx, PinLock.inMemory(), OnlinePinCheck.offline());
    }

    /**
     * A login whose wrong PINs count against {@code lock} (the device's, kept in its store) and
     * that asks the server through {@code online} when it can.
     */
    public LoginWorkflow(WorkflowContext ctx, PinLock lock, OnlinePinCheck online) {
        super(ctx, Step.BADGE);
        this.lock = lock;
        this.online = online;
    }

    private void refuseWhenLocked() {
        if (lock.locked()) {
            user = null;
            wrong = 0;
            step = Step.BADGE;
            throw refuse("PIN sign-in is locked on this device after " + PinLock.LIMIT
                    + " wrong PINs — put it in its cradle to sync, or ask your supervisor.");
        }
    }

    @Override
    public WorkflowKind kind() {
        return WorkflowKind.LOGIN;
    }

    @Override
    public Set<UiAction> offers() {
        return EnumSet.of(UiAction.SCAN, UiAction.CANCEL, UiAction.KEY_PIN);
    }

    /** The logged-in session, once the PIN matched. */
    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    /** Checks the keyed PIN. */
    @Override
    protected void onKeyPin(String pin) {
        if (step != Step.PIN) {
            throw refuse("Scan your badge first.");
        }
        refuseWhenLocked();
        Optional<PinCheck.Result> server = online.check(user.userId(), pin);
        if (server.filter(r -> r == PinCheck.Result.LOCKED).isPresent()) {
            UserRow locked = user;
            reset();
            throw refuse("PIN sign-in for " + locked.name()
                    + " is locked after wrong PINs — wait a while, or ask your supervisor to unlock it.");
        }
        boolean right =
                server.map(r -> r == PinCheck.Result.OK).orElseGet(() -> PinVerifier.matches(pin, user.pinVerifier()));
        if (right) {
            session = new Session(user.userId(), user.name(), Set.copyOf(user.roles()));
            step = Step.DONE;
            wrong = 0;
            good("Welcome, " + user.name() + ".");
            return;
        }
        wrong++;
        lock.failed();
        refuseWhenLocked();
        if (wrong >= MAX_TRIES) {
            user = null;
            wrong = 0;
            step = Step.BADGE;
            throw refuse("Too many wrong PINs — scan your badge again.");
        }
        int left = MAX_TRIES - wrong;
        throw refuse("Wrong PIN — key it again (" + left + (left == 1 ? " try" : " tries") + " left).");
    }

    /** Ends the session. */
    public Screen logout() {
        return handle(Command.cancel());
    }

    @Override
    protected void onScan(Scan scan) {
        refuseWhenLocked();
        UserRow found;
        if (scan instanceof Scan.Badge b) {
            found = masterData
                    .user(b.user())
                    .orElseThrow(() -> Refusal.missingOnDevice("Badge " + b.user()
                            + " is not known on this device — sync the device, or ask your supervisor."));
        } else if (scan instanceof Scan.Code c) {
            found = masterData
                    .userByBadge(c.value())
                    .orElseThrow(() -> Refusal.missingOnDevice("Badge " + c.value()
                            + " is not known on this device — sync the device, or ask your supervisor."));
        } else {
            throw refuse("This is " + Resolve.describe(scan) + ", not a badge — scan your badge.");
        }
        if (found.pinVerifier() == null) {
            throw Refusal.missingOnDevice(
                    "No PIN is set for " + found.name() + " on this device — ask your supervisor, or sync the device.");
        }
        user = found;
        wrong = 0;
        session = null;
        step = Step.PIN;
        good("Hello " + found.name() + ". " + prompt());
    }

    @Override
    protected void reset() {
        user = null;
        wrong = 0;
        session = null;
        step = Step.BADGE;
    }

    @Override
    protected String prompt() {
        return switch (step) {
            case BADGE -> "Scan your badge.";
            case PIN -> "Key your PIN.";
            case DONE -> "Logged in as " + user.name() + ".";
        };
    }

    @Override
    protected List<Field> fields() {
        List<Field> f = new ArrayList<>();
        if (user != null) {
            f.add(new Field("User", user.name()));
        }
        return f;
    }

    @Override
    protected Set<UiAction> actions() {
        Set<UiAction> a = EnumSet.of(UiAction.CANCEL);
        if (step == Step.PIN) {
            a.add(UiAction.KEY_PIN);
        }
        return a;
    }
}
