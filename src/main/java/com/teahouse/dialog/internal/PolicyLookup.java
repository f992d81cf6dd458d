package com.teahouse.dialog.internal;

import com.teahouse.knowledge.PreviousTurn;
import com.teahouse.messaging.RichText;
import java.util.Optional;

/**
 * The dialog's port to the knowledge module: answers a policy question, and shows one entry again when a
 * "related" or "did you mean" button is pressed. The adapter to the knowledge module is a Spring bean
 * implementing this; without one, {@link UnansweredPolicyLookup} stands in.
 */
public interface PolicyLookup {

    /**
     * A question, read in the context of the previous turn: the entry the user was last answered with (a follow-up
     * such as 「那个体户呢？」), or the question nothing answered; {@link PreviousTurn#NONE} when there is neither.
     */
    PolicyReply ask(String question, String language, PreviousTurn previous);

    default PolicyReply ask(String question, String language) {
        return ask(question, language, PreviousTurn.NONE);
    }

    /** Whether typed text asks for a person (checked outside the policy question, where the answer says it). */
    default boolean asksForPerson(String text, String language) {
        return ask(text, language).asksForPerson();
    }

    /** The entry behind a {@code kb:<id>} button, formatted as an answer; empty when it no longer exists. */
    Optional<PolicyReply> byId(String entryId, String language);

    /** The longer explanation of an entry, behind a {@code kbd:<id>} "more detail" button. */
    Optional<RichText> detail(String entryId, String language);
}
