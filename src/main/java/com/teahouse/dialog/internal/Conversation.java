package com.teahouse.dialog.internal;

import com.teahouse.knowledge.PreviousTurn;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.teahouse.cases.ConversationLine;
import com.teahouse.knowledge.PreviousTurn;
import com.teahouse.messaging.Attachment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chat's conversation as stored between messages (as compact JSON, by the message path, at
 * {@code conv:<channel>:<chat>}): where it is, the answers so far, the language, a saved draft, when the user
 * was last seen, and the last lines said (for a handoff to staff). Short property names keep it small.
 * Used by one thread at a time (the chat's lane), so it is a plain mutable object.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
final class Conversation {

    static final int TRANSCRIPT_LINES = 30;
    static final int TRANSCRIPT_LINE_CHARS = 200;

    @JsonProperty("l")
    String language;
    @JsonProperty("f")
    String flow;
    @JsonProperty("s")
    String state;
    /** Answers of the current flow, by field name. */
    @JsonProperty("v")
    Map<String, String> fields = new LinkedHashMap<>();
    @JsonProperty("a")
    List<Attachment> attachments = new ArrayList<>();
    /** Input states passed in this flow, for the back button. */
    @JsonProperty("b")
    List<String> back = new ArrayList<>();
    /** Where the next valid answer returns (editing one field from the summary). */
    @JsonProperty("r")
    String returnTo;
    @JsonProperty("d")
    Draft draft;
    /** Last activity, epoch seconds. */
    @JsonProperty("t")
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    long lastSeen;
    /** Lines stored by older versions as "U: …" strings are read by {@link ConversationLine#legacy}. */
    @JsonProperty("x")
    List<ConversationLine> transcript = new ArrayList<>();
    /**
     * The entry last answered in the policy flow: later questions are read in its context (follow-ups) while
     * {@link #topicTurns} lasts. Absent in conversations stored before follow-ups existed, which is "no topic".
     */
    @JsonProperty("k")
    String topic;
    @JsonProperty("kt")
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    int topicTurns;
    /**
     * The question last asked when nothing answered it (declined, or "did you mean"): a follow-up is read with it
     * while {@link #topicTurns} lasts, unless an entry ({@link #topic}) is still in context: the entry comes first.
     */
    @JsonProperty("kq")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    String topicQuestion;

    /** A "did you mean" still open: its question and entries, told as a miss if the user moves on without one. */
    @JsonProperty("po")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    PendingOffer pendingOffer;

    static final class PendingOffer {
        @JsonProperty("q")
        String question;
        @JsonProperty("c")
        List<String> candidates = new ArrayList<>();
    }

    /** A half-filled form kept for later: its flow, the state to resume at, its answers, when it was saved. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    static final class Draft {
        @JsonProperty("f")
        String flow;
        @JsonProperty("s")
        String state;
        @JsonProperty("v")
        Map<String, String> fields = new LinkedHashMap<>();
        @JsonProperty("a")
        List<Attachment> attachments = new ArrayList<>();
        @JsonProperty("b")
        List<String> back = new ArrayList<>();
        @JsonProperty("t")
        long savedAt;
    }

    void at(String flow, String state) {
        this.flow = flow;
        this.state = state;
    }

    void clearForm() {
        fields.clear();
        attachments.clear();
        back.clear();
        returnTo = null;
        forgetTopic();
    }

    /** After an answer (or a "did you mean" entry pressed): the next {@code turns} questions may follow it up. */
    void answeredWith(String entryId, int turns) {
        topic = entryId == null || turns <= 0 ? null : entryId;
        topicQuestion = null;
        topicTurns = topic == null ? 0 : turns;
    }

    /**
     * After a question nothing answered: with no entry answered in the last turns, the next {@code turns} questions
     * may follow it up. An entry still in context keeps it («天气怎么样» in between does not end a payment topic).
     */
    void unansweredAfter(String question, int turns) {
        if (topic != null) {
            return;
        }
        topicQuestion = question == null || question.isBlank() || turns <= 0 ? null : question.strip();
        topicTurns = topicQuestion == null ? 0 : turns;
    }

    /** What a question is asked in the context of, using up one turn: an entry, an earlier question, or neither. */
    PreviousTurn takeTopic() {
        PreviousTurn current = new PreviousTurn(topic, topicQuestion);
        if (--topicTurns <= 0) {
            forgetTopic();
        }
        return current;
    }

    void forgetTopic() {
        topic = null;
        topicQuestion = null;
        topicTurns = 0;
    }

    boolean hasAnswers() {
        return !attachments.isEmpty() || fields.keySet().stream().anyMatch(k -> !k.equals("question"));
    }

    /**
     * Adds a line of the transcript, said by the user or the bot at {@code at}. A personal answer of the form
     * already given is masked wherever it appears (the summary the bot shows before submitting repeats them all).
     */
    void remember(ConversationLine.From who, String said, Instant at) {
        if (said == null || said.isBlank()) {
            return;
        }
        String line = said;
        for (String field : TranscriptLines.PERSONAL) {
            String value = fields.get(field);
            if (value != null && value.strip().length() >= 2) {
                line = line.replace(value.strip(), "***");
            }
        }
        String trimmed = line.length() > TRANSCRIPT_LINE_CHARS ? line.substring(0, TRANSCRIPT_LINE_CHARS) + "…"
                : line;
        transcript.add(new ConversationLine(who, trimmed, at));
        while (transcript.size() > TRANSCRIPT_LINES) {
            transcript.remove(0);
        }
    }
}
