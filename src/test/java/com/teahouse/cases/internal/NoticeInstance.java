package com.teahouse.cases.internal;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseWork;
import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.HotlineProcesses;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The hotline as its own process for {@link NoticeCrashProcessTest}, on a shared Redis and the fake Bot API.
 * With a chat id as fourth argument it opens a case for that Telegram chat once started, has "Li" claim it, and
 * then says {@code test:changed} = the tracking number.
 * Arguments: data dir, Redis URL, Bot API URL, [owner chat id].
 */
public final class NoticeInstance {

    public static void main(String[] args) {
        Map<String, String> props = HotlineProcesses.instanceProperties(args[1], args[2]);
        if (args.length > 3) {
            props.put("test.owner-chat", args[3]);
        }
        TestHotline.start(Path.of(args[0]), props, Config.class);
    }

    /** A source for TestHotline; deliberately not @Configuration, so that component scanning never finds it. */
    public static class Config {
        @Bean
        ApplicationListener<ApplicationReadyEvent> changeACase(CaseDesk desk, CaseWork work, RedisStore redis,
                org.springframework.core.env.Environment env) {
            return ready -> {
                String chat = env.getProperty("test.owner-chat");
                if (chat == null) {
                    return;
                }
                String t = desk.open(Requests.complaint("crash-" + chat, Address.of("telegram", chat), false))
                        .trackingNumber();
                work.claim(t, new Actor("tg:1", "Li"), "crash-claim-" + t);
                redis.jedis().set("test:changed", t);
            };
        }
    }
}
