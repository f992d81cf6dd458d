package com.teahouse.channel.telegram.fake;

import java.nio.charset.StandardCharsets;

/**
 * A deliberately small model of parse_mode MarkdownV2 / Markdown: enough to catch the errors bots
 * really make (unescaped reserved characters, unclosed entities) and to measure the text length
 * after parsing. It does not produce entities.
 */
final class MarkdownEntityParser {
    private static final String V2_RESERVED = "_*[]()~`>#+-=|{}.!";

    private MarkdownEntityParser() {
    }

    static String plainText(String source, boolean v2) {
        return v2 ? v2(source) : legacy(source);
    }

    private static String v2(String s) {
        StringBuilder text = new StringBuilder();
        String openMarker = null;
        int openAt = 0;
        boolean inLinkUrl = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                text.append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            boolean lineStart = i == 0 || s.charAt(i - 1) == '\n';
            if ("`".equals(openMarker) && c != '`') {
                text.append(c);
                i++;
                continue;
            }
            String marker = s.startsWith("||", i) ? "||" : s.startsWith("__", i) ? "__" : s.startsWith("```", i) ? "```"
                    : "*_~`".indexOf(c) >= 0 ? String.valueOf(c) : null;
            if (marker != null) {
                if (openMarker == null) {
                    openMarker = marker;
                    openAt = i;
                } else if (openMarker.equals(marker)) {
                    openMarker = null;
                }
                i += marker.length();
            } else if (c == '[' || c == ']' && !inLinkUrl) {
                i++;
            } else if (c == '(' && i > 0 && s.charAt(i - 1) == ']') {
                inLinkUrl = true;
                i++;
            } else if (inLinkUrl) {
                inLinkUrl = c != ')';
                i++;
            } else if (c == '>' && lineStart) {
                i++;
            } else if (V2_RESERVED.indexOf(c) >= 0) {
                throw HtmlEntityParser.error("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
            } else {
                text.append(c);
                i++;
            }
        }
        if (openMarker != null) {
            throw HtmlEntityParser.error("Can't find end of the entity starting at byte offset " + bytes(s, openAt));
        }
        return text.toString();
    }

    private static String legacy(String s) {
        StringBuilder text = new StringBuilder();
        char open = 0;
        int openAt = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && open == 0) {
                text.append(s.charAt(++i));
            } else if ("*_`[".indexOf(c) >= 0 && open == 0) {
                open = c == '[' ? ']' : c;
                openAt = i;
            } else if (c == open) {
                open = 0;
                if (c == ']' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                    int close = s.indexOf(')', i);
                    i = close < 0 ? s.length() : close;
                }
            } else {
                text.append(c);
            }
        }
        if (open != 0) {
            throw HtmlEntityParser.error("Can't find end of the entity starting at byte offset " + bytes(s, openAt));
        }
        return text.toString();
    }

    private static int bytes(String s, int charIndex) {
        return s.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }
}
