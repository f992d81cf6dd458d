package com.teahouse.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of the serving digest as the policy office's list shows it: what it can be searched by. {@code expires}
 * is null for an entry without an expiry; an entry whose expiry is past is never given as an answer.
 */
public record EntrySummary(String id, String titleZh, String titleEn, List<String> documents, String department,
        List<String> tags, LocalDate expires, boolean expired) {
}
