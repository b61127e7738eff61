package io.gobuild.engine.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rule both the engine and the CLI check: they run on any CI, so no Jenkins type may appear. */
public final class JenkinsFree {
    private JenkinsFree() {
    }

    public static ArchRule rule() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke.stapler..", "io.jenkins..")
                .because("the engine and the CLI must stay Jenkins-free; Jenkins glue lives in plugin/");
    }
}
