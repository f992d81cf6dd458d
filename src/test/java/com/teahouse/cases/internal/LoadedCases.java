package com.teahouse.cases.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * What the case scripts will have left in Redis for the cases of one loading batch, kept in memory while their
 * commands wait in a pipeline: each case's hash, the deadline items ({@code cases:deadlines} and
 * {@code cases:deadlines:first}) and the merged groups. It answers the reads the product's desks make between two
 * changes (a field, the case, the group, the next due item) and says what each script will answer, as open.lua,
 * transition.lua, claim-item.lua and finish-item.lua decide it. {@link PipelinedScripts} compares the real answers
 * with these when the pipeline is synced, so a mirror that drifts from the scripts fails the load.
 */
final class LoadedCases {

    /** A deadline item: {@code <tracking>|<kind>} and when it is due (its score). */
    record Item(long due, String member) {
        String tracking() {
            return member.substring(0, member.lastIndexOf('|'));
        }

        String kind() {
            return member.substring(member.lastIndexOf('|') + 1);
        }
    }

    private final Map<String, Map<String, String>> hashes = new HashMap<>();
    private final Map<String, Long> items = new HashMap<>();
    private final Map<String, String> firsts = new HashMap<>();
    private final Map<String, Set<String>> groups = new HashMap<>();
    /** Every score an item was given, earliest first; an entry whose item moved or went is skipped. */
    private final PriorityQueue<Item> schedule = new PriorityQueue<>(
            Comparator.comparingLong(Item::due).thenComparing(Item::member));

    /** open.lua: the hash as given, and the first dispatch due at once. */
    void opened(String t, Map<String, String> fields, long openedMillis) {
        hashes.put(t, new HashMap<>(fields));
        put(t + "|dispatch", openedMillis);
    }

    Map<String, String> hash(String t) {
        return hashes.get(t);
    }

    List<String> group(String t) {
        return groups.getOrDefault(t, Set.of()).stream().sorted().toList();
    }

    /** transition.lua's checks and writes to the hash, the items and the group; returns its answer. */
    @SuppressWarnings("unchecked")
    List<String> transition(String t, CaseChange a) {
        Map<String, String> h = hashes.get(t);
        if (h == null) {
            return List.of("unknown", "", "");
        }
        String state = h.get("state");
        List<String> refused = List.of("refused", state, h.getOrDefault("claimedByName", ""));
        if (!a.from.contains("*") && !a.from.contains(state)) {
            return refused;
        }
        String claimedBy = h.get("claimedBy");
        if (!a.holder.isEmpty() && claimedBy != null && !claimedBy.isEmpty() && !claimedBy.equals(a.holder)) {
            return refused;
        }
        String into = (String) a.merge.get("into");
        if (into != null) {
            Map<String, String> target = hashes.get(into);
            String category = (String) a.merge.get("category");
            if (into.equals(t) || target == null || !((List<String>) a.merge.get("intoFrom")).contains(
                    target.get("state")) || (!category.isEmpty() && !category.equals(target.get("category")))) {
                return refused;
            }
        }
        if (!a.to.isEmpty()) {
            h.put("state", a.to);
        }
        h.putAll(a.set);
        a.del.forEach(h::remove);
        for (String kind : a.dlRemove) {
            items.remove(t + "|" + kind);
            firsts.remove(t + "|" + kind);
        }
        a.dlAdd.forEach((kind, at) -> {
            put(t + "|" + kind, Long.parseLong(at));
            firsts.remove(t + "|" + kind);
        });
        if (into != null) {
            Set<String> group = groups.computeIfAbsent(into, k -> new HashSet<>());
            if ("1".equals(a.merge.get("join"))) {
                group.add(t);
            } else {
                group.remove(t);
            }
        }
        return List.of("ok", state, h.getOrDefault("claimedByName", ""));
    }

    /** claim-item.lua: the item's first due time when it is due now (and a lease on it), else null. */
    String claimItem(String member, long now, long until) {
        Long due = items.get(member);
        if (due == null || due > now) {
            return null;
        }
        String first = firsts.computeIfAbsent(member, m -> Long.toString(due));
        put(member, until);
        return first;
    }

    /** finish-item.lua: removes the item unless it was given another time meanwhile. */
    Long finishItem(String member, long until) {
        Long due = items.get(member);
        if (due != null && due == until) {
            items.remove(member);
            firsts.remove(member);
            return 1L;
        }
        return 0L;
    }

    /** The earliest item due by {@code limit}, or null. */
    Item nextDue(long limit) {
        while (!schedule.isEmpty()) {
            Item next = schedule.peek();
            Long due = items.get(next.member());
            if (due == null || due != next.due()) {
                schedule.poll();
                continue;
            }
            return next.due() <= limit ? next : null;
        }
        return null;
    }

    void clear() {
        hashes.clear();
        items.clear();
        firsts.clear();
        groups.clear();
        schedule.clear();
    }

    private void put(String member, long due) {
        items.put(member, due);
        schedule.add(new Item(due, member));
    }
}
