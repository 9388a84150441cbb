package org.lotkeeper.server.console;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.PostgresResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role × console route. The API's matrix (RoleMatrixTest) covers {@code /api/...} only; the
 * console's routes are listed here with who may use them, the list is checked against every
 * route the console declares (a new route without a line here fails), and one user per role is
 * let through or shown the 403 page exactly as listed — GETs and POSTs (with the session's own
 * CSRF token, so that only the role decides). Without the token every POST is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ConsoleRoleTest {

    static final Set<String> ANY = Set.of("OPERATOR", "RECEIVER", "QA", "SUPERVISOR", "ADMIN");
    static final Set<String> QA_SUPERVISOR = Set.of("QA", "SUPERVISOR", "ADMIN");
    static final Set<String> SUPERVISOR = Set.of("SUPERVISOR", "ADMIN");
    static final Set<String> ADMIN = Set.of("ADMIN");
    static final Set<String> LABELS = Set.of("RECEIVER", "QA", "SUPERVISOR", "ADMIN");
    static final String NO_RECALL = "/console/recalls/00000000-0000-7000-8000-000000000000";

    static final Set<String> MULTIPART = Set.of(
            "POST /console/lot/documents",
            "POST /console/quality/documents",
            "POST /console/quality/results",
            "POST /console/quality/specifications/csv",
            "POST /console/masterdata/csv",
            "POST /console/tasks/csv");

    /** method + template → (path to call, who may). Open routes (sign-in) have no roles. */
    static final Map<String, Object[]> ROUTES = new LinkedHashMap<>();

    static {
        route("GET /console", "/console", null);
        route("GET /console/login", "/console/login", null);
        route("POST /console/login", "/console/login", null);
        route("POST /console/logout", "/console/logout", ANY);
        route("GET /console/dashboard", "/console/dashboard", ANY);
        route("GET /console/lots", "/console/lots?q=R-2401", ANY);
        route("GET /console/lot", "/console/lot?item=RM-RESIN&lot=NO-SUCH-LOT", ANY);
        route("GET /console/pallet", "/console/pallet?sscc=006141410000000005", ANY);
        route("GET /console/transfers", "/console/transfers", ANY);
        route("GET /console/documents/{id}", "/console/documents/00000000-0000-7000-8000-000000000000", ANY);
        route("POST /console/lot/status", "/console/lot/status", QA_SUPERVISOR);
        route("POST /console/lot/documents", "/console/lot/documents", QA_SUPERVISOR);
        route("POST /console/lot/results", "/console/lot/results", Set.of("QA", "ADMIN"));
        route("GET /console/quality/specifications", "/console/quality/specifications", QA_SUPERVISOR);
        route("POST /console/quality/specifications/csv", "/console/quality/specifications/csv", Set.of("QA", "ADMIN"));
        route("GET /console/lot/coa.pdf", "/console/lot/coa.pdf?item=RM-RESIN&lot=NO-SUCH-LOT", QA_SUPERVISOR);
        route(
                "GET /console/lot/fsma204.xlsx",
                "/console/lot/fsma204.xlsx?item=RM-RESIN&lot=NO-SUCH-LOT",
                QA_SUPERVISOR);
        route("GET /console/shipment/coa.pdf", "/console/shipment/coa.pdf?shipment=NO-SUCH", QA_SUPERVISOR);
        route("GET /console/recalls", "/console/recalls", QA_SUPERVISOR);
        route("GET /console/kde", "/console/kde", QA_SUPERVISOR);
        route("GET /console/kde/fsma204.xlsx", "/console/kde/fsma204.xlsx", QA_SUPERVISOR);
        route("POST /console/recalls", "/console/recalls", QA_SUPERVISOR);
        route("GET /console/recalls/{id}", NO_RECALL, QA_SUPERVISOR);
        route("POST /console/recalls/{id}/real", NO_RECALL + "/real", QA_SUPERVISOR);
        route("GET /console/recalls/{id}/shipments", NO_RECALL + "/shipments", QA_SUPERVISOR);
        route("GET /console/recalls/{id}/report.csv", NO_RECALL + "/report.csv", QA_SUPERVISOR);
        route("GET /console/recalls/{id}/report.xlsx", NO_RECALL + "/report.xlsx", QA_SUPERVISOR);
        route("GET /console/recalls/{id}/report.pdf", NO_RECALL + "/report.pdf", QA_SUPERVISOR);
        route("GET /console/recalls/{id}/epcis.jsonld", NO_RECALL + "/epcis.jsonld", QA_SUPERVISOR);
        route("GET /console/quality", "/console/quality", QA_SUPERVISOR);
        route("POST /console/quality/documents", "/console/quality/documents", QA_SUPERVISOR);
        route("POST /console/quality/results", "/console/quality/results", Set.of("QA", "ADMIN"));
        route("GET /console/exceptions", "/console/exceptions", QA_SUPERVISOR);
        route("POST /console/exceptions/{id}/resolve", "/console/exceptions/999999999/resolve", QA_SUPERVISOR);
        route("POST /console/variances/{id}/approve", "/console/variances/999999999/approve", SUPERVISOR);
        route("POST /console/variances/{id}/reject", "/console/variances/999999999/reject", SUPERVISOR);
        route("GET /console/devices", "/console/devices", SUPERVISOR);
        route("POST /console/devices/enrollments", "/console/devices/enrollments", SUPERVISOR);
        route("POST /console/devices/{id}/revoke", "/console/devices/dev-none/revoke", SUPERVISOR);
        route("GET /console/tasks", "/console/tasks?kind=SHIP", SUPERVISOR);
        route("POST /console/tasks", "/console/tasks", SUPERVISOR);
        route("POST /console/tasks/csv", "/console/tasks/csv", SUPERVISOR);
        route("POST /console/tasks/{id}/close", "/console/tasks/NO-TASK/close", SUPERVISOR);
        route("POST /console/tasks/{id}/cancel", "/console/tasks/NO-TASK/cancel", SUPERVISOR);
        route("POST /console/tasks/{id}/delivery-note", "/console/tasks/NO-TASK/delivery-note", SUPERVISOR);
        route("GET /console/masterdata", "/console/masterdata", ANY);
        route("POST /console/masterdata/csv", "/console/masterdata/csv", ADMIN);
        route("POST /console/masterdata/demo", "/console/masterdata/demo", ADMIN);
        route("POST /console/masterdata/users/{id}/enabled", "/console/masterdata/users/ben/enabled", ADMIN);
        route("GET /console/labels/check", "/console/labels/check", ANY);
        route("POST /console/labels/check", "/console/labels/check", ANY);
        route("GET /console/labels/print/lot", "/console/labels/print/lot?item=RM-RESIN&lot=NO-SUCH-LOT", LABELS);
        route("POST /console/labels/print/block", "/console/labels/print/block", LABELS);
        route("POST /console/labels/print/sscc-roll", "/console/labels/print/sscc-roll", LABELS);
        route("GET /console/labels/print/sscc", "/console/labels/print/sscc?sscc=106141410000000018", LABELS);
    }

    private static void route(String key, String path, Set<String> roles) {
        ROUTES.put(key, new Object[] {path, roles});
    }

    @Test
    void everyConsoleRouteIsListedWithItsRoles() {
        Set<String> declared = new TreeSet<>();
        for (JavaClass jc : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lotkeeper.server")) {
            Class<?> type = jc.reflect();
            Path base = type.getAnnotation(Path.class);
            if (base == null || !base.value().startsWith("/console")) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb =
                        m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST" : null;
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    declared.add(verb + " " + base.value() + (sub == null ? "" : sub.value()));
                }
            }
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
    }

    @Test
    void eachRoleReachesExactlyItsRoutesAndSeesTheRefusalPageElsewhere() {
        Api.loadRiversideMasterData();
        Api.as(Api.adminToken()).body("""
                {"users": [
                  {"userId": "cx-operator", "name": "Console operator", "roles": ["OPERATOR"], "sites": ["PLANT-1"], "password": "cx-Passw0rd!"},
                  {"userId": "cx-receiver", "name": "Console receiver", "roles": ["RECEIVER"], "sites": ["PLANT-1"], "password": "cx-Passw0rd!"},
                  {"userId": "cx-qa", "name": "Console QA", "roles": ["QA"], "sites": ["PLANT-1"], "password": "cx-Passw0rd!"},
                  {"userId": "cx-supervisor", "name": "Console supervisor", "roles": ["SUPERVISOR"], "sites": ["PLANT-1"], "password": "cx-Passw0rd!"}
                ]}""").put("/api/v1/masterdata").then().statusCode(200);
        Map<String, ConsoleClient> sessions = new LinkedHashMap<>();
        for (String role : List.of("OPERATOR", "RECEIVER", "QA", "SUPERVISOR")) {
            sessions.put(role, ConsoleClient.signIn("cx-" + role.toLowerCase(java.util.Locale.ROOT), "cx-Passw0rd!"));
        }
        sessions.put("ADMIN", ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD));

        List<String> wrong = new ArrayList<>();
        ROUTES.forEach((key, value) -> {
            @SuppressWarnings("unchecked")
            Set<String> roles = (Set<String>) value[1];
            String path = (String) value[0];
            if (roles == null || key.equals("POST /console/logout")) {
                return;
            }
            boolean post = key.startsWith("POST");
            sessions.forEach((role, session) -> {
                Response r = !post
                        ? session.request().get(path)
                        : MULTIPART.contains(key)
                                ? session.request()
                                        .multiPart("_csrf", session.csrf())
                                        .multiPart("kind", "COA")
                                        .post(path)
                                : session.post(path);
                boolean refused = r.statusCode() == 403 && r.asString().contains("This needs the role");
                boolean allowed = roles.contains(role);
                if (allowed == refused
                        || r.statusCode() >= 500
                        || r.statusCode() == 401
                        || (r.statusCode() == 303 && r.getHeader("Location").endsWith("/console/login"))) {
                    wrong.add(role + " " + key + " → " + r.statusCode()
                            + (allowed ? " (listed allowed)" : " (listed refused)"));
                }
            });
            if (post) {
                Response forged = MULTIPART.contains(key)
                        ? sessions.get("ADMIN").request().multiPart("x", "1").post(path)
                        : sessions.get("ADMIN")
                                .request()
                                .contentType("application/x-www-form-urlencoded")
                                .formParam("x", "1")
                                .post(path);
                if (forged.statusCode() != 403 || !forged.asString().contains("security token")) {
                    wrong.add("ADMIN " + key + " without the CSRF token → " + forged.statusCode());
                }
            }
        });
        assertThat(wrong)
                .as("role × console route answers that contradict the list")
                .isEmpty();
    }

    @Test
    void withoutASessionPagesGoToSignInAndFormsAreRefused() {
        List<String> wrong = new ArrayList<>();
        ROUTES.forEach((key, value) -> {
            if (value[1] == null) {
                return;
            }
            String path = (String) value[0];
            var request = io.restassured.RestAssured.given().redirects().follow(false);
            request = MULTIPART.contains(key)
                    ? request.multiPart("_csrf", "0".repeat(64))
                    : request.contentType("application/x-www-form-urlencoded").formParam("_csrf", "0".repeat(64));
            Response r = request.request(key.substring(0, key.indexOf(' ')), path);
            boolean ok = key.startsWith("POST")
                    ? r.statusCode() == 403
                    : r.statusCode() == 303 && r.getHeader("Location").endsWith("/console/login");
            if (!ok) {
                wrong.add(key + " without a session → " + r.statusCode());
            }
        });
        assertThat(wrong).isEmpty();
    }
}
