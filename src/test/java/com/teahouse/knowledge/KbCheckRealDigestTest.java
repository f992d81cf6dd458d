package com.teahouse.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The digest shipped in knowledge/ must pass its own gate. */
class KbCheckRealDigestTest {

    @Test
    void realKnowledgeDirectoryIsClean() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = KbCheckCommand.run(Path.of("knowledge"), new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        assertEquals(0, code, out);
    }
}
