package com.teahouse.channel.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.cases.CaseEvent;
import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import com.teahouse.store.internal.EmbeddedRedis;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import redis.clients.jedis.JedisPooled;

/**
 * F10: the web chat's cookie is __Host-prefixed (Secure, Path=/, no Domain) over HTTPS or when configured, and
 * stays usable on plain http for development; after a complaint the id rotates: the earlier id reads nothing any
 * more, and the browser that got the new id keeps its chat and transcript.
 */
class WebSessionsTest {

    @TempDir
    Path data;
    EmbeddedRedis server;
    JedisPooled jedis;
    RedisStore store;
    WebTranscript transcript;
    ChatRotation rotation;

    @BeforeEach
    void start() {
        server = EmbeddedRedis.start(data.resolve("redis"));
        jedis = new JedisPooled(URI.create(server.url()));
        store = new RedisStore(jedis, "t:");
        transcript = new WebTranscript(store, new WebRetention(Duration.ofDays(2)));
        rotation = new ChatRotation(store);
    }

    @AfterEach
    void stop() {
        jedis.close();
        server.close();
    }

    WebSessions sessions(boolean alwaysSecure) {
        return new WebSessions(store, new ChatCookies(new WebSessionProperties(alwaysSecure)));
    }

    @Test
    void overHttpsTheCookieIsHostPrefixed() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        sessions(false).current(request(true), response);
        assertThat(response.getHeaders("Set-Cookie")).singleElement().satisfies(c -> assertThat(c)
                .startsWith("__Host-teahouse_chat=").contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax")
                .doesNotContainIgnoringCase("Domain"));
    }

    @Test
    void configuredSecureIsHostPrefixedWhateverTheRequest() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        sessions(true).current(request(false), response);
        assertThat(response.getHeader("Set-Cookie")).startsWith("__Host-teahouse_chat=").contains("Secure");
    }

    @Test
    void plainHttpForLocalDevelopmentKeepsThePlainName() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        WebSessions s = sessions(false);
        String chat = s.current(request(false), response);
        assertThat(response.getHeader("Set-Cookie")).startsWith("teahouse_chat=" + chat).doesNotContain("Secure");
        MockHttpServletResponse again = new MockHttpServletResponse();
        assertThat(s.current(request(false, new Cookie("teahouse_chat", chat)), again)).isEqualTo(chat);
        assertThat(again.getHeaders("Set-Cookie")).isEmpty();
    }

    @Test
    void anHttpEraCookieMovesToTheHostNameOverHttps() {
        WebSessions s = sessions(false);
        String chat = s.current(request(false), new MockHttpServletResponse());
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(s.current(request(true, new Cookie("teahouse_chat", chat)), response)).isEqualTo(chat);
        assertThat(response.getHeaders("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("__Host-teahouse_chat=" + chat)).anySatisfy(c -> assertThat(c)
                .startsWith("teahouse_chat=;").contains("Max-Age=0"));
    }

    @Test
    void theIdRotatesAfterAComplaintAndTheEarlierOneReadsNothing() {
        WebSessions s = sessions(false);
        String first = s.current(request(false), new MockHttpServletResponse());
        transcript.append(first, TranscriptLine.user("我要投诉"));
        rotation.on(new CaseEvent.CaseOpened("QY-261202-0001-X", Address.of("web", first)));

        MockHttpServletResponse rotated = new MockHttpServletResponse();
        assertThat(s.current(request(false, new Cookie("teahouse_chat", first)), rotated)).isEqualTo(first);
        String second = value(rotated);
        assertThat(second).isNotEqualTo(first);

        // the browser with the new id: the same chat, its transcript readable, no further cookie
        MockHttpServletResponse same = new MockHttpServletResponse();
        String chat = s.current(request(false, new Cookie("teahouse_chat", second)), same);
        assertThat(chat).isEqualTo(first);
        assertThat(same.getHeaders("Set-Cookie")).isEmpty();
        assertThat(transcript.after(chat, null)).hasSize(1);

        // a request the browser had in flight with the earlier id, within the grace: led to the same new id
        MockHttpServletResponse inFlight = new MockHttpServletResponse();
        assertThat(s.current(request(false, new Cookie("teahouse_chat", first)), inFlight)).isEqualTo(first);
        assertThat(value(inFlight)).isEqualTo(second);

        // once the grace is over (its marker expired), the earlier id (leaked, planted) gets a fresh, empty chat
        jedis.del("t:web:rotated:" + first);
        MockHttpServletResponse leaked = new MockHttpServletResponse();
        String other = s.current(request(false, new Cookie("teahouse_chat", first)), leaked);
        assertThat(other).isNotEqualTo(first);
        assertThat(transcript.after(other, null)).isEmpty();

        // a second complaint rotates again
        rotation.on(new CaseEvent.CaseOpened("QY-261202-0002-X", Address.of("web", first)));
        MockHttpServletResponse again = new MockHttpServletResponse();
        assertThat(s.current(request(false, new Cookie("teahouse_chat", second)), again)).isEqualTo(first);
        String third = value(again);
        assertThat(s.current(request(false, new Cookie("teahouse_chat", third)), new MockHttpServletResponse()))
                .isEqualTo(first);
        jedis.del("t:web:rotated:" + second);
        assertThat(s.current(request(false, new Cookie("teahouse_chat", second)), new MockHttpServletResponse()))
                .isNotEqualTo(first);

        // ending the chat on that device: its current id and the chat's own are refused
        assertThat(s.end(request(false, new Cookie("teahouse_chat", third)), new MockHttpServletResponse()))
                .contains(first);
        assertThat(s.current(request(false, new Cookie("teahouse_chat", third)), new MockHttpServletResponse()))
                .isNotEqualTo(first);
    }

    @Test
    void aTelegramComplaintRotatesNothing() {
        WebSessions s = sessions(false);
        String chat = s.current(request(false), new MockHttpServletResponse());
        rotation.on(new CaseEvent.CaseOpened("QY-261202-0003-X", Address.of("telegram", chat)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(s.current(request(false, new Cookie("teahouse_chat", chat)), response)).isEqualTo(chat);
        assertThat(response.getHeaders("Set-Cookie")).isEmpty();
    }

    private static MockHttpServletRequest request(boolean secure, Cookie... cookies) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setSecure(secure);
        if (cookies.length > 0) {
            r.setCookies(cookies);
        }
        return r;
    }

    private static String value(MockHttpServletResponse response) {
        List<String> set = response.getHeaders("Set-Cookie");
        assertThat(set).hasSize(1);
        String c = set.get(0);
        return c.substring(c.indexOf('=') + 1, c.indexOf(';'));
    }
}
