package org.lotkeeper.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The lot rules and FEFO are plain Java: the device and the server run the very same code. */
class LotAndFefoArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lotkeeper.model.lot", "org.lotkeeper.model.fefo");

    @Test
    void lotAndFefoUseOnlyTheJdkAndTheModel() {
        classes().that().resideInAnyPackage("org.lotkeeper.model.lot..", "org.lotkeeper.model.fefo..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.lotkeeper.model..")
                .check(CLASSES);
    }

    @Test
    void lotAndFefoDoNotDependOnTheWireForm() {
        classes().that().resideInAnyPackage("org.lotkeeper.model.lot..", "org.lotkeeper.model.fefo..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.lotkeeper.model.wire..")
                .check(CLASSES);
    }

    @Test
    void lotRulesDoNotDependOnFefo() {
        classes().that().resideInAPackage("org.lotkeeper.model.lot..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.lotkeeper.model.fefo..")
                .check(CLASSES);
    }
}
