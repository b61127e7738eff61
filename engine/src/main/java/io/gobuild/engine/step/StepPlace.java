package io.gobuild.engine.step;

/**
 * Where a CI step runs, as the CI sees it: its workspace, the agent's root directory (null when
 * unknown), the workspace's temporary directory (visible to containers, unlike the agent root),
 * a per-agent cache directory set by an administrator (null when unset), and whether this is the
 * CI controller's own built-in node.
 */
public record StepPlace(String workspace, String agentRoot, String tempDir, String agentCacheDir, boolean builtInNode) {
}
