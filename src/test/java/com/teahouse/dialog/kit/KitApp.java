package com.teahouse.dialog.kit;

import com.teahouse.App;
import com.teahouse.messaging.internal.LaneSupervisor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real app (message path, embedded or given Redis, the dialog) with the kit's test beans. */
public final class KitApp {

    /** The staff forum of the kit app: a "telegram" group whose only staff member is {@link #STAFF_USER}. */
    public static final String STAFF_CHANNEL = "telegram";
    public static final String STAFF_CHAT = "staff-group";
    public static final String STAFF_USER = "kit-staff";

    private KitApp() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, String redisUrl, String... extra) {
        return start(dataDir, redisUrl, new Class<?>[0], extra);
    }

    /** With more configuration classes (the bench's round-trip counter). */
    public static ConfigurableApplicationContext start(Path dataDir, String redisUrl, Class<?>[] sources,
            String... extra) {
        List<String> props = new ArrayList<>(List.of("teahouse.data-dir=" + dataDir, "teahouse.dialogs.dir=./dialogs",
                "teahouse.knowledge.dir=./knowledge", "logging.level.root=WARN", "server.port=0",
                "teahouse.telegram.staff-chat-id=" + STAFF_CHAT,
                "teahouse.telegram.staff-user-ids=" + STAFF_USER, "teahouse.cases.poll-interval=1h", "management.prometheus.metrics.export.enabled=false"));
        if (redisUrl != null) {
            props.add("teahouse.redis.url=" + redisUrl);
        }
        props.addAll(List.of(extra));
        for (int i = 0; i < props.size(); i++) {
            props.set(i, "--" + props.get(i));
        }
        var context = new SpringApplicationBuilder(App.class, KitConfiguration.class).sources(sources)
                .web(WebApplicationType.SERVLET).run(props.toArray(String[]::new));
        LaneSupervisor lanes = context.getBean(LaneSupervisor.class);
        long until = System.currentTimeMillis() + 15_000;
        while (!lanes.ready() && System.currentTimeMillis() < until) {
            sleep(20);
        }
        return context;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
