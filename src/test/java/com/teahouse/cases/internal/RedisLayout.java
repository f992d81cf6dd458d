package com.teahouse.cases.internal;

import com.teahouse.store.RedisStore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.Tuple;

/**
 * What Redis holds about some cases, with their numbers replaced by their places ({@code #0}, {@code #1}…), to
 * compare two sets of cases that lived the same lives: every key that names one of them whole, and the entries of
 * the other keys that name one (index members, item members, hash fields and values). Left out: operation ids
 * ({@code case-op:*}, random for merges), the per-day number counters, the submissions (their ids differ), the
 * notices stream and the 并单 candidates (written by the hotline for people, not by the scripts the loader runs).
 */
final class RedisLayout {

    private static final List<String> SKIPPED = List.of("case-op:", "seq:", "case:by-submission:", "cases:notices",
            "similar");

    private RedisLayout() {
    }

    static String named(String text, List<String> numbers) {
        for (int i = 0; i < numbers.size(); i++) {
            text = text.replace(numbers.get(i), "#" + i);
        }
        return text;
    }

    static Map<String, Object> dump(RedisStore redis, List<String> numbers) {
        Map<String, Object> out = new TreeMap<>();
        var jedis = redis.jedis();
        for (String key : keys(redis, "*")) {
            String bare = key.substring(redis.prefix().length());
            if (SKIPPED.stream().anyMatch(bare::contains)) {
                continue;
            }
            boolean whole = !named(bare, numbers).equals(bare);
            Object content = switch (jedis.type(key)) {
                case "hash" -> new TreeMap<>(jedis.hgetAll(key).entrySet().stream()
                        .filter(e -> !e.getKey().equals("submissionId"))
                        .filter(e -> whole || mentions(e.getKey() + "=" + e.getValue(), numbers))
                        .collect(Collectors.toMap(e -> named(e.getKey(), numbers), e -> named(e.getValue(), numbers))));
                case "set" -> jedis.smembers(key).stream().filter(m -> whole || mentions(m, numbers))
                        .map(m -> named(m, numbers)).collect(Collectors.toCollection(TreeSet::new));
                case "zset" -> jedis.zrangeWithScores(key, 0, -1).stream()
                        .filter(t -> whole || mentions(t.getElement(), numbers))
                        .collect(Collectors.toMap(t -> named(t.getElement(), numbers), Tuple::getScore, (a, b) -> a,
                                TreeMap::new));
                case "stream" -> whole ? jedis.xrange(key, (StreamEntryID) null, (StreamEntryID) null).stream()
                        .map(e -> named(new TreeMap<>(e.getFields()).toString(), numbers)).toList() : List.of();
                case "string" -> whole || mentions(jedis.get(key), numbers) ? named(jedis.get(key), numbers) : "";
                default -> whole ? jedis.type(key) : "";
            };
            boolean empty = content instanceof Map<?, ?> m ? m.isEmpty()
                    : content instanceof java.util.Collection<?> c ? c.isEmpty() : "".equals(content);
            if (whole || !empty) {
                out.put(named(bare, numbers), content);
            }
        }
        return out;
    }

    /** The report counters: every day's and month's hash. */
    static Map<String, Map<String, String>> counters(RedisStore redis) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (String key : keys(redis, "reports:day:*")) {
            out.put(key, new TreeMap<>(redis.jedis().hgetAll(key)));
        }
        for (String key : keys(redis, "reports:month:*")) {
            out.put(key, new TreeMap<>(redis.jedis().hgetAll(key)));
        }
        return out;
    }

    private static boolean mentions(String text, List<String> numbers) {
        return numbers.stream().anyMatch(text::contains);
    }

    private static TreeSet<String> keys(RedisStore redis, String pattern) {
        TreeSet<String> keys = new TreeSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.jedis().scan(cursor, new ScanParams().match(redis.key(pattern)).count(1000));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }
}
