package io.gobuild.cli;

import io.gobuild.engine.support.GoTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/gobuild, run by the real sh and java: arguments and exit status pass through untouched,
 * nothing but the program's output reaches stdout, a build leaves a class-data archive under its
 * own process id, the next run promotes it when that build marked it ready (else makes another),
 * and later runs use it. (The daemon is DaemonTest's; these runs go without it.)
 */
class LauncherTest {
    @TempDir
    Path temp;

    private Path probeJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        Path jar = temp.resolve("probe.jar");
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
             var in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            jarOut.putNextEntry(new JarEntry(entry));
            in.transferTo(jarOut);
            jarOut.closeEntry();
        }
        return jar;
    }

    private record Run(int exit, String out, String err) {
    }

    private String daemon = "0";

    private Run launch(String jar, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", GoTestSupport.repositoryRoot().resolve("bin/gobuild").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(temp.resolve("out").toFile())
                .redirectError(temp.resolve("err").toFile());
        builder.environment().put("GOBUILD_JAR", jar);
        builder.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("GOBUILD_DAEMON", daemon);
        int exit = builder.start().waitFor();
        return new Run(exit, Files.readString(temp.resolve("out")), Files.readString(temp.resolve("err")));
    }

    private List<String> archives() throws IOException {
        Path dir = temp.resolve("cache/gobuild/jvm");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.contains(".jsa")).sorted().toList();
        }
    }

    @Test
    void passesArgumentsAndStatusAndKeepsAClassDataArchive() throws Exception {
        String jar = probeJar().toString();

        Run first = launch(jar, "build", "3", "two words", "--flag=a b");
        assertThat(first.exit()).as(first.err()).isEqualTo(3);
        assertThat(first.out()).isEqualTo("[build]\n[3]\n[two words]\n[--flag=a b]\n");
        assertThat(first.err()).isEmpty();
        List<String> unready = archives();
        assertThat(unready).singleElement().asString().matches("gobuild-\\d+\\.jsa\\.\\d+");

        Run second = launch(jar, "build", "0");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo("[build]\n[0]\n");
        assertThat(archives()).as("the archive of a run that did not mark it ready is replaced")
                .singleElement().asString().matches("gobuild-\\d+\\.jsa\\.\\d+").isNotEqualTo(unready.get(0));

        Run third = launch(jar, "report", "0", "again");
        assertThat(third.exit()).as(third.err()).isZero();
        assertThat(third.out()).isEqualTo("[report]\n[0]\n[again]\n");
        assertThat(third.err()).isEmpty();
        assertThat(archives()).singleElement().asString().matches("gobuild-\\d+\\.jsa");

        Run fourth = launch(jar, "build", "0");
        assertThat(fourth.exit()).as(fourth.err()).isZero();
        assertThat(archives()).singleElement().asString().matches("gobuild-\\d+\\.jsa");
    }

    @Test
    void badDaemonSettingsAreUsageErrors() throws Exception {
        String jar = probeJar().toString();
        daemon = "yes";
        Run run = launch(jar, "build", "0");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("gobuild: GOBUILD_DAEMON=yes is not accepted; use 1 (daemon) or 0 (no daemon)");
    }

    @Test
    void aMissingJarIsAUsageError() throws Exception {
        String missing = temp.resolve("nowhere.jar").toString();
        Run run = launch(missing, "build");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("gobuild: GOBUILD_JAR=" + missing + " is not a file; it must name gobuild.jar");
    }
}
