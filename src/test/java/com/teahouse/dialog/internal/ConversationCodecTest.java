package com.teahouse.dialog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.teahouse.knowledge.PreviousTurn;
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
        assertThat(old.takeTopic()).isEqualTo(PreviousTurn.NONE);
        assertThat(old.transcript).containsExactly(
                new com.teahouse.cases.ConversationLine(com.teahouse.cases.ConversationLine.From.USER, "大企业拖欠货款",
                        null));
    }

    @Test
    void transcriptLinesKeepSpeakerTextAndTime() {
        Conversation c = new Conversation();
        java.time.Instant at = java.time.Instant.parse("2026-12-02T02:00:00Z");
        c.remember(com.teahouse.cases.ConversationLine.From.USER, "[拖欠账款]", at);
        c.remember(com.teahouse.cases.ConversationLine.From.BOT, "请描述情况", at.plusSeconds(1));
        Conversation stored = codec.read(codec.write(c));
        assertThat(stored.transcript).extracting(com.teahouse.cases.ConversationLine::from, com.teahouse.cases.ConversationLine::text,
                com.teahouse.cases.ConversationLine::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(com.teahouse.cases.ConversationLine.From.USER, "[拖欠账款]", at),
                org.assertj.core.groups.Tuple.tuple(com.teahouse.cases.ConversationLine.From.BOT, "请描述情况", at.plusSeconds(1)));
    }

    @Test
    void theTopicSurvivesStorageAndLastsItsTurns() {
        Conversation c = new Conversation();
        c.answeredWith("payment-term-60-days", 2);
        Conversation stored = codec.read(codec.write(c));
        assertThat(stored.takeTopic()).isEqualTo(PreviousTurn.answered("payment-term-60-days"));
        stored = codec.read(codec.write(stored));
        assertThat(stored.takeTopic()).isEqualTo(PreviousTurn.answered("payment-term-60-days"));
        stored = codec.read(codec.write(stored));
        assertThat(stored.takeTopic()).isEqualTo(PreviousTurn.NONE);
        assertThat(codec.write(stored)).doesNotContain("\"k\"").doesNotContain("\"kt\"");
    }

    @Test
    void anUnansweredQuestionSurvivesStorageAndLastsItsTurns() {
        Conversation c = new Conversation();
        c.unansweredAfter(" 区卫健委欠我们一批设备款 ", 1);
        Conversation stored = codec.read(codec.write(c));
        assertThat(stored.takeTopic()).isEqualTo(PreviousTurn.unanswered("区卫健委欠我们一批设备款"));
        assertThat(codec.write(stored)).doesNotContain("\"kq\"");
        assertThat(stored.takeTopic()).isEqualTo(PreviousTurn.NONE);
    }

    @Test
    void anEntryInContextOutranksALaterUnansweredQuestionAndAnAnswerReplacesIt() {
        Conversation c = new Conversation();
        c.answeredWith("pay-gov-30-days", 3);
        c.unansweredAfter("今天天气怎么样", 3);
        assertThat(c.takeTopic()).isEqualTo(PreviousTurn.answered("pay-gov-30-days"));
        Conversation d = new Conversation();
        d.unansweredAfter("区卫健委欠我们一批设备款", 3);
        d.answeredWith("payment-term-60-days", 3);
        assertThat(d.takeTopic()).isEqualTo(PreviousTurn.answered("payment-term-60-days"));
    }

    @Test
    void leavingTheFlowForgetsTheTopic() {
        Conversation c = new Conversation();
        c.answeredWith("pay-gov-30-days", 3);
        c.clearForm();
        assertThat(c.takeTopic()).isEqualTo(PreviousTurn.NONE);
        c.unansweredAfter("区卫健委欠我们一批设备款", 3);
        c.clearForm();
        assertThat(c.takeTopic()).isEqualTo(PreviousTurn.NONE);
    }

    @Test
    void noTurnsMeansNoFollowUps() {
        Conversation c = new Conversation();
        c.answeredWith("pay-gov-30-days", 0);
        assertThat(c.takeTopic()).isEqualTo(PreviousTurn.NONE);
    }
}
