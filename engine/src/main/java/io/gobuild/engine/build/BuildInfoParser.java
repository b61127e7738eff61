package io.gobuild.engine.build;

import io.gobuild.engine.report.BuildInfo;
import io.gobuild.engine.report.BuildInfo.ModuleVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of `go version -m FILE...` (every Go since 1.18 prints it; the JSON form is newer
 * than gobuild's minimum Go) into one BuildInfo per file.
 */
public final class BuildInfoParser {
    private static final Pattern FILE_HEADER = Pattern.compile("^(.+): (go\\S+|devel .+)$");

    public Map<String, BuildInfo> parse(String output) {
        Map<String, BuildInfo> infos = new LinkedHashMap<>();
        Builder current = null;
        String currentFile = null;
        for (String line : output.split("\n")) {
            Matcher header = FILE_HEADER.matcher(line);
            if (!line.startsWith("\t") && header.matches()) {
                if (current != null) {
                    infos.put(currentFile, current.build());
                }
                currentFile = header.group(1);
                current = new Builder(header.group(2));
            } else if (current != null && line.startsWith("\t")) {
                current.add(line.substring(1).split("\t", -1));
            }
        }
        if (current != null) {
            infos.put(currentFile, current.build());
        }
        return infos;
    }

    private static final class Builder {
        private final String goVersion;
        private String path;
        private ModuleVersion main;
        private final List<ModuleVersion> deps = new ArrayList<>();
        private final Map<String, String> settings = new LinkedHashMap<>();

        Builder(String goVersion) {
            this.goVersion = goVersion;
        }

        void add(String[] fields) {
            switch (fields[0]) {
                case "path" -> path = field(fields, 1);
                case "mod" -> main = module(fields);
                case "dep" -> deps.add(module(fields));
                case "=>" -> replaceLast(module(fields));
                case "build" -> {
                    String setting = field(fields, 1);
                    int eq = setting.indexOf('=');
                    if (eq > 0) {
                        settings.put(setting.substring(0, eq), setting.substring(eq + 1));
                    }
                }
                default -> { }
            }
        }

        private void replaceLast(ModuleVersion replacement) {
            if (!deps.isEmpty()) {
                ModuleVersion last = deps.remove(deps.size() - 1);
                deps.add(new ModuleVersion(last.path(), last.version(), last.sum(), replacement));
            } else if (main != null) {
                main = new ModuleVersion(main.path(), main.version(), main.sum(), replacement);
            }
        }

        private static ModuleVersion module(String[] fields) {
            String sum = field(fields, 3);
            return new ModuleVersion(field(fields, 1), field(fields, 2), sum.isEmpty() ? null : sum, null);
        }

        private static String field(String[] fields, int index) {
            return index < fields.length ? fields[index] : "";
        }

        BuildInfo build() {
            return new BuildInfo(goVersion, path, main, deps, settings);
        }
    }
}
