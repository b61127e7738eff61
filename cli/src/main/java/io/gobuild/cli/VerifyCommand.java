package io.gobuild.cli;

import io.gobuild.engine.request.BuildRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** `gobuild verify`: the module checks alone. */
@Command(name = "verify", sortOptions = false,
        description = {"Proves the module graph intact, complete and tidy, without modifying any file of the module: "
                + "go.mod and the Go in use, go.sum completeness, the module cache against go.sum, tidiness, "
                + "vendor/ consistency and content, local replaces, and the module environment.", "",
                "Exit status: 0 no check failed, 1 a check failed (or warned, with --strict), 2 usage or configuration error."})
final class VerifyCommand implements Callable<Integer> {
    private final Main.Console console;

    @Mixin
    ModuleOptions module = new ModuleOptions();

    VerifyCommand(Main.Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        return EngineRun.run(console, engine -> engine.verify(module.applyTo(BuildRequest.builder()).build()));
    }
}
