package com.teahouse.dialog.internal;

import com.teahouse.messaging.RichText;
import java.util.Optional;

/**
 * The dialog's port to the knowledge module: answers a policy question, and shows one entry again when a
 * "related" button is pressed. The adapter to the knowledge module is a Spring bean implementing this; without
 * one, {@link UnansweredPolicyLookup} stands in.
 */
public interface PolicyLookup {

    PolicyReply ask(String question, String language);

    /** The entry behind a {@code kb:<id>} button, formatted as an answer; empty when it no longer exists. */
    Optional<PolicyReply> byId(String entryId, String language);

    /** The longer explanation of an entry, behind a {@code kbd:<id>} "more detail" button. */
    Optional<RichText> detail(String entryId, String language);
}
