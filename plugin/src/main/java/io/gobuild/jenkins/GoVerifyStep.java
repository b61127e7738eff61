package io.gobuild.jenkins;

import hudson.Extension;
import io.gobuild.engine.step.BuildStepArguments;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/** `goVerify(strict: true)`: module verification alone; FAIL fails the step, and WARN too with strict. */
public class GoVerifyStep extends GoModuleStep {
    @DataBoundConstructor
    public GoVerifyStep() {
    }

    BuildStepArguments arguments() {
        return new BuildStepArguments(null, null, null, null, null, null, null, null, getEnv(), getModule(), null, null, null, true,
                getStrict(), getTidy(), getCacheDir(), null, null, null, null, getGoflags(), null, null, getGo(), getGotoolchain(),
                null);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new GoBuildExecution(context, arguments(), getCredentialsId(), getPrivateHosts(), false, true, false);
    }

    /** goVerify. */
    @Extension
    public static class DescriptorImpl extends GoModuleStep.ModuleStepDescriptor {
        public DescriptorImpl() {
            super("env", "privateHosts");
        }

        @Override
        public String getFunctionName() {
            return "goVerify";
        }

        @Override
        public String getDisplayName() {
            return "Verify a Go module's dependencies";
        }
    }
}
