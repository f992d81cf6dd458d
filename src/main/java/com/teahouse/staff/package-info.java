/**
 * Staff: people who take over what the bot cannot close. A topic per case in the Telegram staff forum, with a
 * card and actions (接单 claim, 办结 resolve, 转办 transfer, 退回 return, 备注 note) and the relay between the
 * topic and the entrepreneur; and the web console at {@code /staff} with accounts and roles: throttled logins,
 * one password rule, an account lifecycle (own password, admin edits that end the account's sessions, an audit
 * stream in Redis). 并单 in the console (candidates, merge, unmerge, dismiss; {@code similar.js} on the case page)
 * and in the forum (A's topic receives B's description and attachments; B's topic is closed with a link to A's).
 * The console is a workspace: a navigation shared by every page (nav.js: items by role, live
 * counts, reminders, zh/en from {@code dialogs/texts/console.yaml}), search over an in-memory Lucene index of open
 * cases scoped by {@link com.teahouse.cases.CasePolicy} (phone search for supervisors, audited), the case page
 * (conversation, attachments through the server, timeline, working-time deadlines, notes, canned replies) and
 * private deadline reminders to the holder.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff",
        allowedDependencies = {"cases", "channel", "limits", "messaging", "store", "texts"})
package com.teahouse.staff;
