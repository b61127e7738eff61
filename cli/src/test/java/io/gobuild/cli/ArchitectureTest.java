package io.gobuild.cli;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.gobuild.engine.architecture.JenkinsFree;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void noJenkinsTypeInTheCli() {
        JenkinsFree.rule().check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.gobuild.cli"));
    }
}
