package io.gobuild.engine.build;

import io.gobuild.engine.build.Ldflags.Stamp;
import io.gobuild.engine.matrix.Target;

import java.util.List;
import java.util.Map;

/**
 * Everything one target's `go build` needs, decided before anything compiles. The build directory
 * persists between runs so that go can see its binaries are current and skip linking them again.
 */
public record TargetPlan(Target target, List<String> goArgs, Map<String, String> environment, String buildDir,
                         List<PlannedOutput> outputs, List<Stamp> stamps, String ldflags, List<String> tags,
                         boolean cgo) {
    public TargetPlan {
        tags = List.copyOf(tags);
        goArgs = List.copyOf(goArgs);
        environment = Map.copyOf(environment);
        outputs = List.copyOf(outputs);
        stamps = List.copyOf(stamps);
    }
}
