package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The subjects and topics of entities.yaml, on a small file of their own. */
class SubjectTopicsTest {

    private static final String YAML = """
            subjects:
              individual-business: {words: [个体户, sole trader]}
              enterprise: {words: [企业, 公司, company]}
              public-body: {words: [bureau]}
            topics:
              payment-term:
                for: {public-body: gov, large-company: large, individual-business: gt}
                also: [interest]
                next: [interest, complain]
            follow-up:
              next: [怎么办]
              aspect: [多久]
              lean: [那, 呢]
              new-topic: [对了]
            """;

    private static SubjectTopics topics() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(YAML);
        return SubjectTopicsYaml.read(root, Map.of("public-body", List.of("政府"), "large-company", List.of("大企业", "集团")));
    }

    @Test
    void aLongerWordOfAnotherSubjectWinsAndTheDefaultSubjectYieldsToASpecificOne() throws Exception {
        SubjectTopics t = topics();
        assertEquals(Set.of("large-company"), t.named("大企业呢"));
        assertEquals(Set.of("large-company", "enterprise"), t.named("集团公司呢"));
        assertEquals("large", t.switchFor("对方是集团公司呢", "gov").orElseThrow().entryId());
    }

    @Test
    void aFollowUpNamingAnotherSubjectOfTheTopicSwitchesToItsEntry() throws Exception {
        SubjectTopics t = topics();
        assertEquals("gt", t.switchFor("那个体户呢", "gov").orElseThrow().entryId());
        assertEquals("gov", t.switchFor("and a city bureau?", "large").orElseThrow().entryId(),
                "a party class gets follow-up-only words");
        assertEquals("gt", t.switchFor("what if I'm a sole trader", "interest").orElseThrow().entryId());
        assertTrue(t.switchFor("那个体户呢", "gt").isEmpty(), "the context's own subject is no switch");
        assertTrue(t.switchFor("那个体户呢", "unlisted").isEmpty(), "no topic, no switch");
        assertTrue(t.switchFor("政府和个体户呢", "large").isEmpty(), "two new subjects: ambiguous");
        assertTrue(t.switchFor("企业呢", "interest").isEmpty(), "an entry for anyone is the enterprise's");
    }

    @Test
    void followUpWordsAreRecognisedAndRemoved() throws Exception {
        SubjectTopics t = topics();
        assertTrue(t.words().asksNext("超过期限怎么办"));
        assertTrue(t.words().asksAspect("要多久"));
        assertTrue(t.words().opensNewTopic("对了，还有个事"));
        assertEquals("超过期限", t.words().withoutAll("那超过期限怎么办呢").replace(" ", ""));
        assertEquals(List.of("topic 'payment-term' names entry 'complain', which the digest does not have"),
                t.problems(Set.of("gov", "large", "gt", "interest")));
    }
}
