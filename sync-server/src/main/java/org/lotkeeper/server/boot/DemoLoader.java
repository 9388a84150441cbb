package org.lotkeeper.server.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.wire.Decoded;
import org.lotkeeper.model.wire.PushBatch;
import org.lotkeeper.model.wire.PushRequestReader;
import org.lotkeeper.server.ledger.IngestService;
import org.lotkeeper.server.ledger.ProjectionQueries;
import org.lotkeeper.server.masterdata.MasterDataBundle;
import org.lotkeeper.server.masterdata.MasterDataService;
import org.lotkeeper.server.quality.DocumentKind;
import org.lotkeeper.server.quality.DocumentService;
import org.lotkeeper.server.quality.QualityService;
import org.lotkeeper.server.quality.SpecificationBodies;
import org.lotkeeper.server.quality.SpecificationService;
import org.lotkeeper.server.quality.StatusService;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.DeviceService;
import org.lotkeeper.server.security.GeneratedSecrets;

/**
 * {@code --demo}: on an empty ledger, loads the Riverside week (master data, two enrolled devices,
 * their scans, the COAs and QA's releases) through the same services the API uses, so a newcomer
 * sees a populated plant at once. Its people — ana and ben (badge and PIN, handhelds), quinn (QA)
 * and sam (supervisor) with passwords — get secrets generated for this ledger, shown once: printed
 * at the start, or on the console page that loaded the demo. None is written in the repository.
 */
@ApplicationScoped
public class DemoLoader {

    private static final Logger LOG = Logger.getLogger(DemoLoader.class);
    private static final String BASE = "demo/riverside/";

    @Inject
    LotkeeperConfig config;

    @Inject
    ProjectionQueries projections;

    @Inject
    MasterDataService masterData;

    @Inject
    DeviceService devices;

    @Inject
    IngestService ingest;

    @Inject
    DocumentService documents;

    @Inject
    StatusService status;

    @Inject
    SpecificationService specifications;

    @Inject
    QualityService quality;

    @Inject
    ObjectMapper mapper;

    /** How one of the demo's people signs in: a password (console), or a badge and PIN (handheld). */
    public record Login(String userId, String name, String badge, String secret) {

        /** "quinn / password …" or "ana / badge B-1001, PIN …", for the one time it is shown. */
        public String line() {
            return userId + " (" + name + ") "
                    + (badge == null ? "password " + secret : "badge " + badge + ", PIN " + secret);
        }
    }

    /** What the demo loaded: the device events stored, and its people's generated sign-ins. */
    public record Loaded(int events, List<Login> logins) {}

    void onStart(@Observes @Priority(3000) StartupEvent event) { // after the first admin is created
        if (!config.demo()) {
            return;
        }
        if (!projections.ledgerIsEmpty()) {
            LOG.info("--demo: the ledger already holds events; the demo plant is not loaded again");
            return;
        }
        Loaded loaded = load();
        // printed on the console, not logged: the one place these secrets appear
        StringBuilder out = new StringBuilder("\n==================================================================\n"
                + "  Lotkeeper --demo: the Riverside plant is loaded. Its people sign in with\n");
        loaded.logins().forEach(l -> out.append("      ").append(l.line()).append('\n'));
        out.append("  generated for this ledger and shown only now.\n"
                + "==================================================================\n");
        System.out.println(out);
    }

    /** Plays the Riverside week with newly generated passwords and PINs for its people. */
    public Loaded load() {
        Actor admin = Actor.user("admin", EnumSet.of(Role.ADMIN), Set.of());
        MasterDataBundle bundle = read("masterdata.json", MasterDataBundle.class);
        List<Login> logins = new ArrayList<>();
        Map<String, String> passwords = new HashMap<>();
        List<MasterDataBundle.User> people = new ArrayList<>();
        for (MasterDataBundle.User u : bundle.users() == null ? List.<MasterDataBundle.User>of() : bundle.users()) {
            boolean handheld = u.badge() != null;
            String secret = handheld ? GeneratedSecrets.pin(u.badge()) : GeneratedSecrets.password();
            logins.add(new Login(u.userId(), u.name(), u.badge(), secret));
            if (!handheld) {
                passwords.put(u.userId(), secret);
            }
            people.add(new MasterDataBundle.User(
                    u.userId(),
                    u.name(),
                    u.roles(),
                    u.sites(),
                    u.badge(),
                    handheld ? secret : null,
                    handheld ? null : secret));
        }
        masterData.apply(
                new MasterDataBundle(bundle.sites(), bundle.items(), bundle.locations(), bundle.partners(), people),
                admin);
        Map<String, Actor> deviceActors = new HashMap<>();
        int stored = 0;
        for (JsonNode step : read("steps.json", JsonNode.class)) {
            switch (step.get("step").asText()) {
                case "push" -> {
                    String name = step.get("device").asText();
                    Actor device = deviceActors.computeIfAbsent(name, n -> enroll(admin, n));
                    ObjectNode body = mapper.createObjectNode();
                    body.put("deviceId", device.id());
                    body.putArray("events").add(step.get("event"));
                    Decoded<PushBatch> batch =
                            PushRequestReader.read(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    ingest.push(device, "PLANT-1", batch.value());
                    QuarkusTransaction.requiringNew().run(() -> devices.touch(device.id()));
                    stored++;
                }
                case "document" -> {
                    Actor quinn = Actor.user(step.get("asUser").asText(), EnumSet.of(Role.QA), Set.of("PLANT-1"));
                    java.util.List<LotRef> lots = new java.util.ArrayList<>();
                    step.get("lots")
                            .forEach(l -> lots.add(LotRef.of(
                                    l.get("item").asText(), l.get("lot").asText())));
                    documents.upload(
                            quinn,
                            DocumentKind.valueOf(step.get("kind").asText()),
                            step.get("file").asText(),
                            bytes(step.get("file").asText()),
                            lots,
                            java.util.List.of(),
                            null);
                }
                case "status" -> {
                    Actor quinn = Actor.user(step.get("asUser").asText(), EnumSet.of(Role.QA), Set.of("PLANT-1"));
                    JsonNode body = step.get("body");
                    // at its time in the week, between the receipts and the batches that used the lot
                    status.changeAsOf(
                            quinn,
                            step.get("item").asText(),
                            step.get("lot").asText(),
                            new StatusService.StatusRequest(
                                    LotStatus.valueOf(body.get("status").asText()),
                                    body.get("reason").asText(),
                                    body.has("signature") ? passwords.get(quinn.id()) : null,
                                    body.at("/signature/meaning").asText(null)),
                            Instant.parse(step.get("at").asText()));
                }
                case "specification" -> {
                    Actor quinn = Actor.user(step.get("asUser").asText(), EnumSet.of(Role.QA), Set.of("PLANT-1"));
                    ObjectNode body = step.get("body").deepCopy();
                    ((ObjectNode) body.get("signature")).put("password", passwords.get(quinn.id()));
                    specifications.approve(
                            quinn,
                            step.get("item").asText(),
                            mapper.convertValue(body, SpecificationBodies.SpecificationBody.class));
                }
                case "results" -> {
                    Actor quinn = Actor.user(step.get("asUser").asText(), EnumSet.of(Role.QA), Set.of("PLANT-1"));
                    quality.recordAsOf(
                            quinn,
                            step.get("item").asText(),
                            step.get("lot").asText(),
                            mapper.convertValue(step.get("body"), QualityService.ResultsBody.class),
                            Instant.parse(step.get("at").asText()));
                }
                default -> throw new IllegalStateException("unknown demo step " + step.get("step"));
            }
        }
        LOG.infof("--demo: loaded the Riverside plant (%d device events, devices %s)", stored, deviceActors.keySet());
        return new Loaded(stored, List.copyOf(logins));
    }

    private Actor enroll(Actor admin, String label) {
        DeviceService.Enrollment e = devices.createEnrollment(admin, "PLANT-1", label);
        // the demo's handhelds are the kinds a plant runs: a scanner gun on the floor, a tablet at the dock
        boolean dock = label.startsWith("dock");
        DeviceService.EnrolledDevice d = dock
                ? devices.enroll(e.code(), "10-inch dock tablet (demo)", "dock-tablet-10")
                : devices.enroll(e.code(), "Zebra TC5x scanner (demo)", "zebra-tc5x");
        return Actor.device(d.deviceId(), d.site());
    }

    private <T> T read(String name, Class<T> type) {
        try {
            return mapper.readValue(bytes(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException("demo resource " + name + " is broken", e);
        }
    }

    private static byte[] bytes(String name) {
        try (InputStream in = DemoLoader.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
