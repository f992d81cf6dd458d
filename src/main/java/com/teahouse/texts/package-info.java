/**
 * Every user-facing string, as data in {@code dialogs/texts/}, in Chinese and English. Shared by the
 * conversation, the case notices and the staff tools, so no module writes user-facing text in Java.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Texts",
        allowedDependencies = {"messaging"})
package com.teahouse.texts;
