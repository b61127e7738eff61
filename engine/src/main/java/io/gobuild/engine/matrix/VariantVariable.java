package io.gobuild.engine.matrix;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The per-architecture variant variables of the go command and the values its cmd/internal/buildcfg
 * accepts. The go command checks some of them (GOARM64, GOMIPS, GOPPC64, ...) only when it compiles,
 * so gobuild checks all of them up front.
 */
public enum VariantVariable {
    GO386("GO386", List.of("386"), "sse2|softfloat", "sse2, softfloat"),
    GOAMD64("GOAMD64", List.of("amd64"), "v[1-4]", "v1, v2, v3, v4"),
    GOARM("GOARM", List.of("arm"), "[5-7](,(softfloat|hardfloat))?", "5, 6, 7 (optionally ,softfloat or ,hardfloat)"),
    GOARM64("GOARM64", List.of("arm64"), "v(8\\.[0-9]|9\\.[0-5])(,(lse|crypto))*",
            "v8.0 to v8.9, v9.0 to v9.5 (optionally ,lse and ,crypto)"),
    GOMIPS("GOMIPS", List.of("mips", "mipsle"), "hardfloat|softfloat", "hardfloat, softfloat"),
    GOMIPS64("GOMIPS64", List.of("mips64", "mips64le"), "hardfloat|softfloat", "hardfloat, softfloat"),
    GOPPC64("GOPPC64", List.of("ppc64", "ppc64le"), "power(8|9|10)", "power8, power9, power10"),
    GORISCV64("GORISCV64", List.of("riscv64"), "rva2[023]u64", "rva20u64, rva22u64, rva23u64"),
    GOWASM("GOWASM", List.of("wasm"), "(satconv|signext)(,(satconv|signext))*", "satconv, signext (comma-separated)");

    private final String variable;
    private final List<String> arches;
    private final Pattern accepted;
    private final String acceptedText;

    VariantVariable(String variable, List<String> arches, String accepted, String acceptedText) {
        this.variable = variable;
        this.arches = arches;
        this.accepted = Pattern.compile(accepted);
        this.acceptedText = acceptedText;
    }

    public static Optional<VariantVariable> forArch(String goarch) {
        return Arrays.stream(values()).filter(v -> v.arches.contains(goarch)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(VariantVariable::variable).toList();
    }

    public String variable() {
        return variable;
    }

    public boolean accepts(String value) {
        return accepted.matcher(value).matches();
    }

    public String acceptedText() {
        return acceptedText;
    }
}
