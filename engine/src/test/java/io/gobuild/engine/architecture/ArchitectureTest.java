package io.gobuild.engine.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The engine's layering, kept honest by its bytecode. */
class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gobuild.engine");

    @Test
    void noJenkinsTypeInTheEngine() {
        JenkinsFree.rule().check(ENGINE);
    }

    @Test
    void onlyTheLocalPortsStartProcessesOrTouchFiles() {
        noClasses().that().resideOutsideOfPackages("io.gobuild.engine.local..", "io.gobuild.engine.publish..")
                .should().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.nio.file.Files.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.io.File.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.io.FileInputStream.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.io.FileOutputStream.class.getName())
                .because("the engine reaches processes and files only through its ports, which Jenkins supplies remotely; "
                        + "publishing is the exception: it runs as one unit where the artifacts are (an agent-side "
                        + "callable in Jenkins), so archives stream from there to the destination")
                .check(ENGINE);
    }

    @Test
    void capabilityPackagesDoNotDependOnThePipelineOrEachOtherInCycles() {
        noClasses().that().resideOutsideOfPackages("io.gobuild.engine.pipeline..", "io.gobuild.engine")
                .should().dependOnClassesThat().resideInAPackage("io.gobuild.engine.pipeline..")
                .check(ENGINE);
        slices().matching("io.gobuild.engine.(*)..").should().beFreeOfCycles().check(ENGINE);
    }
}
