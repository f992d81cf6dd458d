package com.teahouse.channel.web.internal;

import com.teahouse.cases.CaseEvent;
import com.teahouse.channel.web.WebChannel;
import com.teahouse.store.RedisStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.params.SetParams;

/**
 * F10: once a web chat has filed a complaint, its id is rotated, so an id that leaked earlier (a shared computer,
 * a planted cookie) reads nothing from then on. The case opens in the message path, not in the browser's request,
 * so this only marks the chat; {@link WebSessions} gives the browser a new id on its next request, and keeps the
 * chat (its transcript, its cases) the same.
 */
@Component
class ChatRotation {

    private final RedisStore store;

    ChatRotation(RedisStore store) {
        this.store = store;
    }

    @EventListener
    void on(CaseEvent.CaseOpened opened) {
        if (opened.owner() != null && WebChannel.NAME.equals(opened.owner().channel())) {
            store.jedis().set(key(store, opened.owner().chat()), "1",
                    SetParams.setParams().ex(WebSessions.LIFETIME.toSeconds()));
        }
    }

    static String key(RedisStore store, String chat) {
        return store.key("web:rotate:" + chat);
    }
}
