package com.teahouse.cases.internal;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.teahouse.cases.CaseEvent;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The events of one case change as they are stored in the notices stream: a JSON array of objects, each with
 * its kind ({@code "type": "CaseClaimed"}, the record's simple name) and the record's fields. Every kind of
 * {@link CaseEvent} is known without a list to keep up to date (the sealed interface names them).
 */
@Component
class NoticeCodec {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface Typed {
    }

    private static final TypeReference<List<CaseEvent>> LIST = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .addMixIn(CaseEvent.class, Typed.class);

    NoticeCodec() {
        mapper.registerSubtypes(Arrays.stream(CaseEvent.class.getPermittedSubclasses())
                .map(c -> new NamedType(c, c.getSimpleName())).toArray(NamedType[]::new));
    }

    String write(List<CaseEvent> events) {
        try {
            return mapper.writerFor(LIST).writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("case event not serialisable", e);
        }
    }

    /** Throws IllegalArgumentException for an entry this version cannot read (a kind it does not know). */
    List<CaseEvent> read(String json) {
        try {
            return mapper.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable notice: " + e.getOriginalMessage(), e);
        }
    }
}
