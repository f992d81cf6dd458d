package com.teahouse.channel.web.internal;

import com.teahouse.channel.web.WebChannel;
import com.teahouse.messaging.ChannelOutlet;
import com.teahouse.messaging.Outbound;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;

/** Delivers replies to a web chat by appending them to its transcript, which pages follow live. */
@Component
class WebOutlet implements ChannelOutlet {

    private final WebTranscript transcript;

    WebOutlet(WebTranscript transcript) {
        this.transcript = transcript;
    }

    @Override
    public String channel() {
        return WebChannel.NAME;
    }

    @Override
    public Delivery deliver(Outbound out) {
        return deliver(out, null);
    }

    /** Once per delivery id: a reply handed over again after a crash is not appended to the transcript twice. */
    @Override
    public Delivery deliver(Outbound out, String deliveryId) {
        if (out.action() == Outbound.Action.ACK) {
            return Delivery.delivered();
        }
        if (out.action() == Outbound.Action.OPEN_THREAD || out.action() == Outbound.Action.CLOSE_THREAD
                || out.action() == Outbound.Action.REOPEN_THREAD) {
            return Delivery.failed("the web chat has no threads");
        }
        List<com.teahouse.messaging.RichText.Span> spans = out.text() == null ? List.of() : out.text().spans();
        String file = out.attachment() == null ? null
                : out.attachment().fileName() != null ? out.attachment().fileName() : out.attachment().kind();
        String edits = out.action() == Outbound.Action.EDIT ? out.messageRef() : null;
        try {
            return Delivery.delivered(
                    transcript.appendOnce(out.to().chat(), deliveryId,
                            new TranscriptLine(null, "bot", spans, out.buttons(), edits, file)));
        } catch (JedisException e) {
            return Delivery.retry(Duration.ofSeconds(1), "redis: " + e.getMessage());
        }
    }
}
