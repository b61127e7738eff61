package io.gobuild.engine.port;

import io.gobuild.engine.explain.ActionGraphReader;
import io.gobuild.engine.explain.HashTraceReader;
import io.gobuild.engine.local.LocalFilePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value the file port hands back travels, in Jenkins, from an agent to the controller, whose
 * class filter (JEP-200) accepts the engine's own classes (its jar says so in its manifest) and of
 * the JDK only a fixed list (jenkins core, whitelisted-classes.txt). The JDK's immutable
 * collections are not on it. Each value is written and read back here through a stream that
 * refuses every other JDK class.
 */
class WireValuesTest {
    /** The JDK classes these values may contain: a subset of the controller's accepted list. */
    private static final Set<String> ACCEPTED_JDK = Set.of("java.lang.String", "java.lang.Boolean", "java.lang.Integer",
            "java.lang.Long", "java.lang.Number", "java.lang.Enum", "java.util.ArrayList", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeMap",
            "java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableSet", "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap",
            "java.util.Collections$EmptySet");

    @TempDir
    Path temp;

    @Test
    void everyValueAnAgentSendsBackUsesOnlyClassesTheControllerAccepts() throws Exception {
        LocalFilePort files = new LocalFilePort();
        Path file = temp.resolve("a.txt");
        Files.writeString(file, "hello stamp-value");
        Path trace = temp.resolve("trace.log");
        Files.writeString(trace, "HASH[build example.com/p]\nHASH[build example.com/p]: \"go1.26compile\\n\"\n"
                + "HASH[build example.com/p]: \"file p.go abc\\n\"\nHASH[build example.com/p]: " + "0".repeat(64) + "\n"
                + "example.com/p\n./p.go:1:1: an error\n");
        Path graph = temp.resolve("actions.json");
        Files.writeString(graph, "[{\"ID\":0,\"Mode\":\"build\",\"Package\":\"example.com/p\",\"Priority\":1,"
                + "\"ActionID\":\"a\",\"BuildID\":\"a/b\",\"Deps\":[1]}]");

        List<Serializable> values = new ArrayList<>();
        values.add(new ArrayList<>(files.list(temp.toString())));
        values.add(new LinkedHashMap<>(files.inspect(List.of(file.toString()), List.of("stamp-value"))));
        values.add(files.stamp(temp.toString(), List.of()));
        values.add(files.treeSize(temp.toString()));
        values.add(files.process(trace.toString(), new HashTraceReader()));
        values.add(files.process(graph.toString(), new ActionGraphReader()));

        for (Serializable value : values) {
            assertThat(throughTheControllersFilter(value)).isEqualTo(value);
        }
        assertThat(files.inspect(List.of(file.toString()), List.of("stamp-value")).get(file.toString()).foundStrings())
                .containsExactly("stamp-value");
    }

    private static Object throughTheControllersFilter(Serializable value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                String name = desc.getName();
                boolean engine = name.startsWith("io.gobuild.engine.");
                boolean primitiveOrArray = name.startsWith("[") || desc.forClass() != null && desc.forClass().isPrimitive();
                if (!engine && !primitiveOrArray && !ACCEPTED_JDK.contains(name)) {
                    throw new InvalidClassException(name, "refused, as a Jenkins controller refuses it");
                }
                return super.resolveClass(desc);
            }
        }) {
            return in.readObject();
        }
    }
}
