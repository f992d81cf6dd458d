package com.teahouse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A local directory kept equal to a set of knowledge/ files (path → text), writing only what changed, so the
 * loader, kb check and the parse cache work on a digest held in Redis exactly as on the repository's files.
 * Not thread-safe: each mirror has one owner.
 */
public final class DirectoryMirror {

    private final Path dir;
    /** What the directory holds: path → text written. */
    private Map<String, String> written = new HashMap<>();

    public DirectoryMirror(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Makes the directory hold exactly {@code files}. */
    public void sync(Map<String, String> files) {
        try {
            Files.createDirectories(dir.resolve(DigestLoader.ENTRIES));
            for (String gone : written.keySet()) {
                if (!files.containsKey(gone)) {
                    Files.deleteIfExists(resolve(gone));
                }
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                if (!f.getValue().equals(written.get(f.getKey()))) {
                    Path target = resolve(f.getKey());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
                }
            }
            written = new HashMap<>(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code changed} (path → text, null: removed) and leaves every other file as it is: a publish of one
     * entry touches one file, where {@link #sync} would look at all 10,000.
     */
    public void apply(Map<String, String> changed) {
        try {
            for (Map.Entry<String, String> f : changed.entrySet()) {
                Path target = resolve(f.getKey());
                if (f.getValue() == null) {
                    Files.deleteIfExists(target);
                    written.remove(f.getKey());
                } else if (!f.getValue().equals(written.get(f.getKey()))) {
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
                    written.put(f.getKey(), f.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of {@code path}, refusing anything that would leave the directory. */
    public Path resolve(String path) {
        Path p = dir.resolve(path).normalize();
        if (!p.startsWith(dir.normalize()) || p.equals(dir.normalize())) {
            throw new IllegalArgumentException("not a knowledge file: " + path);
        }
        return p;
    }

    /** Reads every regular file under {@code dir} as path → text, with '/' separators. */
    public static Map<String, String> read(Path dir) {
        Map<String, String> files = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Removes the directory and everything in it (a mirror in a temporary directory, on shutdown). */
    public void delete() {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory; the OS cleans up what is left
        }
    }
}
