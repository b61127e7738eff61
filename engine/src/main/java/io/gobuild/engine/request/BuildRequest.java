package io.gobuild.engine.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * Everything a build is asked to do. Absent values take the defaults documented in
 * docs/request.md; the compact constructor fills them in so that a request read back from JSON
 * equals the one written. Relative paths are resolved against the caller's working directory.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuildRequest(
        String moduleDir,
        List<String> targets,
        List<String> exclude,
        List<String> packages,
        List<String> tags,
        Boolean trimpath,
        String ldflags,
        String gcflags,
        String buildvcs,
        String goflags,
        List<String> env,
        Boolean cgo,
        List<TargetOverride> overrides,
        String out,
        String outputTemplate,
        String report,
        Integer parallel,
        Boolean failFast,
        String version,
        String commit,
        String go,
        String gotoolchain,
        String cacheDir,
        Boolean verify,
        Boolean strict,
        String tidy,
        String netrc,
        String cacheMaxSize,
        Boolean explain,
        String tempDir,
        Boolean upToDateCheck) {

    public static final String DEFAULT_OUTPUT_TEMPLATE = "{{.Os}}_{{.Arch}}{{.Variant}}/{{.Binary}}{{.Ext}}";
    /** The output directory when none is given, inside the module directory. */
    public static final String DEFAULT_OUT = "dist";
    public static final String REPORT_FILE_NAME = "build-report.json";
    public static final List<String> BUILDVCS_VALUES = List.of("auto", "true", "false");
    public static final List<String> TIDY_VALUES = List.of("WARN", "FAIL");

    public BuildRequest {
        moduleDir = moduleDir == null || moduleDir.isBlank() ? "." : moduleDir;
        targets = listOrEmpty(targets);
        exclude = listOrEmpty(exclude);
        packages = listOrEmpty(packages);
        tags = listOrEmpty(tags);
        trimpath = trimpath == null || trimpath;
        ldflags = ldflags == null ? "" : ldflags;
        gcflags = gcflags == null ? "" : gcflags;
        buildvcs = buildvcs == null || buildvcs.isBlank() ? "auto" : buildvcs;
        goflags = goflags == null ? "" : goflags;
        env = listOrEmpty(env);
        cgo = cgo != null && cgo;
        overrides = listOrEmpty(overrides);
        out = out == null || out.isBlank() ? "" : out;
        outputTemplate = outputTemplate == null || outputTemplate.isBlank() ? DEFAULT_OUTPUT_TEMPLATE : outputTemplate;
        report = report == null || report.isBlank() ? "" : report;
        parallel = parallel == null ? 0 : parallel;
        failFast = failFast != null && failFast;
        version = version == null ? "" : version;
        commit = commit == null ? "" : commit;
        go = go == null || go.isBlank() ? "go" : go;
        gotoolchain = gotoolchain == null || gotoolchain.isBlank() ? "local" : gotoolchain;
        cacheDir = cacheDir == null ? "" : cacheDir;
        verify = verify == null || verify;
        strict = strict != null && strict;
        tidy = tidy == null || tidy.isBlank() ? "WARN" : tidy;
        netrc = netrc == null ? "" : netrc;
        cacheMaxSize = cacheMaxSize == null ? "" : cacheMaxSize;
        explain = explain == null || explain;
        tempDir = tempDir == null || tempDir.isBlank() ? null : tempDir;
        upToDateCheck = upToDateCheck == null || upToDateCheck;
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** A request with every value at its default, to start a builder from. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds requests without naming all two dozen components. */
    public static final class Builder {
        private String moduleDir;
        private List<String> targets;
        private List<String> exclude;
        private List<String> packages;
        private List<String> tags;
        private Boolean trimpath;
        private String ldflags;
        private String gcflags;
        private String buildvcs;
        private String goflags;
        private List<String> env;
        private Boolean cgo;
        private List<TargetOverride> overrides;
        private String out;
        private String outputTemplate;
        private String report;
        private Integer parallel;
        private Boolean failFast;
        private String version;
        private String commit;
        private String go;
        private String gotoolchain;
        private String cacheDir;
        private Boolean verify;
        private Boolean strict;
        private String tidy;
        private String netrc;
        private String tempDir;
        private String cacheMaxSize;
        private Boolean explain;
        private Boolean upToDateCheck;

        Builder() {
        }

        Builder(BuildRequest r) {
            moduleDir = r.moduleDir;
            targets = r.targets;
            exclude = r.exclude;
            packages = r.packages;
            tags = r.tags;
            trimpath = r.trimpath;
            ldflags = r.ldflags;
            gcflags = r.gcflags;
            buildvcs = r.buildvcs;
            goflags = r.goflags;
            env = r.env;
            cgo = r.cgo;
            overrides = r.overrides;
            out = r.out;
            outputTemplate = r.outputTemplate;
            report = r.report;
            parallel = r.parallel;
            failFast = r.failFast;
            version = r.version;
            commit = r.commit;
            go = r.go;
            gotoolchain = r.gotoolchain;
            cacheDir = r.cacheDir;
            verify = r.verify;
            strict = r.strict;
            tidy = r.tidy;
            netrc = r.netrc;
            tempDir = r.tempDir;
            cacheMaxSize = r.cacheMaxSize;
            explain = r.explain;
            upToDateCheck = r.upToDateCheck;
        }

        public Builder moduleDir(String v) { moduleDir = v; return this; }
        public Builder targets(List<String> v) { targets = v; return this; }
        public Builder exclude(List<String> v) { exclude = v; return this; }
        public Builder packages(List<String> v) { packages = v; return this; }
        public Builder tags(List<String> v) { tags = v; return this; }
        public Builder trimpath(Boolean v) { trimpath = v; return this; }
        public Builder ldflags(String v) { ldflags = v; return this; }
        public Builder gcflags(String v) { gcflags = v; return this; }
        public Builder buildvcs(String v) { buildvcs = v; return this; }
        public Builder goflags(String v) { goflags = v; return this; }
        public Builder env(List<String> v) { env = v; return this; }
        public Builder cgo(Boolean v) { cgo = v; return this; }
        public Builder overrides(List<TargetOverride> v) { overrides = v; return this; }
        public Builder out(String v) { out = v; return this; }
        public Builder outputTemplate(String v) { outputTemplate = v; return this; }
        public Builder report(String v) { report = v; return this; }
        public Builder parallel(Integer v) { parallel = v; return this; }
        public Builder failFast(Boolean v) { failFast = v; return this; }
        public Builder version(String v) { version = v; return this; }
        public Builder commit(String v) { commit = v; return this; }
        public Builder go(String v) { go = v; return this; }
        public Builder gotoolchain(String v) { gotoolchain = v; return this; }
        public Builder cacheDir(String v) { cacheDir = v; return this; }
        public Builder verify(Boolean v) { verify = v; return this; }
        public Builder strict(Boolean v) { strict = v; return this; }
        public Builder tidy(String v) { tidy = v; return this; }
        public Builder netrc(String v) { netrc = v; return this; }
        public Builder tempDir(String v) { tempDir = v; return this; }
        public Builder cacheMaxSize(String v) { cacheMaxSize = v; return this; }
        public Builder explain(Boolean v) { explain = v; return this; }
        public Builder upToDateCheck(Boolean v) { upToDateCheck = v; return this; }

        public BuildRequest build() {
            return new BuildRequest(moduleDir, targets, exclude, packages, tags, trimpath, ldflags, gcflags, buildvcs,
                    goflags, env, cgo, overrides, out, outputTemplate, report, parallel, failFast, version, commit, go,
                    gotoolchain, cacheDir, verify, strict, tidy, netrc, cacheMaxSize, explain, tempDir, upToDateCheck);
        }
    }
}
