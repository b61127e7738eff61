package io.gobuild.engine.verify;

import io.gobuild.engine.report.Check;

import java.io.IOException;

/** One verification check. */
interface ModuleCheck {
    String id();

    Check run(VerifyContext context) throws IOException, InterruptedException;
}
