package com.teahouse.messaging.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.teahouse.messaging.Inbound;
import com.teahouse.messaging.Outbound;
import org.springframework.stereotype.Component;

/** Our own JSON for what goes through the streams: readable in redis-cli, stable across versions. */
@Component
public class JsonCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable: " + value.getClass().getSimpleName(), e);
        }
    }

    public Inbound inbound(String json) {
        return read(json, Inbound.class);
    }

    public Outbound outbound(String json) {
        return read(json, Outbound.class);
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
