package com.teahouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.store.internal.EmbeddedRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The embedded redis-server runs in its own session and process group (setsid), so a Ctrl-C in the terminal
 * reaches the app alone, which then stops its components before it shuts Redis down.
 */
class EmbeddedRedisProcessGroupTest {

    @TempDir
    Path data;

    @Test
    void theServerHasItsOwnProcessGroup() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(data.resolve("redis")); Jedis jedis = redis.connect()) {
            long pid = Long.parseLong(jedis.info("server").lines().filter(l -> l.startsWith("process_id:"))
                    .findFirst().orElseThrow().substring("process_id:".length()).trim());
            String[] server = stat(Path.of("/proc/" + pid + "/stat"));
            String[] self = stat(Path.of("/proc/self/stat"));
            assertThat(server[4]).as("process group").isNotEqualTo(self[4]).isEqualTo(Long.toString(pid));
            assertThat(server[5]).as("session").isNotEqualTo(self[5]);
            assertThat(ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                    .as("still our child, so that we stop it").contains(ProcessHandle.current().pid());
        }
    }

    /** /proc/<pid>/stat after the command name: state, ppid, pgrp, session, … (index 4 is pgrp, 5 session). */
    private static String[] stat(Path file) throws Exception {
        String line = Files.readString(file);
        String rest = line.substring(line.lastIndexOf(')') + 2);
        String[] fields = rest.split(" ");
        String[] shifted = new String[fields.length + 2];
        System.arraycopy(fields, 0, shifted, 2, fields.length);
        return shifted;
    }
}
