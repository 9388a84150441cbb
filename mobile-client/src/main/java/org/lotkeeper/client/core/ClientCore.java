package org.lotkeeper.client.core;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.lotkeeper.client.platform.ExecutorScheduler;
import org.lotkeeper.client.platform.Scheduler;
import org.lotkeeper.client.scan.WedgeInput;
import org.lotkeeper.client.scan.WedgeSettings;
import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.client.sync.ApiCalls;
import org.lotkeeper.client.sync.ApiResult;
import org.lotkeeper.client.sync.DeviceEnrollment;
import org.lotkeeper.client.sync.EnrollResponse;
import org.lotkeeper.client.sync.ServerAddress;
import org.lotkeeper.client.sync.SyncApi;
import org.lotkeeper.client.sync.SyncClient;
import org.lotkeeper.client.sync.SyncEngine;
import org.lotkeeper.client.sync.SyncListener;
import org.lotkeeper.client.sync.SyncPolicy;
import org.lotkeeper.client.sync.SyncStatus;
import org.lotkeeper.client.workflow.CaptureFailedException;
import org.lotkeeper.client.workflow.CapturePort;
import org.lotkeeper.client.workflow.CapturedEvent;
import org.lotkeeper.client.workflow.CountWorkflow;
import org.lotkeeper.client.workflow.DeviceData;
import org.lotkeeper.client.workflow.HoldWorkflow;
import org.lotkeeper.client.workflow.LoginWorkflow;
import org.lotkeeper.client.workflow.LookupWorkflow;
import org.lotkeeper.client.workflow.MoveWorkflow;
import org.lotkeeper.client.workflow.PackWorkflow;
import org.lotkeeper.client.workflow.PickWorkflow;
import org.lotkeeper.client.workflow.PinLock;
import org.lotkeeper.client.workflow.ProduceWorkflow;
import org.lotkeeper.client.workflow.ReceiveWorkflow;
import org.lotkeeper.client.workflow.ReturnWorkflow;
import org.lotkeeper.client.workflow.Session;
import org.lotkeeper.client.workflow.ShipWorkflow;
import org.lotkeeper.client.workflow.TransferInWorkflow;
import org.lotkeeper.client.workflow.Workflow;
import org.lotkeeper.client.workflow.WorkflowContext;
import org.lotkeeper.client.workflow.WorkflowKind;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.scan.ScanRecogniser;
import org.lotkeeper.model.wire.PinCheck;
import org.lotkeeper.profiles.DeviceProfile;
import org.lotkeeper.profiles.ScanInput;

/**
 * One device, wired: its SQLite store, its sync engine (once it knows a server), its device
 * profile, and the workflows on the store's ports. The JavaFX view models and the headless
 * simulator both drive a device through this class; nothing here knows a UI toolkit.
 *
 * <pre>{@code
 * try (ClientCore device = ClientCore.builder(dataDir.resolve("lotkeeper.db"), profile).build()) {
 *     if (!device.isEnrolled()) device.enroll("https://lotkeeper.plant.example", code);
 *     device.startSync();
 *     LoginWorkflow login = device.login();           // a badge scan, then a KeyPin command
 *     Workflow receive = device.start(WorkflowKind.RECEIVE);   // needs the login's session
 *     Screen s = receive.handle(Command.scan(rawScan));
 * }
 * }</pre>
 *
 * <p>Workflows are driven from one thread (the UI thread or the simulator's); sync runs on the
 * {@link Scheduler}'s thread. Captures wake the sync engine.
 */
public final class ClientCore implements AutoCloseable {

    private final SqliteStore store;
    private final DeviceProfile profile;
    private final String model;
    private final Clock clock;
    private final Scheduler scheduler;
    private final boolean ownsScheduler;
    private final SyncPolicy policy;
    private final Random random;
    private final SyncClient.Timeouts timeouts;
    private final UnaryOperator<SyncApi> syncApiDecorator;
    private final DeviceData data;
    private final ScanRecogniser recogniser;
    private final WedgeSettings wedgeSettings;
    private final Set<WorkflowKind> workflows;

    private final Object syncLock = new Object();
    // guarded by syncLock
    private SyncClient client;
    private SyncApi api;
    private SyncEngine engine;
    private boolean syncStarted;
    private final java.util.List<SyncListener> syncListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    // driven from the workflow thread
    private LoginWorkflow login;
    private final boolean allowPlainHttp;

    private ClientCore(Builder b) {
        this.profile = b.profile;
        this.model = b.model;
        this.clock = b.clock;
        this.scheduler = b.scheduler != null ? b.scheduler : new ExecutorScheduler("lotkeeper-sync");
        this.ownsScheduler = b.scheduler == null;
        this.policy = b.policy;
        this.random = b.random;
        this.timeouts = b.timeouts;
        this.syncApiDecorator = b.syncApiDecorator;
        this.store = SqliteStore.open(b.databaseFile, clock, new org.lotkeeper.model.id.UuidV7Generator());
        this.data = new SqliteDeviceData(store);
        ScanInput input = profile.scanInput();
        Gs1Decoder decoder = Gs1Decoder.create().withClock(clock);
        if (input.groupSeparatorReplacement() != ScanInput.GS) {
            decoder = decoder.withSeparator(input.groupSeparatorReplacement());
        }
        this.recogniser = new ScanRecogniser(decoder);
        this.wedgeSettings = ProfileMapping.wedgeSettings(input);
        this.workflows = ProfileMapping.workflows(profile);
        this.allowPlainHttp = b.allowPlainHttp;
        // a stored address the rules no longer allow is not used: the device must be enrolled again
        store.settings()
                .serverUrl()
                .filter(url -> ServerAddress.problemWith(url, allowPlainHttp) == null)
                .ifPresent(this::connect);
    }

    /** A device on the SQLite file {@code databaseFile} (created when missing) with this profile. */
    public static Builder builder(Path databaseFile, DeviceProfile profile) {
        return new Builder(databaseFile, profile);
    }

    // ------------------------------------------------------------------ device

    public DeviceProfile profile() {
        return profile;
    }

    /** The keyboard-wedge settings of the profile. */
    public WedgeSettings wedgeSettings() {
        return wedgeSettings;
    }

    /** A fresh keyboard-wedge decoder with the profile's settings (one per key source). */
    public WedgeInput newWedgeInput() {
        return new WedgeInput(wedgeSettings);
    }

    /** The workflows this device offers ({@link ProfileMapping#workflows}). */
    public Set<WorkflowKind> workflows() {
        return workflows;
    }

    /** The store, for status and support screens (outbox, settings, row counts). */
    public SqliteStore store() {
        return store;
    }

    /** The workflows' read port on this device's store. */
    public DeviceData data() {
        return data;
    }

    public Clock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ enrollment and sync

    public boolean isEnrolled() {
        return store.settings().isEnrolled();
    }

    /**
     * Enrolls the device at {@code serverUrl} with a code from the console. On success the store
     * holds device id, token, site and URL, and sync (when started) uses the new credentials. The
     * outbox is kept.
     */
    public ApiResult<EnrollResponse> enroll(String serverUrl, String code) {
        requireAllowed(serverUrl);
        SyncClient enrollClient;
        synchronized (syncLock) {
            connect(serverUrl);
            enrollClient = client;
        }
        ApiResult<EnrollResponse> result = new DeviceEnrollment(enrollClient.enroll(), store.settings())
                .enroll(serverUrl, code, model, profile.name());
        if (result instanceof ApiResult.Success<EnrollResponse>) {
            SyncEngine e = engine();
            if (e != null) {
                e.credentialsRenewed();
            }
        }
        return result;
    }

    /**
     * Points an enrolled device at another URL of its server; identity and outbox are kept. Only
     * with a supervisor signed in on the device (anyone else enrolls it again): the device sends
     * its token to that address.
     *
     * @throws IllegalArgumentException when the address is not allowed ({@link ServerAddress})
     * @throws IllegalStateException    when no supervisor is signed in
     */
    public void useServer(String serverUrl) {
        requireAllowed(serverUrl);
        if (session().filter(s -> s.roles().contains(Role.SUPERVISOR)).isEmpty()) {
            throw new IllegalStateException("Changing the server needs a supervisor signed in on this device"
                    + " — or enroll the device again with a code from the console.");
        }
        store.settings().setServerUrl(serverUrl);
        synchronized (syncLock) {
            connect(serverUrl);
        }
    }

    /** Starts syncing in the background (now, and whenever something is captured). */
    public void startSync() {
        SyncEngine e;
        synchronized (syncLock) {
            syncStarted = true;
            e = engine;
        }
        if (e != null) {
            e.start();
        }
    }

    /** Asks for a sync cycle as soon as possible (ignored while backing off after a failure). */
    public void requestSync() {
        SyncEngine e = engine();
        if (e != null) {
            e.requestSync();
        }
    }

    /** The sync engine, once the device knows its server. */
    public Optional<SyncEngine> syncEngine() {
        return Optional.ofNullable(engine());
    }

    /** What the status line shows; before sync has started: unknown connectivity and the outbox counts. */
    public SyncStatus syncStatus() {
        SyncEngine e;
        boolean started;
        synchronized (syncLock) {
            e = engine;
            started = syncStarted;
        }
        if (e != null && started) {
            return e.status();
        }
        return new SyncStatus(
                SyncStatus.Connectivity.UNKNOWN,
                store.outbox().pendingCount(),
                store.outbox().needsAttentionCount(),
                store.settings().lastSyncAt().orElse(null),
                null,
                null,
                !isEnrolled());
    }

    /** Adds a sync status listener; it stays across server changes. */
    public void addSyncListener(SyncListener listener) {
        syncListeners.add(Objects.requireNonNull(listener));
        SyncEngine e = engine();
        if (e != null) {
            e.addListener(listener);
        }
    }

    private SyncEngine engine() {
        synchronized (syncLock) {
            return engine;
        }
    }

    /** (Re)builds HTTP client and sync engine for {@code serverUrl}; caller holds syncLock or is the constructor. */
    private void connect(String serverUrl) {
        if (client != null && client.baseUrl().toString().equals(normalise(serverUrl))) {
            return;
        }
        if (engine != null) {
            engine.close();
        }
        if (client != null) {
            client.shutdown();
        }
        client = SyncClient.create(serverUrl, store.settings()::token, timeouts);
        api = syncApiDecorator.apply(client.sync());
        engine = new SyncEngine(store, api, scheduler, clock, policy, random);
        syncListeners.forEach(engine::addListener);
        if (syncStarted) {
            engine.start();
        }
    }

    private void requireAllowed(String serverUrl) {
        String problem = ServerAddress.problemWith(serverUrl, allowPlainHttp);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String normalise(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    // ------------------------------------------------------------------ session and workflows

    /** Starts a login (badge scan, then PIN); the session it opens is this device's until {@link #logout()}. */
    public LoginWorkflow login() {
        logout();
        login = new LoginWorkflow(
                WorkflowContext.of(data, NO_SESSION, recogniser, clock),
                new PinLock() {
                    @Override
                    public int failures() {
                        return store.settings().pinFailures();
                    }

                    @Override
                    public void failed() {
                        store.settings().recordPinFailure();
                    }
                },
                this::checkPinOnline);
        return login;
    }

    /** The server's answer to a keyed PIN when the last sync reached it; empty otherwise (the check is then offline). */
    private Optional<PinCheck.Result> checkPinOnline(UserId user, String pin) {
        SyncEngine e;
        SyncApi a;
        synchronized (syncLock) {
            e = engine;
            a = api;
        }
        if (e == null || e.status().connectivity() != SyncStatus.Connectivity.ONLINE) {
            return Optional.empty();
        }
        ApiResult<PinCheck.Response> answer = ApiCalls.execute(a.pinCheck(new PinCheck.Request(user.value(), pin)));
        return answer instanceof ApiResult.Success<PinCheck.Response> ok
                        && ok.body().result() != null
                ? Optional.of(ok.body().result())
                : Optional.empty();
    }

    /** Who is logged in, once a login's PIN matched. */
    public Optional<Session> session() {
        return login == null ? Optional.empty() : login.session();
    }

    /** Ends the session; workflows started before keep capturing for their user until dropped. */
    public void logout() {
        if (login != null) {
            login.logout();
            login = null;
        }
    }

    /**
     * A new workflow for the logged-in user, on this device's store.
     *
     * @throws IllegalStateException    when nobody is logged in
     * @throws IllegalArgumentException when the profile does not offer it, or for LOGIN (use {@link #login()})
     */
    public Workflow start(WorkflowKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (kind == WorkflowKind.LOGIN) {
            throw new IllegalArgumentException("use login() to log in");
        }
        if (!workflows.contains(kind)) {
            throw new IllegalArgumentException(
                    "profile " + profile.name() + " does not offer " + kind + "; it offers " + workflows);
        }
        Session session =
                session().orElseThrow(() -> new IllegalStateException("nobody is logged in: scan a badge first"));
        WorkflowContext ctx = WorkflowContext.of(data, new SqliteCapturePort(store, session.user()), recogniser, clock);
        return switch (kind) {
            case RECEIVE -> new ReceiveWorkflow(ctx);
            case MOVE -> new MoveWorkflow(ctx);
            case PICK -> new PickWorkflow(ctx);
            case COUNT -> new CountWorkflow(ctx);
            case SHIP -> new ShipWorkflow(ctx);
            case PRODUCE -> new ProduceWorkflow(ctx);
            case RETURN -> new ReturnWorkflow(ctx);
            case LOOKUP -> new LookupWorkflow(ctx);
            case HOLD -> new HoldWorkflow(ctx, session);
            case PACK -> new PackWorkflow(ctx);
            case TRANSFER_IN -> new TransferInWorkflow(ctx);
            case LOGIN -> throw new IllegalArgumentException("use login() to log in");
        };
    }

    /** Login stores no event: its context gets a port that refuses. */
    private static final CapturePort NO_SESSION = new CapturePort() {
        @Override
        public CapturedEvent capture(EventPayload payload) {
            throw new CaptureFailedException("nobody is logged in");
        }

        @Override
        public long nextLotSequence(ItemCode item) {
            throw new CaptureFailedException("nobody is logged in");
        }

        @Override
        public long nextReceiptNumber() {
            throw new CaptureFailedException("nobody is logged in");
        }

        @Override
        public Optional<Sscc> nextSscc() {
            throw new CaptureFailedException("nobody is logged in");
        }

        @Override
        public int ssccLeft() {
            return 0;
        }
    };

    /** Stops sync and closes the store. */
    @Override
    public void close() {
        synchronized (syncLock) {
            if (engine != null) {
                engine.close();
                engine = null;
            }
            if (client != null) {
                client.shutdown();
                client = null;
            }
        }
        if (ownsScheduler && scheduler instanceof ExecutorScheduler s) {
            s.close();
        }
        store.close();
    }

    /** How to build a {@link ClientCore}; every setting has a production default. */
    public static final class Builder {
        private final Path databaseFile;
        private final DeviceProfile profile;
        private String model;
        private Clock clock = Clock.system(ZoneId.systemDefault());
        private Scheduler scheduler;
        private SyncPolicy policy = SyncPolicy.defaults();
        private Random random = new Random();
        private SyncClient.Timeouts timeouts = SyncClient.Timeouts.defaults();
        private UnaryOperator<SyncApi> syncApiDecorator = UnaryOperator.identity();
        private boolean allowPlainHttp = ServerAddress.plainHttpAllowed();

        private Builder(Path databaseFile, DeviceProfile profile) {
            this.databaseFile = Objects.requireNonNull(databaseFile, "databaseFile");
            this.profile = Objects.requireNonNull(profile, "profile");
        }

        /** The device model reported at enrollment. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** The device clock; its zone is the plant's ("today" for expiry and shelf life). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Where sync runs; default: one daemon thread of this device's own, closed with it. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler);
            return this;
        }

        public Builder syncPolicy(SyncPolicy policy) {
            this.policy = Objects.requireNonNull(policy);
            return this;
        }

        /** The backoff jitter's randomness. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        public Builder timeouts(SyncClient.Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts);
            return this;
        }

        /** Wraps the sync API the engine calls (the simulator's network switch, fault injection in tests). */
        public Builder syncApiDecorator(UnaryOperator<SyncApi> decorator) {
            this.syncApiDecorator = Objects.requireNonNull(decorator);
            return this;
        }

        /** Allows plain http to other machines (development only; default: the {@link ServerAddress#ALLOW_HTTP} property). */
        public Builder allowPlainHttp(boolean allow) {
            this.allowPlainHttp = allow;
            return this;
        }

        /** Opens the store (creating or migrating it) and, when it knows its server, prepares sync. */
        public ClientCore build() {
            return new ClientCore(this);
        }
    }
}
