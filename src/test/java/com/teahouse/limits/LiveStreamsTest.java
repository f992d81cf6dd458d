package com.teahouse.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.testsupport.EventStreams;
import com.teahouse.testsupport.TestHotline;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live streams cannot exhaust the server: abandoned ones are found by the heartbeat and released (open file
 * descriptors of this JVM, which also runs the server, come back to where they were), and a chat holds at most
 * three at a time.
 */
class LiveStreamsTest {

    @TempDir
    static Path data;
    static TestHotline app;
    static LiveStreams streams;

    @BeforeAll
    static void start() {
        app = TestHotline.start(data, Map.of(
                "teahouse.limits.heartbeat", "250ms",
                "teahouse.limits.stream-timeout", "30m", // only the heartbeat may find the abandoned ones
                "teahouse.limits.streams-per-address", "2000", // all of them come from 127.0.0.1
                "teahouse.limits.client-address.capacity", "100000",
                "teahouse.limits.client-address.refill", "100000",
                "teahouse.limits.client-address.period", "1s"));
        streams = app.bean(LiveStreams.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aThousandAbandonedStreamsGiveBackTheirFileDescriptors() throws Exception {
        close(List.of(openStream(null))); // warm up: the first request loads classes and opens jars
        await().atMost(Duration.ofSeconds(30)).until(() -> streams.size() == 0);
        long baseline = openFds();

        List<Socket> abandoned = new CopyOnWriteArrayList<>();
        ExecutorService pages = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 1000; i++) {
            pages.submit(() -> abandoned.add(openStream(null)));
        }
        pages.shutdown();
        assertThat(pages.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        assertThat(abandoned).hasSize(1000);
        long open = openFds();
        int live = streams.size();
        close(abandoned); // the pages went away without a word

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> streams.size() == 0 && openFds() <= baseline + 10);
        System.out.printf("[limits] open fds: baseline %d, with 1,000 streams %d (%d live), after abandoning them %d; "
                + "owners left %d%n", baseline, open, live, openFds(), streams.owners());
        assertThat(live).isEqualTo(1000);
        assertThat(streams.owners()).as("the followers map shrinks back").isZero();
    }

    @Test
    void aChatHoldsAtMostThreeStreamsAndTheOldestIsClosed() throws Exception {
        WebClient client = new WebClient(app.baseUrl());
        String chat = client.open();
        List<Socket> pages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pages.add(openStream(chat));
        }
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> streams.size() == 3);
            for (int i = 0; i < 2; i++) {
                assertThat(readsToEnd(pages.get(i))).as("page %d was closed", i).isTrue();
            }
        } finally {
            close(pages);
        }
    }

    private static Socket openStream(String chat) throws IOException {
        Socket socket = new Socket("127.0.0.1", app.port());
        socket.setSoTimeout(30_000);
        String head = EventStreams.head(socket, "/api/chat/events", chat == null ? null : "teahouse_chat=" + chat);
        if (!head.startsWith("HTTP/1.1 200")) {
            throw new IOException("not a stream: " + head);
        }
        return socket;
    }

    /** True when the server ended the stream (the chunked body's last chunk, or the connection closed). */
    private static boolean readsToEnd(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder seen = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            seen.append((char) b);
            if (seen.toString().endsWith("0\r\n\r\n")) {
                return true;
            }
        }
        return true;
    }

    private static void close(List<Socket> sockets) {
        sockets.forEach(s -> {
            try {
                s.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static long openFds() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }
}
