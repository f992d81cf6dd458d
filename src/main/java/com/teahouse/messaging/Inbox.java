package com.teahouse.messaging;

import com.teahouse.messaging.internal.InboxWriter;
import com.teahouse.store.StoreUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where channels hand over what users did. Once {@link #accept} returns, the messages are durably stored
 * and will be handled exactly once, in order per chat; only then may a channel confirm receipt.
 */
@Component
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final InboxWriter writer;

    Inbox(InboxWriter writer) {
        this.writer = writer;
    }

    /**
     * Stores the batch in one round trip. Throws {@link StoreUnavailable} when Redis is down. Returns the messages
     * refused because their chat already has as many waiting in its lane as it may (the caller says "slow down").
     */
    public List<Inbound> accept(List<Inbound> messages) {
        return writer.write(messages);
    }

    /**
     * Stores the batch, waiting out a Redis outage: for pollers that confirm receipt as soon as this returns.
     * Returns false only if the thread was interrupted (shutdown) before the batch was stored.
     */
    public boolean acceptUntilStored(List<Inbound> messages) {
        return acceptUntilStored(messages, refused -> { });
    }

    /** As {@link #acceptUntilStored(List)}; the messages refused for a full chat queue go to {@code refused}. */
    public boolean acceptUntilStored(List<Inbound> messages, Consumer<List<Inbound>> refused) {
        long backoff = 100;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                List<Inbound> over = writer.write(messages);
                if (!over.isEmpty()) {
                    refused.accept(over);
                }
                return true;
            } catch (StoreUnavailable e) {
                log.warn("Inbox not writable ({}); holding {} update(s) and retrying in {} ms",
                        e.getMessage(), messages.size(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                backoff = Math.min(backoff * 2, Duration.ofSeconds(5).toMillis());
            }
        }
        return false;
    }
}
