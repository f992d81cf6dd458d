package com.teahouse.channel.telegram.internal;

import com.teahouse.messaging.RichText;

/**
 * Renders {@link RichText} as Telegram HTML. Every span is escaped, so whatever a user typed arrives as text;
 * only our own bold marks become tags. Over-long texts are cut to Telegram's limit with a visible ellipsis.
 */
final class TelegramFormat {

    static final int MAX_TEXT = 4096;

    private TelegramFormat() {
    }

    static String html(RichText text) {
        StringBuilder sb = new StringBuilder();
        int budget = MAX_TEXT - 1;
        for (RichText.Span span : text.spans()) {
            if (budget <= 0) {
                break;
            }
            String part = span.text().length() > budget ? span.text().substring(0, budget) + "…" : span.text();
            budget -= part.length();
            String escaped = escape(part);
            sb.append(span.bold() ? "<b>" + escaped + "</b>" : escaped);
        }
        return sb.length() == 0 ? "…" : sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
