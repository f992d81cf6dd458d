package com.teahouse.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with just enough structure to be rendered safely on every channel: a list of spans, some bold. User
 * input is always a plain span, so each channel escapes it for its own markup; nothing user-typed ever
 * becomes markup.
 */
public record RichText(List<Span> spans) {

    public record Span(String text, boolean bold) {
    }

    public RichText {
        spans = List.copyOf(spans);
    }

    public static RichText plain(String text) {
        return new RichText(List.of(new Span(text, false)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The text without formatting: for lengths, tests and channels without markup. */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        spans.forEach(s -> sb.append(s.text()));
        return sb.toString();
    }

    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        public Builder text(String text) {
            if (text != null && !text.isEmpty()) {
                spans.add(new Span(text, false));
            }
            return this;
        }

        public Builder bold(String text) {
            if (text != null && !text.isEmpty()) {
                spans.add(new Span(text, true));
            }
            return this;
        }

        public Builder append(RichText other) {
            spans.addAll(other.spans());
            return this;
        }

        public RichText build() {
            return new RichText(spans);
        }
    }
}
