package com.teahouse.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Sibling entries that share the question's common words: the one that speaks to all of the question ranks first,
 * not the one whose text repeats its commonest word more often.
 */
class SiblingNearTieTest extends OnTheRealDigest {

    @Test
    void theEntryCoveringTheWholeQuestionBeatsTheOneRepeatingItsCommonWord() {
        // double-random-inspection says 检查/抽查 many times; only inspection-without-basis speaks to 亮证 too
        DigestAnswer a = digest.ask("检查人员都不亮证", "zh", 3);
        assertEquals("inspection-without-basis", a.results().get(0).id(), a.results().toString());
    }
}
