package io.gobuild.engine.report;

/**
 * The source revision that was built: version and commit from the request or from git, the commit
 * time, whether the work tree had changes, and the build date the templates use.
 */
public record SourceInfo(String version, String commit, String commitTime, Boolean dirty, String date,
                         DateSource dateSource) {
    /** Where {{.Date}} came from. */
    public enum DateSource {
        SOURCE_DATE_EPOCH,
        COMMIT_TIME,
        BUILD_START
    }
}
