package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Size and modification time of every file under the knowledge directory. Polling this once a
 * second is cheap for a few hundred files and, unlike WatchService, behaves the same on Docker
 * volumes and network mounts where inotify events never arrive.
 */
record DirectoryFingerprint(Map<String, String> files) {

    static DirectoryFingerprint of(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).forEach(p -> {
                    try {
                        files.put(dir.relativize(p).toString(),
                                Files.size(p) + "@" + Files.getLastModifiedTime(p).to(java.util.concurrent.TimeUnit.NANOSECONDS));
                    } catch (IOException e) {
                        files.put(dir.relativize(p).toString(), "unreadable");
                    }
                });
            } catch (IOException | RuntimeException e) {
                files.put("", "unlistable");
            }
        }
        return new DirectoryFingerprint(Map.copyOf(files));
    }
}
