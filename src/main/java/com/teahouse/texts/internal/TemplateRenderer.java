package com.teahouse.texts.internal;

import com.teahouse.messaging.RichText;
import java.util.Map;

/** Fills a template: **bold** marks become bold spans, {name} becomes the parameter as plain text. */
public final class TemplateRenderer {

    private TemplateRenderer() {
    }

    public static RichText render(String template, Map<String, ?> params) {
        RichText.Builder out = RichText.builder();
        String[] parts = template.split("\\*\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean bold = i % 2 == 1;
            fill(out, parts[i], params, bold);
        }
        return out.build();
    }

    private static void fill(RichText.Builder out, String part, Map<String, ?> params, boolean bold) {
        int at = 0;
        while (at < part.length()) {
            int open = part.indexOf('{', at);
            int close = open < 0 ? -1 : part.indexOf('}', open);
            if (open < 0 || close < 0) {
                add(out, part.substring(at), bold);
                return;
            }
            String name = part.substring(open + 1, close);
            add(out, part.substring(at, open), bold);
            if (params.containsKey(name)) {
                add(out, String.valueOf(params.get(name)), bold);
            } else {
                add(out, part.substring(open, close + 1), bold);
            }
            at = close + 1;
        }
    }

    private static void add(RichText.Builder out, String text, boolean bold) {
        if (bold) {
            out.bold(text);
        } else {
            out.text(text);
        }
    }
}
