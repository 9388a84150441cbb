package org.lotkeeper.model;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** shared-model is the framework-free core: no Quarkus, Jakarta, JPA, JavaFX or Android. */
class ArchitectureTest {

    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lotkeeper.model");

    @Test
    void modelUsesNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "javax.persistence..", "javafx..", "com.gluonhq..", "android..",
                        "org.hibernate..", "io.smallrye..")
                .check(MODEL);
    }

    @Test
    void gs1CodecDoesNotDependOnTheScanRecogniser() {
        noClasses().that().resideInAPackage("org.lotkeeper.model.gs1..")
                .should().dependOnClassesThat().resideInAPackage("org.lotkeeper.model.scan..")
                .check(MODEL);
    }
}
