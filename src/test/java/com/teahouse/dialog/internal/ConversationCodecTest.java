package com.teahouse.dialog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stored conversations stay readable across versions; the follow-up topic is kept and then runs out. */
class ConversationCodecTest {

    private final ConversationCodec codec = new ConversationCodec();

    @Test
    void aConversationStoredBeforeFollowUpsIsReadWithoutATopic() {
        Conversation old = codec.read("{\"l\":\"zh\",\"f\":\"ask\",\"s\":\"helped\",\"v\":{\"question\":\"大企业拖欠货款\"},"
                + "\"t\":1764600000,\"x\":[\"U: 大企业拖欠货款\"]}");
        assertThat(old.flow).isEqualTo("ask");
        assertThat(old.state).isEqualTo("helped");
        assertThat(old.topic).isNull();
        assertThat(old.takeTopic()).isNull();
    }

    @Test
    void theTopicSurvivesStorageAndLastsItsTurns() {
        Conversation c = new Conversation();
        c.answeredWith("payment-term-60-days", 2);
        Conversation stored = codec.read(codec.write(c));
        assertThat(stored.takeTopic()).isEqualTo("payment-term-60-days");
        stored = codec.read(codec.write(stored));
        assertThat(stored.takeTopic()).isEqualTo("payment-term-60-days");
        stored = codec.read(codec.write(stored));
        assertThat(stored.takeTopic()).isNull();
        assertThat(codec.write(stored)).doesNotContain("\"k\"").doesNotContain("\"kt\"");
    }

    @Test
    void leavingTheFlowForgetsTheTopic() {
        Conversation c = new Conversation();
        c.answeredWith("pay-gov-30-days", 3);
        c.clearForm();
        assertThat(c.takeTopic()).isNull();
    }

    @Test
    void noTurnsMeansNoFollowUps() {
        Conversation c = new Conversation();
        c.answeredWith("pay-gov-30-days", 0);
        assertThat(c.takeTopic()).isNull();
    }
}
