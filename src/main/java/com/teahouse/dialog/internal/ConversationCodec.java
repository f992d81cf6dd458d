package com.teahouse.dialog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own JSON for the stored conversation (no Java serialization, no Kryo): readable in redis-cli and
 * tolerant of fields added or dropped between versions. An unreadable state starts the chat afresh rather
 * than failing every message of that chat forever.
 */
final class ConversationCodec {

    private static final Logger log = LoggerFactory.getLogger(ConversationCodec.class);

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());

    Conversation read(String json) {
        if (json == null || json.isBlank()) {
            return new Conversation();
        }
        try {
            Conversation c = mapper.readValue(json, Conversation.class);
            return c == null ? new Conversation() : c;
        } catch (JsonProcessingException e) {
            log.warn("A stored conversation could not be read ({}); the chat starts afresh", e.getOriginalMessage());
            return new Conversation();
        }
    }

    String write(Conversation conversation) {
        try {
            return mapper.writeValueAsString(conversation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Conversation not serialisable: " + e.getOriginalMessage(), e);
        }
    }
}
