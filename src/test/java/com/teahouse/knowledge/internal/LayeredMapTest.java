package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A layered map answers as the plain map it stands for, through many patches and past its compactions. */
class LayeredMapTest {

    @Test
    void patchesReadAsTheMapTheyMake() {
        Map<String, Integer> plain = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            plain.put("k" + i, i);
        }
        Map<String, Integer> layered = Map.copyOf(plain);
        Random random = new Random(3);
        for (int round = 0; round < 300; round++) {
            Map<String, Integer> put = new HashMap<>();
            for (int j = 0; j < 1 + random.nextInt(4); j++) {
                String key = "k" + random.nextInt(1100); // some keys new, some removed again
                put.put(key, random.nextInt(5) == 0 ? null : round);
            }
            Map<String, Integer> before = layered;
            Map<String, Integer> beforePlain = new HashMap<>(plain);
            layered = LayeredMap.patch(layered, put);
            put.forEach((k, v) -> {
                if (v == null) {
                    plain.remove(k);
                } else {
                    plain.put(k, v);
                }
            });
            assertEquals(plain, layered);
            assertEquals(layered, plain);
            assertEquals(plain.size(), layered.size());
            assertEquals(plain.hashCode(), layered.hashCode());
            assertEquals(beforePlain, before, "a patch leaves the map it was made from as it was");
        }
        assertNull(layered.get("absent"));
        assertFalse(layered.containsKey("absent"));
    }
}
