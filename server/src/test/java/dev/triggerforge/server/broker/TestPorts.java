package dev.triggerforge.server.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free local ports for tests, so a test run does not collide with another one on the same machine (another worktree's
 * tests hold 5682 and 8081 as readily as this one's).
 */
public final class TestPorts {

    private TestPorts() {
    }

    /** A port on 127.0.0.1 that was free a moment ago. */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
