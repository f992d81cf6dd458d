package com.teahouse.staff.internal;

import com.teahouse.cases.CaseEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for open console pages (SSE): the number of a case that changed; the page then re-reads what it
 * shows. Events of this instance only: pages on another instance catch up on their next change or reconnect.
 */
@RestController
class ConsoleStream {

    private final List<SseEmitter> open = new CopyOnWriteArrayList<>();

    @GetMapping("/staff/api/stream")
    SseEmitter follow() {
        SseEmitter emitter = new SseEmitter(0L);
        open.add(emitter);
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(() -> open.remove(emitter));
        emitter.onError(e -> open.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("hello").data("ok"));
        } catch (IOException e) {
            open.remove(emitter);
        }
        return emitter;
    }

    @EventListener
    void changed(CaseEvent event) {
        for (SseEmitter emitter : open) {
            try {
                emitter.send(SseEmitter.event().name("case").data(event.trackingNumber()));
            } catch (IOException | IllegalStateException e) {
                open.remove(emitter);
            }
        }
    }
}
