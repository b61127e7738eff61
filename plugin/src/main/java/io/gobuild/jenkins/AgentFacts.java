package io.gobuild.jenkins;

import io.gobuild.engine.local.LocalHost;
import io.gobuild.engine.port.Host;
import jenkins.security.MasterToSlaveCallable;

import java.util.Map;

/** What the report says about the machine a step ran on, read on that machine. */
record AgentFacts(String name, String os, String arch, int cpus) implements java.io.Serializable {
    static final class Read extends MasterToSlaveCallable<AgentFacts, RuntimeException> {
        private static final long serialVersionUID = 1L;

        @Override
        public AgentFacts call() {
            Host local = LocalHost.of(Map.of(), "/");
            return new AgentFacts(local.name(), local.os(), local.arch(), local.cpus());
        }
    }
}
