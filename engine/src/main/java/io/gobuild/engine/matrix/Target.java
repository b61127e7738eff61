package io.gobuild.engine.matrix;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One cell of the matrix: GOOS/GOARCH and an optional variant, written `linux/arm/7`,
 * `linux/amd64/v3` or `linux/arm64/v8.2`. The variant sets the GOARCH's variant variable.
 */
public record Target(String goos, String goarch, String variant) {
    public Target {
        variant = variant == null ? "" : variant;
    }

    public static Target of(String goos, String goarch) {
        return new Target(goos, goarch, "");
    }

    public String id() {
        return goos + "/" + goarch + (variant.isEmpty() ? "" : "/" + variant);
    }

    public String port() {
        return goos + "/" + goarch;
    }

    public Optional<VariantVariable> variantVariable() {
        return VariantVariable.forArch(goarch);
    }

    /** GOOS, GOARCH and the variant variable, as the go command reads them. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GOOS", goos);
        env.put("GOARCH", goarch);
        if (!variant.isEmpty()) {
            env.put(variantVariable().orElseThrow().variable(), variant);
        }
        return env;
    }

    @Override
    public String toString() {
        return id();
    }
}
