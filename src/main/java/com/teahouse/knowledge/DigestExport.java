package com.teahouse.knowledge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.teahouse.knowledge.internal.DirectoryMirror;

/**
 * The published digest written back as {@code knowledge/} files, so the repository can be brought up to date: a zip
 * for the policy office's download, a directory for {@code kb export}. Either passes {@code kb check}.
 */
public final class DigestExport {

    private DigestExport() {
    }

    /** The files (path → text, as {@link DigestStore#files()} gives them) as a zip under {@code knowledge/}. */
    public static void zip(Map<String, String> files, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> f : files.entrySet()) {
            zip.putNextEntry(new ZipEntry("knowledge/" + f.getKey()));
            zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Writes the files into {@code dir} (files not in the digest stay); returns how many. */
    public static int toDirectory(Map<String, String> files, Path dir) {
        new DirectoryMirror(dir).sync(files);
        return files.size();
    }
}
