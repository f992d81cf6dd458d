package com.teahouse.channel.telegram.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * parse_mode=HTML the way Telegram (tdlib) does it: only the documented tags, offsets in UTF-16
 * units, errors quoting UTF-8 byte offsets. Stricter than Telegram in one respect: a bare
 * {@code >} or {@code &} is rejected, because the Bot API docs require them to be escaped and a
 * bot that forgets it will break on the first user text containing {@code <}.
 */
final class HtmlEntityParser {
    record Parsed(String text, ArrayNode entities) {
    }

    private record Open(String tag, ObjectNode entity, int start) {
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("b", "bold"), Map.entry("strong", "bold"), Map.entry("i", "italic"), Map.entry("em", "italic"),
            Map.entry("u", "underline"), Map.entry("ins", "underline"), Map.entry("s", "strikethrough"),
            Map.entry("strike", "strikethrough"), Map.entry("del", "strikethrough"), Map.entry("span", "spoiler"),
            Map.entry("tg-spoiler", "spoiler"), Map.entry("a", "text_link"), Map.entry("code", "code"),
            Map.entry("pre", "pre"), Map.entry("blockquote", "blockquote"), Map.entry("tg-emoji", "custom_emoji"));
    private static final Map<String, String> NAMED = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");

    private HtmlEntityParser() {
    }

    static Parsed parse(String html) {
        StringBuilder text = new StringBuilder();
        ArrayNode entities = Json.MAPPER.createArrayNode();
        Deque<Open> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '&') {
                int semi = html.indexOf(';', i);
                String name = semi < 0 ? "" : html.substring(i + 1, semi);
                String decoded = decode(name);
                if (decoded == null) {
                    throw error("Character '&' is reserved and must be escaped as &amp; at byte offset " + bytes(html, i));
                }
                text.append(decoded);
                i = semi + 1;
            } else if (c == '>') {
                throw error("Character '>' is reserved and must be escaped as &gt; at byte offset " + bytes(html, i));
            } else if (c != '<') {
                text.append(c);
                i++;
            } else {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    throw error("Unclosed start tag at byte offset " + bytes(html, i));
                }
                String inside = html.substring(i + 1, end);
                if (inside.startsWith("/")) {
                    closeTag(html, i, inside.substring(1).trim().toLowerCase(Locale.ROOT), open, text, entities);
                } else {
                    open.push(openTag(html, i, inside, text.length(), open));
                }
                i = end + 1;
            }
        }
        if (!open.isEmpty()) {
            throw error("Can't find end tag corresponding to start tag \"" + open.peek().tag() + "\"");
        }
        return new Parsed(text.toString(), entities);
    }

    private static Open openTag(String html, int at, String inside, int start, Deque<Open> open) {
        String tag = inside.split("[\\s/]", 2)[0].toLowerCase(Locale.ROOT);
        String type = TYPES.get(tag);
        if (type == null) {
            throw error("Unsupported start tag \"" + tag + "\" at byte offset " + bytes(html, at));
        }
        Map<String, String> attributes = attributes(inside.substring(tag.length()));
        ObjectNode entity = Json.object().put("type", type);
        switch (tag) {
            case "span" -> {
                if (!"tg-spoiler".equals(attributes.get("class"))) {
                    throw error("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + bytes(html, at));
                }
            }
            case "a" -> {
                String href = attributes.getOrDefault("href", "");
                entity.put("type", href.isEmpty() ? "url" : "text_link");
                if (!href.isEmpty()) {
                    entity.put("url", href);
                }
            }
            case "tg-emoji" -> {
                if (!attributes.containsKey("emoji-id")) {
                    throw error("Custom emoji identifier must be specified at byte offset " + bytes(html, at));
                }
                entity.put("custom_emoji_id", attributes.get("emoji-id"));
            }
            case "blockquote" -> {
                if (attributes.containsKey("expandable")) {
                    entity.put("type", "expandable_blockquote");
                }
            }
            case "code" -> {
                String cls = attributes.getOrDefault("class", "");
                Open parent = open.peek();
                if (cls.startsWith("language-") && parent != null && parent.tag().equals("pre")) {
                    parent.entity().put("language", cls.substring(9));
                }
            }
            default -> {
            }
        }
        return new Open(tag, entity, start);
    }

    private static void closeTag(String html, int at, String tag, Deque<Open> open, StringBuilder text, ArrayNode out) {
        if (open.isEmpty()) {
            throw error("Unexpected end tag at byte offset " + bytes(html, at));
        }
        Open top = open.pop();
        if (!top.tag().equals(tag)) {
            throw error("Unmatched end tag at byte offset " + bytes(html, at) + ", expected \"</" + top.tag()
                    + ">\", found \"</" + tag + ">\"");
        }
        int length = text.length() - top.start();
        if (length > 0) {
            out.add(top.entity().put("offset", top.start()).put("length", length));
        }
    }

    private static Map<String, String> attributes(String source) {
        Map<String, String> attributes = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(source);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            attributes.put(m.group(1).toLowerCase(Locale.ROOT), value == null ? "" : unescape(value));
        }
        return attributes;
    }

    private static String unescape(String value) {
        return value.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static String decode(String name) {
        if (NAMED.containsKey(name)) {
            return NAMED.get(name);
        }
        try {
            if (name.matches("#[0-9]{1,7}")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
            if (name.matches("#[xX][0-9a-fA-F]{1,6}")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static int bytes(String s, int charIndex) {
        return s.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    static BotApiError error(String detail) {
        return BotApiError.badRequest("can't parse entities: " + detail);
    }
}
