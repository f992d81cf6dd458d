package com.teahouse.staff;

import com.teahouse.cases.CaseDesk;
import com.teahouse.cases.CaseRequest;
import com.teahouse.cases.ConversationLine;
import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import com.teahouse.testsupport.HotlineProcesses;
import com.teahouse.testsupport.TestHotline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The hotline as its own process for {@link TopicCrashProcessTest}, on a shared Redis and the fake Bot API, with a
 * staff forum. With an owner chat id as fifth argument it opens a complaint for that chat once started and says
 * {@code test:opened} = the tracking number.
 * Arguments: data dir, Redis URL, Bot API URL, staff forum chat id, [owner chat id].
 */
public final class TopicCrashInstance {

    public static void main(String[] args) {
        Map<String, String> props = HotlineProcesses.instanceProperties(args[1], args[2]);
        props.put("teahouse.telegram.staff-chat-id", args[3]);
        props.put("logging.level.com.teahouse.channel.telegram", "INFO");
        if (args.length > 4) {
            props.put("test.owner-chat", args[4]);
        }
        TestHotline.start(Path.of(args[0]), props, Config.class);
    }

    /** A source for TestHotline; deliberately not @Configuration, so that component scanning never finds it. */
    public static class Config {
        @Bean
        ApplicationListener<ApplicationReadyEvent> openACase(CaseDesk desk, RedisStore redis,
                org.springframework.core.env.Environment env) {
            return ready -> {
                String chat = env.getProperty("test.owner-chat");
                if (chat == null) {
                    return;
                }
                String t = desk.open(new CaseRequest("topic-crash-" + chat, Address.of("telegram", chat), "zh",
                        CaseRequest.Kind.COMPLAINT, "payment", "工程款拖欠半年未付", List.of(), "奎文区",
                        "某某科技有限公司", "91370700MA3C00000X", "张三", "13800000000", false,
                        List.of(ConversationLine.user("我要投诉", null)))).trackingNumber();
                redis.jedis().set("test:opened", t);
            };
        }
    }
}
