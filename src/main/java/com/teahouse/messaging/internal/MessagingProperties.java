package com.teahouse.messaging.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param shards   lanes across all instances; a chat always maps to the same one
 * @param workers  threads that run conversation steps in this instance
 * @param leaseTtl how long an instance owns a lane without renewing (a crashed instance's lanes move after it)
 * @param maxQueuedPerChat messages one chat may have waiting in its lane; more are refused at the inbox, so one
 *                 flooding chat cannot starve the other chats of its lane
 * @param stopWait how long a stopping instance waits for its steps in flight (and its replies being sent); a step
 *                 still running then is abandoned, which its lane's fencing makes safe
 */
@ConfigurationProperties("teahouse.messaging")
public record MessagingProperties(Integer shards, Integer workers, Duration leaseTtl, Integer senders,
        Integer maxQueuedPerChat, Duration stopWait) {

    public MessagingProperties {
        shards = shards == null ? 16 : shards;
        workers = workers == null ? 8 : workers;
        senders = senders == null ? 8 : senders;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(10) : leaseTtl;
        maxQueuedPerChat = maxQueuedPerChat == null ? 50 : maxQueuedPerChat;
        stopWait = stopWait == null ? Duration.ofSeconds(5) : stopWait;
    }
}
