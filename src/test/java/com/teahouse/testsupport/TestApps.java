package com.teahouse.testsupport;

import com.teahouse.App;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/** Starts whole Teahouse contexts side by side: two instances on one Redis, or one after another on one data dir. */
public final class TestApps {

    private TestApps() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, String redisUrl, Clock clock,
            Map<String, String> extra) {
        return start(dataDir, redisUrl, clock, extra, new Class<?>[0]);
    }

    /** With extra bean sources (e.g. a test's message handler), as TestHotline takes them. */
    public static ConfigurableApplicationContext start(Path dataDir, String redisUrl, Clock clock,
            Map<String, String> extra, Class<?>... extraSources) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("teahouse.data-dir", dataDir.toString());
        props.put("server.port", "0");
        props.put("teahouse.cases.poll-interval", "1h");
        if (redisUrl != null) {
            props.put("teahouse.redis.url", redisUrl);
        }
        props.putAll(extra);
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = App.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        return new SpringApplicationBuilder(sources)
                .initializers(ctx -> {
                    if (clock != null) {
                        ((GenericApplicationContext) ctx).registerBean("testClock", Clock.class, () -> clock,
                                bd -> bd.setPrimary(true));
                    }
                }).run(args);
    }
}
