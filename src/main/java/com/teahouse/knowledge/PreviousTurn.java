package com.teahouse.knowledge;

/**
 * What a follow-up question is read against: the entry the user was last answered with (or pressed in a "did you
 * mean"), or, when the bot could not answer, the question the user asked then. Both null: no context.
 */
public record PreviousTurn(String entryId, String question) {

    public static final PreviousTurn NONE = new PreviousTurn(null, null);

    public static PreviousTurn answered(String entryId) {
        return new PreviousTurn(entryId, null);
    }

    /** A question the bot declined or only offered choices for. */
    public static PreviousTurn unanswered(String question) {
        return new PreviousTurn(null, question);
    }
}
