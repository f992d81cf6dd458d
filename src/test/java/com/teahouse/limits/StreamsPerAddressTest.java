package com.teahouse.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.teahouse.testsupport.EventStreams;
import com.teahouse.testsupport.TestHotline;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F5, the part a per-chat cap cannot cover: a chat costs nothing to make, so one client address could hold any
 * number of streams, three per fresh chat. An address holds at most {@code streams-per-address} of them in an
 * instance; one more is a 429, and a closed stream gives its place back.
 */
class StreamsPerAddressTest {

    @TempDir
    Path data;

    @Test
    void oneAddressHoldsOnlySoManyStreamsWhateverTheChats() throws Exception {
        try (TestHotline app = TestHotline.start(data, Map.of(
                "teahouse.limits.streams-per-address", "4",
                "teahouse.limits.heartbeat", "250ms",
                "teahouse.limits.client-address.capacity", "100000",
                "teahouse.limits.client-address.refill", "100000",
                "teahouse.limits.client-address.period", "1s"))) {
            LiveStreams streams = app.bean(LiveStreams.class);
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket("127.0.0.1", app.port());
                    assertThat(status(s)).as("stream %d", i).isEqualTo(200);
                    open.add(s);
                }
                assertThat(streams.ofAddress("127.0.0.1")).isEqualTo(4);
                try (Socket refused = new Socket("127.0.0.1", app.port())) {
                    assertThat(status(refused)).as("a fifth stream from the same address").isEqualTo(429);
                }
                assertThat(streams.size()).isEqualTo(4);

                open.remove(0).close(); // the heartbeat finds it gone and gives its place back
                await().atMost(Duration.ofSeconds(30)).until(() -> streams.ofAddress("127.0.0.1") == 3);
                Socket again = new Socket("127.0.0.1", app.port());
                open.add(again);
                assertThat(status(again)).isEqualTo(200);
            } finally {
                for (Socket s : open) {
                    s.close();
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> streams.ofAddress("127.0.0.1") == 0);
        }
    }

    /** Opens a web chat stream without a cookie (a fresh chat each time) and reads the status line. */
    private static int status(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        return EventStreams.status(EventStreams.head(socket, "/api/chat/events", null));
    }
}
