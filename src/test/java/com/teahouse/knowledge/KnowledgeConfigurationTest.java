package com.teahouse.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The module's wiring on its own: properties bind, the bean loads the directory, a missing dir is empty. */
class KnowledgeConfigurationTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(KnowledgeConfiguration.class);

    @Test
    void bindsDirectoryProperty() {
        DigestFixture.write(dir);
        runner.withPropertyValues("teahouse.knowledge.dir=" + dir, "teahouse.knowledge.poll=0s")
                .run(ctx -> {
                    assertEquals(3, ctx.getBean(PolicyDigest.class).size());
                    ctx.getBean(KnowledgeSearchController.class);
                });
    }

    @Test
    void theWarmUpIsOnUnlessTurnedOff() {
        runner.withPropertyValues("teahouse.knowledge.dir=" + dir)
                .run(ctx -> assertEquals(true, ctx.getBean(KnowledgeProperties.class).warmUp()));
        runner.withPropertyValues("teahouse.knowledge.dir=" + dir, "teahouse.knowledge.warm-up=false")
                .run(ctx -> assertEquals(false, ctx.getBean(KnowledgeProperties.class).warmUp()));
    }

    @Test
    void missingDirectoryStartsEmpty() {
        runner.withPropertyValues("teahouse.knowledge.dir=" + dir.resolve("missing"))
                .run(ctx -> assertEquals(0, ctx.getBean(PolicyDigest.class).size()));
    }
}
