package com.teahouse.knowledge.internal;

import java.nio.file.Path;

/**
 * One finding of the loader, anchored to a file and a 1-based line so that an editor of the
 * digest can jump straight to it. Errors block a (re)load; warnings only fail {@code kb check}.
 */
public record Problem(Path file, int line, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(Path file, int line, String message) {
        return new Problem(file, Math.max(1, line), Severity.ERROR, message);
    }

    public static Problem warning(Path file, int line, String message) {
        return new Problem(file, Math.max(1, line), Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line: severity: message}, relative to {@code base} when possible. */
    public String format(Path base) {
        Path shown = file;
        if (base != null && file.toAbsolutePath().startsWith(base.toAbsolutePath())) {
            shown = base.toAbsolutePath().relativize(file.toAbsolutePath());
        }
        return shown + ":" + line + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
