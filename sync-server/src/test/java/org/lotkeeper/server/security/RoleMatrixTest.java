package org.lotkeeper.server.security;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role × endpoint, generated from the resources themselves: every endpoint declares who may call
 * it, and a caller of each role (one user per role, and a device) is let through exactly where the
 * declaration says and refused with 403 {@code ROLE_NOT_ALLOWED} everywhere else. Sites, missing
 * and revoked credentials: {@link SiteScopeMatrixTest}; hostile input: {@link HostileInputTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RoleMatrixTest {

    /** {@code path} has every parameter replaced by MX-NONE; {@code template} keeps them ({@code {item}}). */
    record Endpoint(String method, String path, Set<String> roles, String consumes, String template) {}

    private static List<Endpoint> endpoints;

    static synchronized List<Endpoint> endpoints() {
        if (endpoints == null) {
            endpoints = scan();
        }
        return endpoints;
    }

    private static List<Endpoint> scan() {
        List<Endpoint> out = new ArrayList<>();
        for (JavaClass jc : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lotkeeper.server")) {
            Class<?> type = jc.reflect();
            Path base = type.getAnnotation(Path.class);
            if (base == null || !base.value().startsWith("/api/")) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String template =
                        base.value() + (sub == null ? "" : (sub.value().startsWith("/") ? "" : "/") + sub.value());
                String path = template.replaceAll("\\{[^}]+}", "MX-NONE");
                Set<String> roles = new LinkedHashSet<>();
                RolesAllowed allowed = m.getAnnotation(RolesAllowed.class) != null
                        ? m.getAnnotation(RolesAllowed.class)
                        : type.getAnnotation(RolesAllowed.class);
                if (allowed != null) {
                    roles.addAll(List.of(allowed.value()));
                } else if (m.getAnnotation(PermitAll.class) != null) {
                    roles.add("*");
                }
                Consumes consumes = m.getAnnotation(Consumes.class) != null
                        ? m.getAnnotation(Consumes.class)
                        : type.getAnnotation(Consumes.class);
                out.add(new Endpoint(
                        verb,
                        path,
                        roles,
                        // any type (no body): sent as JSON like the rest
                        consumes == null || consumes.value()[0].equals("*/*")
                                ? "application/json"
                                : consumes.value()[0],
                        template));
            }
        }
        // signing out ends the caller's token: it is called last, so the sweeps go on with it until then
        out.sort(java.util.Comparator.comparing(e -> e.path().endsWith("/auth/logout")));
        return out;
    }

    private static boolean signsOut(Endpoint e) {
        return e.path().endsWith("/auth/logout");
    }

    private static String verb(Method m) {
        for (Class<? extends Annotation> a : List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
            if (m.getAnnotation(a) != null) {
                return a.getSimpleName();
            }
        }
        return null;
    }

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        List<Endpoint> all = endpoints();
        assertThat(all).hasSizeGreaterThan(25);
        assertThat(all)
                .filteredOn(e -> e.roles().isEmpty())
                .as("endpoints without @RolesAllowed or @PermitAll")
                .isEmpty();
        assertThat(all)
                .filteredOn(e -> e.roles().contains("*"))
                .extracting(Endpoint::path)
                .containsExactlyInAnyOrder("/api/v1/auth/token", "/api/v1/devices/enroll");
    }

    @Test
    void eachRoleIsLetThroughExactlyWhereDeclaredAndRefusedElsewhere() {
        Api.loadRiversideMasterData();
        Api.as(Api.adminToken()).body("""
                {"users": [
                  {"userId": "mx-operator", "name": "Matrix operator", "roles": ["OPERATOR"], "sites": ["PLANT-1"], "password": "mx-Passw0rd!"},
                  {"userId": "mx-receiver", "name": "Matrix receiver", "roles": ["RECEIVER"], "sites": ["PLANT-1"], "password": "mx-Passw0rd!"},
                  {"userId": "mx-qa", "name": "Matrix QA", "roles": ["QA"], "sites": ["PLANT-1"], "password": "mx-Passw0rd!"},
                  {"userId": "mx-supervisor", "name": "Matrix supervisor", "roles": ["SUPERVISOR"], "sites": ["PLANT-1"], "password": "mx-Passw0rd!"}
                ]}""").put("/api/v1/masterdata").then().statusCode(200);
        Map<String, String> callers = new java.util.LinkedHashMap<>();
        for (Role r : List.of(Role.OPERATOR, Role.RECEIVER, Role.QA, Role.SUPERVISOR)) {
            callers.put(r.name(), Api.token("mx-" + r.name().toLowerCase(java.util.Locale.ROOT), "mx-Passw0rd!"));
        }
        callers.put("DEVICE", Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "matrix")[1]);

        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (e.roles().contains("*") || e.path().contains("/admin/") || signsOut(e)) {
                continue; // open endpoints; admin operations are only called refused, and sign-out last (below)
            }
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                boolean allowed = e.roles().contains(caller.getKey());
                check(e, caller.getKey(), caller.getValue(), allowed, wrong);
            }
        }
        for (Endpoint e : endpoints()) {
            if (e.path().contains("/admin/") || e.path().startsWith("/api/v1/masterdata")) {
                for (Map.Entry<String, String> caller : callers.entrySet()) {
                    check(e, caller.getKey(), caller.getValue(), false, wrong);
                }
            }
        }
        for (Endpoint e : endpoints()) {
            if (signsOut(e)) {
                for (Map.Entry<String, String> caller : callers.entrySet()) {
                    check(e, caller.getKey(), caller.getValue(), e.roles().contains(caller.getKey()), wrong);
                }
            }
        }
        assertThat(wrong)
                .as("role × endpoint answers that contradict the declared roles")
                .isEmpty();
    }

    private static void check(Endpoint e, String role, String token, boolean allowed, List<String> wrong) {
        boolean multipart = e.consumes().startsWith("multipart");
        Response r = given().header("Authorization", "Bearer " + token)
                .contentType(multipart ? "multipart/form-data; boundary=x" : e.consumes())
                .body((multipart ? "--x--\r\n" : e.consumes().equals("application/json") ? "{}" : "code\n")
                        .getBytes(StandardCharsets.UTF_8))
                .request(e.method(), e.path());
        String code = r.contentType() != null && r.contentType().contains("problem+json") ? r.path("code") : null;
        boolean refusedForRole = r.statusCode() == 403 && "ROLE_NOT_ALLOWED".equals(code);
        if (allowed == refusedForRole || r.statusCode() == 401 || r.statusCode() >= 500) {
            wrong.add(role + " " + e.method() + " " + e.path() + " → " + r.statusCode() + " " + code
                    + (allowed ? " (declared allowed)" : " (declared refused)"));
        }
    }
}
