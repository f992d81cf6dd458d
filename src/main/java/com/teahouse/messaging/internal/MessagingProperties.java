package com.teahouse.messaging.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param shards   lanes across all instances; a chat always maps to the same one
 * @param workers  threads that run conversation steps in this instance
 * @param leaseTtl how long an instance owns a lane without renewing (a crashed instance's lanes move after it)
 * @param maxQueuedPerChat messages one chat may have waiting in its lane; more are refused at the inbox, so one
 *                 flooding chat cannot starve the other chats of its lane
 */
@ConfigurationProperties("teahouse.messaging")
public record MessagingProperties(Integer shards, Integer workers, Duration leaseTtl, Integer senders,
        Integer maxQueuedPerChat) {

    public MessagingProperties {
        shards = shards == null ? 16 : shards;
        workers = workers == null ? 8 : workers;
        senders = senders == null ? 8 : senders;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(10) : leaseTtl;
        maxQueuedPerChat = maxQueuedPerChat == null ? 50 : maxQueuedPerChat;
    }
}
