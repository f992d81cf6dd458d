package com.teahouse.channel.web.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.teahouse.messaging.Button;
import com.teahouse.messaging.RichText;
import java.util.List;

/**
 * One line of a web chat as the page gets it. {@code edits} names the line this one replaces. The page renders
 * every field with textContent: nothing here is ever interpreted as HTML.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TranscriptLine(String id, String from, List<RichText.Span> spans, List<List<Button>> buttons, String edits,
        String file) {

    static TranscriptLine user(String text) {
        return new TranscriptLine(null, "user", List.of(new RichText.Span(text, false)), null, null, null);
    }

    static TranscriptLine notice(String text) {
        return new TranscriptLine(null, "notice", List.of(new RichText.Span(text, false)), null, null, null);
    }

    TranscriptLine withId(String newId) {
        return new TranscriptLine(newId, from, spans, buttons, edits, file);
    }
}
