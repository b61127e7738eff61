package io.gobuild.engine.publish;

import io.gobuild.engine.build.Template;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.PublishReport.Role;
import io.gobuild.engine.request.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Packages each target's binaries, with the extra files, into a reproducible archive (or the bare binary). */
final class PackageStage implements PublishStage {
    static final Set<String> NAME_VARIABLES = Set.of("Name", "Version", "Os", "Arch", "Variant", "Commit", "ShortCommit");

    @Override
    public String name() {
        return "package";
    }

    @Override
    public void run(PublishContext context) throws IOException {
        Template template = new Template(context.request.nameTemplate(), "archive name template");
        template.check(NAME_VARIABLES);
        new Template(context.request.checksumTemplate(), "checksum name template").check(NAME_VARIABLES);
        context.templateValues = releaseValues(context);
        List<Archiver.Entry> extras = extraFiles(context);
        Files.createDirectories(context.staging);
        Map<String, String> names = new HashMap<>();
        for (ReleaseTarget target : context.targets) {
            ArchiveFormat format = ArchiveFormat.forTarget(context.request.format(), target.goos());
            Map<String, String> values = new LinkedHashMap<>(context.templateValues);
            values.put("Os", target.goos());
            values.put("Arch", target.goarch());
            values.put("Variant", target.variant() == null || target.variant().isEmpty() ? ""
                    : target.variant().startsWith("v") ? target.variant() : "v" + target.variant());
            if (format == ArchiveFormat.BINARY) {
                for (ReleaseTarget.Binary binary : target.binaries()) {
                    String base = binary.name().replaceFirst("\\.exe$", "");
                    values.put("Name", base);
                    String name = template.render(values) + ("windows".equals(target.goos()) ? ".exe" : "");
                    stage(context, names, target, name, format, List.of(new Archiver.Entry(name, binary.file(), true)));
                }
                continue;
            }
            List<Archiver.Entry> entries = new ArrayList<>(extras);
            for (ReleaseTarget.Binary binary : target.binaries()) {
                entries.add(new Archiver.Entry(binary.file().getFileName().toString(), binary.file(), true));
            }
            stage(context, names, target, template.render(values) + "." + format.spelling(), format, entries);
        }
    }

    private static void stage(PublishContext context, Map<String, String> names, ReleaseTarget target, String name,
                              ArchiveFormat format, List<Archiver.Entry> entries) throws IOException {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new UsageException("archive name '" + name + "' is not a plain file name; the name template must not make "
                    + "directories or hidden files");
        }
        String other = names.put(name, target.target());
        if (other != null) {
            throw new UsageException("targets " + other + " and " + target.target() + " would both publish '" + name
                    + "'; put {{.Os}}, {{.Arch}} and {{.Variant}} in the name template");
        }
        Path file = context.staging.resolve(name);
        Archiver.write(format, file, entries, context.releaseTime);
        context.files.add(new ReleaseFile(name, file, format == ArchiveFormat.BINARY ? Role.BINARY : Role.ARCHIVE, target.target(),
                Files.size(file), Sha256.of(file), null));
        context.log.info("publish: packaged " + target.target() + " as " + name);
    }

    private static Map<String, String> releaseValues(PublishContext context) {
        BuildReport first = context.reports.get(0);
        String commit = first.source() == null || first.source().commit() == null ? "" : first.source().commit();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Name", context.name);
        values.put("Version", context.version);
        values.put("Commit", commit);
        values.put("ShortCommit", commit.length() > 7 ? commit.substring(0, 7) : commit);
        values.put("Os", "");
        values.put("Arch", "");
        values.put("Variant", "");
        return values;
    }

    /** Extra files resolve against the module directory when it is on this machine, else the working directory. */
    private static List<Archiver.Entry> extraFiles(PublishContext context) {
        String moduleDir = context.reports.get(0).moduleDir();
        Path base = moduleDir != null && Files.isDirectory(Path.of(moduleDir)) ? Path.of(moduleDir) : context.workingDirectory;
        List<Archiver.Entry> entries = new ArrayList<>();
        for (String given : context.request.extraFiles()) {
            Path file = base.resolve(given).normalize();
            if (!Files.isRegularFile(file)) {
                throw new UsageException("extra file '" + given + "' does not exist (looked at " + file + "); --include takes files");
            }
            entries.add(new Archiver.Entry(file.getFileName().toString(), file, false));
        }
        return entries;
    }
}
