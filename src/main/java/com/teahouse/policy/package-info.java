/**
 * The policy office's workspace ({@code /policy}, POLICY_EDITOR and ADMIN): the questions the bot could not answer,
 * editing, trying and publishing digest entries with their history, and the export back to {@code knowledge/} files.
 * The digest itself (its versions in Redis, the index every instance serves) stays in the knowledge module.
 * The unanswered list is fed by the dialog's {@link com.teahouse.dialog.UnansweredQuestion} events (in memory; a
 * lost one is a lost line of statistics), scrubbed of numbers and clustered by the digest's analysed words.

 * Digest editing (policy-store): pages {@code /policy/entries}, {@code /policy/edit}, {@code /policy/synonyms};
 * API under {@code /policy/api} (entries, history, rollback, versions/diff, synonyms, check, preview, expiring,
 * export), bodies capped at {@code teahouse.policy.max-body-bytes}; every change that reached the digest is also in
 * the staff audit stream.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy office",
        allowedDependencies = {"knowledge", "store", "texts", "limits", "dialog", "messaging", "staff"})
package com.teahouse.policy;
