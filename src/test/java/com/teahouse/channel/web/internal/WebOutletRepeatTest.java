package com.teahouse.channel.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.messaging.Address;
import com.teahouse.messaging.ChannelOutlet.Delivery;
import com.teahouse.messaging.Outbound;
import com.teahouse.messaging.RichText;
import com.teahouse.store.RedisStore;
import com.teahouse.store.internal.EmbeddedRedis;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * The outbox hands a reply over again when the instance died between delivering it and acknowledging it (seen in
 * CI: a web chat showed the same form step twice after a kill -9). On the web chat the delivery is a Redis write,
 * so a repeat of the same delivery is recognised and the line appears once.
 */
class WebOutletRepeatTest {

    @TempDir
    Path data;
    EmbeddedRedis server;
    JedisPooled jedis;
    WebTranscript transcript;
    WebOutlet outlet;

    @BeforeEach
    void start() {
        server = EmbeddedRedis.start(data.resolve("redis"));
        jedis = new JedisPooled(URI.create(server.url()));
        transcript = new WebTranscript(new RedisStore(jedis, "t:"), new WebRetention(Duration.ofDays(2)));
        outlet = new WebOutlet(transcript);
    }

    @AfterEach
    void stop() {
        jedis.close();
        server.close();
    }

    @Test
    void theSameDeliveryHandedOverTwiceIsOneLine() {
        Outbound reply = Outbound.send(new Address("web", "s-1", null), RichText.plain("第 3 步：发生地点"), List.of());
        Delivery first = outlet.deliver(reply, "4-1700000000000-0");
        Delivery again = outlet.deliver(reply, "4-1700000000000-0");
        assertThat(again.ref()).isEqualTo(first.ref());
        assertThat(transcript.after("s-1", null)).hasSize(1);
        assertThat(jedis.ttl("t:web:transcript:s-1")).isBetween(1L, Duration.ofDays(2).toSeconds());
    }

    @Test
    void distinctDeliveriesOfTheSameTextAreEachShown() {
        Outbound reply = Outbound.send(new Address("web", "s-2", null), RichText.plain("好的"), List.of());
        outlet.deliver(reply, "4-1700000000000-0");
        outlet.deliver(reply, "4-1700000000000-1");
        outlet.deliver(reply);
        assertThat(transcript.after("s-2", null)).hasSize(3);
    }
}
