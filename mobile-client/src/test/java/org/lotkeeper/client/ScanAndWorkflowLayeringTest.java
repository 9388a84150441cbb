package org.lotkeeper.client;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Scan input and workflows sit below the UI: no JavaFX, and no reach into the store, sync or UI. */
class ScanAndWorkflowLayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lotkeeper.client.scan", "org.lotkeeper.client.workflow");

    @Test
    void scanAndWorkflowDoNotUseJavaFx() {
        noClasses()
                .that()
                .resideInAnyPackage("org.lotkeeper.client.scan..", "org.lotkeeper.client.workflow..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "com.gluonhq..")
                .check(classes);
    }

    @Test
    void workflowsOnlyReachTheStoreThroughTheirPorts() {
        noClasses()
                .that()
                .resideInAnyPackage("org.lotkeeper.client.scan..", "org.lotkeeper.client.workflow..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.lotkeeper.client.store..",
                        "org.lotkeeper.client.sync..",
                        "org.lotkeeper.client.ui..",
                        "java.sql..")
                .check(classes);
    }
}
