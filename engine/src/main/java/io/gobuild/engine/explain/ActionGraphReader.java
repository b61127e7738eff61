package io.gobuild.engine.explain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gobuild.engine.port.FilePort.FileProcessor;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the JSON that `go build -debug-actiongraph=FILE` writes, on the machine that wrote it,
 * keeping only what explains a build: the compile and link actions with their IDs.
 */
public final class ActionGraphReader implements FileProcessor<ActionGraph> {
    private static final long serialVersionUID = 1L;

    @Override
    public ActionGraph process(InputStream content) throws IOException {
        List<Ranked> actions = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(content)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("an action graph is a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Ranked action = action(parser);
                if (action != null) {
                    actions.add(action);
                }
            }
        }
        // Priority is go's depth-first post-order: dependencies first, as go computes the keys.
        actions.sort(Comparator.comparingInt(Ranked::priority));
        return ActionGraph.of(actions.stream().map(Ranked::action).toList());
    }

    private static Ranked action(JsonParser parser) throws IOException {
        String mode = null;
        String packagePath = null;
        String actionId = null;
        String buildId = null;
        int priority = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "Mode" -> mode = parser.getText();
                case "Package" -> packagePath = parser.getText();
                case "ActionID" -> actionId = parser.getText();
                case "BuildID" -> buildId = parser.getText();
                case "Priority" -> priority = parser.getIntValue();
                default -> {
                    if (value.isStructStart()) {
                        parser.skipChildren();
                    }
                }
            }
        }
        boolean explained = "build".equals(mode) || "link".equals(mode);
        if (!explained || packagePath == null || packagePath.isEmpty() || actionId == null) {
            return null;
        }
        return new Ranked(new ActionGraph.Action(mode + " " + packagePath, actionId, buildId), priority);
    }

    private record Ranked(ActionGraph.Action action, int priority) {
    }
}
