package com.teahouse.dialog;

import com.teahouse.dialog.kit.KitApp;
import com.teahouse.dialog.kit.PathDriver;
import com.teahouse.dialog.kit.ScriptRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Every script under src/test/resources/conversations, through the real message path on a real redis-server. */
class ConversationScriptsTest {

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        app = KitApp.start(dataDir, null);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException {
        ScriptRunner runner = new ScriptRunner(new PathDriver(app));
        return Files.list(Path.of("src/test/resources/conversations")).filter(p -> p.toString().endsWith(".yaml"))
                .sorted().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                        () -> runner.run(ScriptRunner.load(p))));
    }
}
