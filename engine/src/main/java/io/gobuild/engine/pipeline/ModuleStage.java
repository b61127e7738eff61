package io.gobuild.engine.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.toolchain.GoInvocation;

import java.io.IOException;

/** Reads the module path from go.mod, without the network (`go mod edit -json`). */
final class ModuleStage implements Stage {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "module";
    }

    @Override
    public void run(BuildContext context) throws IOException, InterruptedException {
        GoInvocation.Result result = context.go.run(context.moduleDir, "mod", "edit", "-json");
        if (!result.ok()) {
            throw new UsageException("cannot read go.mod in '" + context.request.moduleDir() + "': " + result.firstError());
        }
        JsonNode module = JSON.readTree(result.stdout()).path("Module");
        context.modulePath = module.path("Path").asText();
        context.log.info("module: " + context.modulePath);
    }
}
