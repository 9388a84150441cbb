package org.lotkeeper.profiles;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Profiles are plain data: the client's UI reads them, but they know nothing of JavaFX, Gluon or Quarkus. */
class ProfilesArchitectureTest {

    @Test
    void profilesUseNoFramework() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lotkeeper.profiles");
        assertThat(classes.size()).isGreaterThan(5);
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "com.gluonhq..", "io.quarkus..", "jakarta..")
                .check(classes);
    }
}
