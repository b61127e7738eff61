package io.gobuild.engine.toolchain;

/** One GOOS/GOARCH pair the toolchain can build for, as `go tool dist list -json` lists it. */
public record Port(String goos, String goarch, boolean cgoSupported, boolean firstClass) {
    public String id() {
        return goos + "/" + goarch;
    }
}
