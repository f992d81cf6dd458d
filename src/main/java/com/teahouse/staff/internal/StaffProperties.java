package com.teahouse.staff.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staff forum's own settings ({@code teahouse.staff.*}).
 *
 * @param language the language of case cards and topic titles in the forum, which every unit shares
 */
@ConfigurationProperties("teahouse.staff")
record StaffProperties(String language) {

    StaffProperties {
        language = language == null || language.isBlank() ? "zh" : language;
    }
}
