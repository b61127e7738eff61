package io.gobuild.engine.explain;

import io.gobuild.engine.report.Finding;
import io.gobuild.engine.report.Finding.FindingKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What only the whole matrix shows: files no target compiles, packages empty for a target, constraint lines that disagree. */
public final class MatrixFindings {
    private MatrixFindings() {
    }

    /** @param verdicts per target id, every file of the main module as that target sees it */
    public static List<Finding> of(Map<String, List<FileVerdict>> verdicts) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<String>> includedBy = new HashMap<>();
        Map<String, List<String>> mismatchedFor = new HashMap<>();
        for (Map.Entry<String, List<FileVerdict>> target : verdicts.entrySet()) {
            Map<String, List<FileVerdict>> byPackage = new LinkedHashMap<>();
            for (FileVerdict verdict : target.getValue()) {
                String key = verdict.packagePath() + "\n" + verdict.file();
                List<String> targets = includedBy.computeIfAbsent(key, k -> new ArrayList<>());
                if (verdict.included()) {
                    targets.add(target.getKey());
                }
                if (verdict.mismatch()) {
                    mismatchedFor.computeIfAbsent(key, k -> new ArrayList<>()).add(target.getKey());
                }
                byPackage.computeIfAbsent(verdict.packagePath(), p -> new ArrayList<>()).add(verdict);
            }
            byPackage.forEach((pkg, files) -> {
                if (files.stream().noneMatch(FileVerdict::included)) {
                    findings.add(new Finding(FindingKind.PACKAGE_EMPTY_FOR_TARGET, pkg, null, "build constraints exclude all Go files of "
                            + pkg + " for " + target.getKey() + ": " + String.join("; ", files.stream().map(f -> f.file() + ": "
                            + f.reason()).toList()), List.of(target.getKey())));
                }
            });
        }
        // Sorted only where there is a finding: most files are compiled by some target.
        includedBy.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).sorted().forEach(key -> {
            String[] parts = key.split("\n");
            findings.add(new Finding(FindingKind.FILE_IN_NO_TARGET, parts[0], parts[1], parts[1] + " of " + parts[0]
                    + " is compiled by no target of the matrix", List.copyOf(verdicts.keySet())));
        });
        new TreeMap<>(mismatchedFor).forEach((key, targets) -> {
            String[] parts = key.split("\n");
            findings.add(new Finding(FindingKind.BUILD_LINES_DISAGREE, parts[0], parts[1], "the //go:build and // +build lines of "
                    + parts[1] + " disagree for " + String.join(", ", targets) + "; go uses //go:build (run gofmt to fix the +build line)", targets));
        });
        return findings;
    }
}
