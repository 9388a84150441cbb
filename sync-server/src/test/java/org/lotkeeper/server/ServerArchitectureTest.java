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
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's architecture (ARCHITECTURE.md, STYLE.md): JPA entities stay inside the package
 * that owns them and never reach the wire; nothing in the server imports JavaFX or the client.
 */
class ServerArchitectureTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lotkeeper.server");

    @Test
    void entitiesArePrivateToTheirPackage() {
        assertThat(SERVER.stream().filter(c -> c.isAnnotatedWith(Entity.class)).count()).isGreaterThan(5);
        classes().that().areAnnotatedWith(Entity.class).should().notHaveModifier(JavaModifier.PUBLIC)
                .andShould(onlyBeUsedInTheirOwnPackage())
                .check(SERVER);
    }

    @Test
    void noJavaFxNoClientCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.gluonhq..", "org.lotkeeper.client..")
                .check(SERVER);
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
