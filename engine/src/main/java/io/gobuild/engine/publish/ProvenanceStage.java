package io.gobuild.engine.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gobuild.engine.build.Template;
import io.gobuild.engine.report.BuildInfo.ModuleVersion;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.PublishReport.Role;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.sign.Dsse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Provenance (docs/provenance.md): an in-toto Statement with the SLSA provenance v1 predicate in a
 * DSSE envelope, signed with the cosign key when there is one. It names every artifact by sha256,
 * the resolved build requests as the reports recorded them (secrets already masked), the Go that
 * built, the source revision, and the modules actually linked into the binaries.
 */
final class ProvenanceStage implements PublishStage {
    static final String BUILD_TYPE = "urn:gobuild:buildtype:go-matrix:v1";
    static final String NAME_TEMPLATE = "{{.Name}}_{{.Version}}.intoto.jsonl";

    @Override
    public String name() {
        return "provenance";
    }

    @Override
    public void run(PublishContext context) throws IOException {
        if (!context.request.provenance()) {
            return;
        }
        byte[] statement = ReportJson.mapper().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(statement(context));
        String name = new Template(NAME_TEMPLATE, "provenance name").render(context.templateValues);
        Path file = context.staging.resolve(name);
        Staged.write(file, Dsse.envelope(Dsse.IN_TOTO_PAYLOAD_TYPE, statement, context.cosign));
        context.files.add(new ReleaseFile(name, file, Role.PROVENANCE, null, Files.size(file), Sha256.of(file), null));
        context.provenanceName = name;
        context.log.info("publish: provenance " + name + (context.cosign == null ? " (unsigned envelope: no cosign key)" : ""));
    }

    private static ObjectNode statement(PublishContext context) {
        ObjectMapper mapper = ReportJson.mapper();
        ObjectNode statement = mapper.createObjectNode();
        statement.put("_type", "https://in-toto.io/Statement/v1");
        ArrayNode subjects = statement.putArray("subject");
        for (ReleaseFile file : context.files) {
            if (file.role() == Role.ARCHIVE || file.role() == Role.BINARY) {
                subjects.addObject().put("name", file.name()).putObject("digest").put("sha256", file.sha256());
            }
        }
        statement.put("predicateType", "https://slsa.dev/provenance/v1");
        ObjectNode predicate = statement.putObject("predicate");
        ObjectNode definition = predicate.putObject("buildDefinition");
        definition.put("buildType", BUILD_TYPE);
        ObjectNode external = definition.putObject("externalParameters");
        external.put("module", context.reports.get(0).module());
        external.put("version", context.version);
        ArrayNode builds = external.putArray("builds");
        ObjectNode internal = definition.putObject("internalParameters");
        ArrayNode toolchains = internal.putArray("toolchains");
        for (BuildReport report : context.reports) {
            ObjectNode build = builds.addObject();
            build.set("request", mapper.valueToTree(report.request()));
            ArrayNode targets = build.putArray("targets");
            for (TargetResult target : report.targets()) {
                ObjectNode t = targets.addObject().put("target", target.target()).put("ldflags", target.ldflags());
                t.set("tags", mapper.valueToTree(target.tags()));
                if (target.cgo() != null) {
                    t.put("cgo", target.cgo());
                }
            }
            ObjectNode toolchain = toolchains.addObject().put("runId", report.runId());
            if (report.toolchain() != null) {
                toolchain.put("go", report.toolchain().version()).put("gotoolchain", report.toolchain().gotoolchain());
            }
            if (report.host() != null) {
                toolchain.put("host", report.host().name());
            }
        }
        definition.set("resolvedDependencies", dependencies(context, mapper));
        ObjectNode run = predicate.putObject("runDetails");
        run.putObject("builder").put("id", context.request.builderId());
        ObjectNode metadata = run.putObject("metadata");
        metadata.put("invocationId", context.reports.get(0).runId());
        metadata.put("startedOn", context.reports.stream().map(BuildReport::startedAt).min(String::compareTo).orElse(null));
        metadata.put("finishedOn", context.reports.stream().map(BuildReport::finishedAt).max(String::compareTo).orElse(null));
        return statement;
    }

    /** The source revision, the Go toolchains, and every module linked into a binary, with the binaries it is in. */
    private static ArrayNode dependencies(PublishContext context, ObjectMapper mapper) {
        ArrayNode dependencies = mapper.createArrayNode();
        BuildReport first = context.reports.get(0);
        if (first.source() != null && first.source().commit() != null && !first.source().commit().isEmpty()) {
            ObjectNode source = dependencies.addObject().put("uri", "git+" + first.module());
            source.putObject("digest").put("gitCommit", first.source().commit());
            if (Boolean.TRUE.equals(first.source().dirty())) {
                source.putObject("annotations").put("dirty", true);
            }
        }
        Map<String, TreeSet<String>> linked = new TreeMap<>();
        Map<String, ModuleVersion> modules = new TreeMap<>();
        TreeSet<String> goVersions = new TreeSet<>();
        for (ReleaseTarget target : context.targets) {
            for (ReleaseTarget.Binary binary : target.binaries()) {
                if (binary.buildInfo() == null) {
                    continue;
                }
                goVersions.add(binary.buildInfo().goVersion());
                for (ModuleVersion dep : binary.buildInfo().deps()) {
                    ModuleVersion used = dep.replace() != null ? dep.replace() : dep;
                    String uri = "pkg:golang/" + used.path() + "@" + used.version();
                    modules.put(uri, used);
                    linked.computeIfAbsent(uri, k -> new TreeSet<>()).add(target.target() + "/" + binary.file().getFileName());
                }
            }
        }
        for (String go : goVersions) {
            dependencies.addObject().put("uri", "pkg:golang/toolchain@" + go).put("name", go);
        }
        modules.forEach((uri, module) -> {
            ObjectNode dep = dependencies.addObject().put("uri", uri);
            if (module.sum() != null && module.sum().startsWith("h1:")) {
                dep.putObject("digest").put("dirhash1", HexFormat.of().formatHex(Base64.getDecoder().decode(module.sum().substring(3))));
            }
            ArrayNode in = dep.putObject("annotations").putArray("linkedInto");
            List.copyOf(linked.get(uri)).forEach(in::add);
        });
        return dependencies;
    }
}
