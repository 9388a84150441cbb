package org.lotkeeper.model.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.EventPayload;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * shared-model is the framework-free core that both the device and the server use: it may
 * depend on the JDK and small libraries (Jackson), never on Quarkus, Jakarta EE (persistence,
 * REST, CDI), Hibernate, JavaFX or Android/Gluon.
 */
class SharedModelArchitectureTest {

    private static JavaClasses model;

    @BeforeAll
    static void importModel() {
        model = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lotkeeper.model");
    }

    @Test
    void theModelIsImported() {
        assertThat(model.containPackage("org.lotkeeper.model.id")).isTrue();
        assertThat(model.size()).isGreaterThan(10);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("org.lotkeeper.model.(*)..").should().beFreeOfCycles().check(model);
    }

    @Test
    void eventTypesAreToldApartByTheVisitor() {
        noClasses().should(dispatchOnEventTypesByInstanceof()).check(model);
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
    void noQuarkus() {
        forbid("io.quarkus..", "io.smallrye..", "org.eclipse.microprofile..").check(model);
    }

    @Test
    void noJakartaPersistenceOrOtherJakartaEe() {
        forbid("jakarta..", "javax.persistence..", "org.hibernate..").check(model);
    }

    @Test
    void noJavaFxOrMobilePlatform() {
        forbid("javafx..", "com.gluonhq..", "android..").check(model);
    }

    @Test
    void noServerOrClientCode() {
        forbid("org.lotkeeper.server..", "org.lotkeeper.client..").check(model);
    }

    @Test
    void theDomainCoreKnowsNothingAboutJson() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.lotkeeper.model.event..",
                        "org.lotkeeper.model.lot..",
                        "org.lotkeeper.model.fefo..",
                        "org.lotkeeper.model.id..",
                        "org.lotkeeper.model.quantity..",
                        "org.lotkeeper.model.gs1..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml..", "org.lotkeeper.model.wire..")
                .check(model);
    }

    @Test
    void lotRulesAndFefoUseOnlyTheJdkAndTheModel() {
        classes()
                .that()
                .resideInAnyPackage("org.lotkeeper.model.lot..", "org.lotkeeper.model.fefo..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.lotkeeper.model..")
                .check(model);
        noClasses()
                .that()
                .resideInAPackage("org.lotkeeper.model.lot..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.lotkeeper.model.fefo..")
                .check(model);
    }

    @Test
    void theGs1CodecDoesNotDependOnTheScanRecogniser() {
        noClasses()
                .that()
                .resideInAPackage("org.lotkeeper.model.gs1..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.lotkeeper.model.scan..")
                .check(model);
    }

    private static ArchRule forbid(String... packages) {
        return noClasses()
                .that()
                .resideInAPackage("org.lotkeeper.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages)
                .because("shared-model is used by both the device and the server and must stay framework-free");
    }
}
