package com.teahouse.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The evaluation's intervals, against values computed by hand from the Wilson score formula. */
class EvalTableTest {

    @Test
    void wilsonIntervals() {
        // 75 of 100: centre (0.75 + 0.0192) / 1.0384 = 0.7408, half-width 0.0838 (the textbook 0.657-0.825)
        assertEquals("65.7-82.5%", EvalTable.wilson(0.75, 100));
        // none of 50 wrong still leaves up to 7.1%: zero wrong answers on a small set proves little
        assertEquals("0.0-7.1%", EvalTable.wilson(0.0, 50));
        assertEquals("-", EvalTable.wilson(0.5, 0));
    }
}
