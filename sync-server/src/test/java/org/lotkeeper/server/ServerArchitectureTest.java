package org.lotkeeper.server;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.server.api.HttpStatus;
import org.lotkeeper.server.api.Refused;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's architecture (docs/DECISIONS.md, "Types all the way down"): JPA entities stay inside
 * the package that owns them and never reach the wire; nothing in the server imports JavaFX or the
 * client; the packages form no cycle; resources are thin edges.
 */
class ServerArchitectureTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lotkeeper.server");

    @Test
    void entitiesArePrivateToTheirPackage() {
        assertThat(SERVER.stream().filter(c -> c.isAnnotatedWith(Entity.class)).count())
                .isGreaterThan(5);
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .andShould(onlyBeUsedInTheirOwnPackage())
                .check(SERVER);
    }

    @Test
    void noJavaFxNoClientCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "com.gluonhq..", "org.lotkeeper.client..")
                .check(SERVER);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("org.lotkeeper.server.(*)..")
                .should()
                .beFreeOfCycles()
                .check(SERVER);
    }

    /** A resource is an edge: what other code needs of it lives in a service; nobody calls a resource's static methods. */
    @Test
    void resourcesAreThin() {
        assertThat(SERVER.stream().filter(c -> c.isAnnotatedWith(Path.class)).count())
                .isGreaterThan(10);
        noClasses().should(callStaticMethodsOfAnotherResource()).check(SERVER);
    }

    /** Services refuse in the domain's words; the HTTP status is chosen at the edge, in one place. */
    @Test
    void onlyTheEdgeKnowsHttpStatuses() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.lotkeeper.server.api..", "org.lotkeeper.server.console..")
                .and()
                .areNotAnnotatedWith(Path.class)
                .should()
                .callMethod(HttpStatus.class, "of", Refused.class)
                .check(SERVER);
    }

    @Test
    void eventTypesAreToldApartByTheVisitor() {
        noClasses().should(dispatchOnEventTypesByInstanceof()).check(SERVER);
    }

    /**
     * Event types are told apart by {@code EventPayload.accept} (a visitor: a new type breaks the
     * build wherever it is not handled), never by a chain of {@code instanceof}: no method tests a
     * payload against more than one event type.
     */
    private static ArchCondition<JavaClass> dispatchOnEventTypesByInstanceof() {
        return new ArchCondition<>("dispatch on event types by instanceof") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                c.getCodeUnits().forEach(unit -> {
                    long types = unit.getInstanceofChecks().stream()
                            .map(i -> i.getRawType())
                            .filter(t -> t.isAssignableTo(EventPayload.class) && !t.isEquivalentTo(EventPayload.class))
                            .distinct()
                            .count();
                    if (types > 1) {
                        events.add(SimpleConditionEvent.satisfied(
                                unit, unit.getFullName() + " tests " + types + " event types by instanceof"));
                    }
                });
            }
        };
    }

    private static ArchCondition<JavaClass> callStaticMethodsOfAnotherResource() {
        return new ArchCondition<>("call static methods of another resource") {
            @Override
            public void check(JavaClass caller, ConditionEvents events) {
                caller.getMethodCallsFromSelf().stream()
                        .filter(call -> call.getTarget().getOwner().isAnnotatedWith(Path.class))
                        .filter(call -> !call.getTarget().getOwner().equals(caller))
                        .filter(call -> call.getTarget()
                                .resolveMember()
                                .map(m -> m.getModifiers().contains(JavaModifier.STATIC))
                                .orElse(false))
                        .forEach(call -> events.add(SimpleConditionEvent.satisfied(call, call.getDescription())));
            }
        };
    }

    private static ArchCondition<JavaClass> onlyBeUsedInTheirOwnPackage() {
        return new ArchCondition<>("only be used in their own package") {
            @Override
            public void check(JavaClass entity, ConditionEvents events) {
                entity.getDirectDependenciesToSelf().stream()
                        .filter(d -> !d.getOriginClass().getPackageName().equals(entity.getPackageName()))
                        .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
            }
        };
    }
}
