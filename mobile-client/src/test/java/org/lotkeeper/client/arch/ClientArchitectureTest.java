package org.lotkeeper.client.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.EventPayload;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing below {@code ui} imports JavaFX; store and sync stay UI-free; view models hold no
 * controls; packages form no cycle; event types are told apart by the visitor.
 */
class ClientArchitectureTest {

    private static JavaClasses client;

    @BeforeAll
    static void importClient() {
        client = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lotkeeper.client");
    }

    @Test
    void theClientPackagesAreImportedSoTheRulesAreNotVacuous() {
        assertThat(client.containPackage("org.lotkeeper.client.store")).isTrue();
        assertThat(client.containPackage("org.lotkeeper.client.sync")).isTrue();
        assertThat(client.containPackage("org.lotkeeper.client.platform")).isTrue();
        assertThat(client.stream()
                        .filter(c -> c.getPackageName().startsWith("org.lotkeeper.client.store"))
                        .count())
                .isGreaterThan(5);
    }

    @Test
    void nothingButTheUiImportsJavaFx() {
        noClasses()
                .that()
                .resideInAPackage("org.lotkeeper.client..")
                .and()
                .resideOutsideOfPackage("org.lotkeeper.client.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..")
                .check(client);
    }

    @Test
    void storeAndSyncKnowNoGluonAndTheStoreKnowsNoHttp() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.lotkeeper.client.store..",
                        "org.lotkeeper.client.sync..",
                        "org.lotkeeper.client.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.gluonhq..", "android..")
                .check(client);
        noClasses()
                .that()
                .resideInAPackage("org.lotkeeper.client.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("okhttp3..", "retrofit2..", "org.lotkeeper.client.sync..")
                .check(client);
    }

    @Test
    void viewModelsHoldStateNotControls() {
        assertThat(client.stream()
                        .filter(c -> c.getSimpleName().endsWith("ViewModel"))
                        .count())
                .isGreaterThan(5);
        noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .or()
                .haveSimpleName("ScreenModel")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..")
                .check(client);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("org.lotkeeper.client.(*)..")
                .should()
                .beFreeOfCycles()
                .check(client);
    }

    @Test
    void eventTypesAreToldApartByTheVisitor() {
        noClasses().should(dispatchOnEventTypesByInstanceof()).check(client);
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

    @Test
    void onlyTheAttachAdaptersCallGluonAttach() {
        noClasses()
                .that()
                .resideInAPackage("org.lotkeeper.client..")
                .and()
                .resideOutsideOfPackage("org.lotkeeper.client.ui.attach..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.gluonhq..")
                .check(client);
    }
}
