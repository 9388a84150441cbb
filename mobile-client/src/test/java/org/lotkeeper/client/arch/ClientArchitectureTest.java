package org.lotkeeper.client.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** ARCHITECTURE.md: nothing below {@code ui} imports JavaFX; store and sync stay UI-free. */
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
        assertThat(client.stream().filter(c -> c.getPackageName().startsWith("org.lotkeeper.client.store")).count()).isGreaterThan(5);
    }

    @Test
    void nothingButTheUiImportsJavaFx() {
        noClasses().that().resideInAPackage("org.lotkeeper.client..")
                .and().resideOutsideOfPackage("org.lotkeeper.client.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(client);
    }

    @Test
    void storeAndSyncKnowNoGluonAndTheStoreKnowsNoHttp() {
        noClasses().that().resideInAnyPackage("org.lotkeeper.client.store..", "org.lotkeeper.client.sync..",
                        "org.lotkeeper.client.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("com.gluonhq..", "android..")
                .check(client);
        noClasses().that().resideInAPackage("org.lotkeeper.client.store..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "retrofit2..", "org.lotkeeper.client.sync..")
                .check(client);
    }

    @Test
    void onlyTheAttachAdaptersCallGluonAttach() {
        noClasses().that().resideInAPackage("org.lotkeeper.client..")
                .and().resideOutsideOfPackage("org.lotkeeper.client.ui.attach..")
                .should().dependOnClassesThat().resideInAnyPackage("com.gluonhq..")
                .check(client);
    }
}
