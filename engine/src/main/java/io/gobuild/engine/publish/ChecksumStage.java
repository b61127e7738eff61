package io.gobuild.engine.publish;

import io.gobuild.engine.build.Template;
import io.gobuild.engine.report.PublishReport.Role;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The checksum file: `sha256  name` lines sorted by name, as `sha256sum -c` reads them. */
final class ChecksumStage implements PublishStage {
    @Override
    public String name() {
        return "checksums";
    }

    @Override
    public void run(PublishContext context) throws IOException {
        StringBuilder lines = new StringBuilder();
        context.files.stream().filter(f -> f.role() != Role.SIGNATURE).sorted(Comparator.comparing(ReleaseFile::name))
                .forEach(f -> lines.append(f.sha256()).append("  ").append(f.name()).append('\n'));
        String name = new Template(context.request.checksumTemplate(), "checksum name template").render(context.templateValues);
        Path file = context.staging.resolve(name);
        Staged.write(file, lines.toString().getBytes(StandardCharsets.UTF_8));
        context.files.add(new ReleaseFile(name, file, Role.CHECKSUMS, null, Files.size(file), Sha256.of(file), null));
    }
}
