package org.lotkeeper.model;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ModelArchitectureTest {

    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lotkeeper.model");

    @Test
    void sharedModelUsesNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "javax.persistence..", "javafx..", "org.hibernate..", "com.gluonhq..")
                .check(MODEL);
    }

    @Test
    void eventModelKnowsNothingAboutJson() {
        noClasses().that().resideInAnyPackage("org.lotkeeper.model.event..", "org.lotkeeper.model.lot..",
                        "org.lotkeeper.model.id..", "org.lotkeeper.model.quantity..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "org.lotkeeper.model.wire..")
                .check(MODEL);
    }
}
