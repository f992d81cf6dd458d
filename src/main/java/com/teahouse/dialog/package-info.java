/**
 * The conversation engine: flows and every user-facing text come from {@code dialogs/}; each chat's state is
 * stored by the message path. Plugs into messaging as the {@link com.teahouse.messaging.MessageHandler} for
 * entrepreneurs' chats. Publishes {@link com.teahouse.dialog.UnansweredQuestion} (in memory) when a policy question
 * was declined, a "did you mean" passed over, or an answer said not to help.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dialog",
        allowedDependencies = {"cases", "channel", "knowledge", "messaging", "texts"})
package com.teahouse.dialog;
