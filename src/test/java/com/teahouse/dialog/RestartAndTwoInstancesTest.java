package com.teahouse.dialog;

import com.teahouse.dialog.kit.KitApp;
import com.teahouse.dialog.kit.PathDriver;
import com.teahouse.dialog.kit.ScriptRunner;
import com.teahouse.store.internal.EmbeddedRedis;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversation lives in Redis: it survives a restart, and two instances on one Redis share it in order. */
class RestartAndTwoInstancesTest {

    @TempDir
    Path dataDir;

    /** One chat across a restart: the kit uses the same chat id through a fixed-chat script split in two. */
    @Test
    void aComplaintContinuesAfterTheAppRestarts() {
        Map<String, Object> before = Map.of("name", "before restart", "chat", "restart-chat", "steps", List.of(
                Map.of("say", "/complain", "expect", "第 1 步"),
                Map.of("press", "招标采购不公", "expect", "第 2 步"),
                Map.of("say", "招标文件设置了明显针对本地企业的排他性条款，我们无法参与投标。", "expect", "第 3 步")));
        Map<String, Object> after = Map.of("name", "after restart", "chat", "restart-chat", "steps", List.of(
                Map.of("say", "诸城市", "expect", "第 4 步"),
                Map.of("say", "/cancel", "expect", "草稿")));
        var first = KitApp.start(dataDir, null);
        try {
            new ScriptRunner(new PathDriver(first)).run(before);
        } finally {
            first.close();
        }
        var second = KitApp.start(dataDir, null);
        try {
            new ScriptRunner(new PathDriver(second)).run(after);
        } finally {
            second.close();
        }
    }

    @Test
    void twoInstancesOnOneRedisTakeTurnsOnOneChatInOrder() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir.resolve("shared-redis"))) {
            var a = KitApp.start(dataDir.resolve("a"), redis.url());
            var b = KitApp.start(dataDir.resolve("b"), redis.url());
            try {
                var runner = new ScriptRunner(new PathDriver(a, b));
                for (Path script : List.of(Path.of("src/test/resources/conversations/complaint-zh.yaml"),
                        Path.of("src/test/resources/conversations/complaint-en.yaml"))) {
                    runner.run(ScriptRunner.load(script));
                }
            } finally {
                b.close();
                a.close();
            }
        }
    }
}
