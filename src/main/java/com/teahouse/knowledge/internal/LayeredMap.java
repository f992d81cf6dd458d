package com.teahouse.knowledge.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An immutable map made of a large base and the few keys changed since (a removed key maps to a tombstone), so the
 * next generation of a 10,000-entry map after a publish costs a copy of the changes, not of the 10,000 entries.
 * Once the changes reach {@link #COMPACT_AT} they are folded into a new base, so a lookup stays two probes at most
 * and the copies stay small. Null values are not allowed.
 */
final class LayeredMap<V> extends AbstractMap<String, V> {

    /** Changes kept beside the base before they are folded into it. */
    static final int COMPACT_AT = 256;
    private static final Object REMOVED = new Object();

    private final Map<String, V> base;
    private final Map<String, Object> changes;
    private final int size;

    private LayeredMap(Map<String, V> base, Map<String, Object> changes, int size) {
        this.base = base;
        this.changes = changes;
        this.size = size;
    }

    /** {@code from} with {@code put} put (null values: the key removed); {@code from} itself is left as it is. */
    static <V> Map<String, V> patch(Map<String, V> from, Map<String, V> put) {
        LayeredMap<V> layered = from instanceof LayeredMap<V> l ? l : new LayeredMap<>(from, Map.of(), from.size());
        Map<String, Object> changes = new HashMap<>(layered.changes);
        int size = layered.size;
        for (Map.Entry<String, V> p : put.entrySet()) {
            boolean had = layered.containsKey(p.getKey());
            changes.put(p.getKey(), p.getValue() == null ? REMOVED : p.getValue());
            size += (p.getValue() != null ? 1 : 0) - (had ? 1 : 0);
        }
        LayeredMap<V> next = new LayeredMap<>(layered.base, changes, size);
        return changes.size() < COMPACT_AT ? next : Map.copyOf(next);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        Object changed = changes.get(key);
        if (changed != null) {
            return changed == REMOVED ? null : (V) changed;
        }
        return base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            @SuppressWarnings("unchecked")
            public Iterator<Entry<String, V>> iterator() {
                Stream<Entry<String, V>> kept = base.entrySet().stream().filter(e -> !changes.containsKey(e.getKey()));
                Stream<Entry<String, V>> changed = changes.entrySet().stream().filter(e -> e.getValue() != REMOVED)
                        .map(e -> Map.entry(e.getKey(), (V) e.getValue()));
                return Stream.concat(kept, changed).iterator();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
