package com.teahouse.testsupport;

import com.teahouse.App;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole hotline the way the run command does (its own embedded redis-server under the data dir), on a
 * free port, with extra properties. Closing and starting again on the same data dir is a restart.
 */
public final class TestHotline implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private TestHotline(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static TestHotline start(Path dataDir, Map<String, String> properties, Class<?>... extraSources) {
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", "0");
        props.put("teahouse.data-dir", dataDir.toString());
        props.put("teahouse.messaging.lease-ttl", "3s");
        props.put("teahouse.telegram.poll-timeout-seconds", "1");
        props.put("logging.level.com.teahouse", "INFO");
        props.putAll(properties);
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = App.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        // as command-line arguments: they must win over application.yml, as an operator's would
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new TestHotline(new SpringApplicationBuilder(sources).run(args));
    }

    public static Map<String, String> telegram(String apiUrl, String token) {
        return Map.of("teahouse.telegram.token", token, "teahouse.telegram.api-url", apiUrl);
    }

    /**
     * Telegram's send limits raised far above what a test sends, for tests that are not about those limits: with
     * the real ones (a group 20 a minute, a private chat one a second) a staff-forum test spends most of its time
     * waiting for tokens. The limits themselves are tested in SharedSendLimitsTest and TelegramChannelEndToEndTest.
     */
    public static Map<String, String> unthrottledSends() {
        Map<String, String> p = new HashMap<>();
        for (String bucket : new String[] {"overall", "per-group", "per-chat"}) {
            p.put("teahouse.telegram.send-limits." + bucket + ".capacity", "100000");
            p.put("teahouse.telegram.send-limits." + bucket + ".refill", "100000");
            p.put("teahouse.telegram.send-limits." + bucket + ".period", "1s");
        }
        return p;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
