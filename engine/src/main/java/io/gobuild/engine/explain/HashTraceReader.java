package io.gobuild.engine.explain;

import io.gobuild.engine.port.FilePort.FileProcessor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the stderr of `go build -v` run with GODEBUG=gocachehash=1, line by line, on the machine
 * that wrote it. Each hash's writes are tagged `HASH[build P]: "quoted"` and end with its sum, so
 * parallel compiles interleaving their lines do not matter.
 */
public final class HashTraceReader implements FileProcessor<HashTrace> {
    private static final long serialVersionUID = 1L;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    /** Compiler output lines are bounded; a runaway build must not fill the engine's memory. */
    private static final int MAX_OTHER_LINES = 5000;

    @Override
    public HashTrace process(InputStream content) throws IOException {
        Map<String, StringBuilder> open = new HashMap<>();
        Map<String, TracedAction> actions = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 1 << 16);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.startsWith("HASH")) {
                if (rest.size() < MAX_OTHER_LINES) {
                    rest.add(line);
                }
                continue;
            }
            // HASH[build P]: "quoted write"  or  HASH[build P]: <64 hex digits>, parsed by hand:
            // regular expressions over 26,000 lines cost more than the rest of the analysis.
            int close = line.indexOf("]: ");
            if (!line.startsWith("HASH[") || close < 0) {
                continue;
            }
            String tag = line.substring(5, close);
            if (!tag.startsWith("build ") && !tag.startsWith("link ")) {
                continue;
            }
            String value = line.substring(close + 3);
            if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                open.computeIfAbsent(tag, k -> new StringBuilder()).append(GoQuoted.unquote(value.substring(1, value.length() - 1)));
            } else if (value.length() == 64 && HEX.matcher(value).matches()) {
                StringBuilder inputs = open.remove(tag);
                actions.put(tag, new TracedAction(tag, value, inputs == null ? List.of() : List.of(inputs.toString().split("\n"))));
            }
        }
        List<String> compiled = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String line : rest) {
            (actions.containsKey("build " + line) ? compiled : other).add(line);
        }
        return new HashTrace(actions, compiled, other);
    }
}
