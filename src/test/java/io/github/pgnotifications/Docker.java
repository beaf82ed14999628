package io.github.pgnotifications;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers here, for tests of container mode. */
final class Docker {

    private Docker() {
    }

    static boolean isAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
