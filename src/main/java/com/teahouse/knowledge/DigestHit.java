package com.teahouse.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * One ranked entry of a search, in the language asked for. {@code answer} is the short answer
 * (a few lines, shown in the chat), {@code detail} the longer explanation shown on request.
 */
public record DigestHit(
        String id,
        String title,
        double score,
        List<Citation> citations,
        String answer,
        String detail,
        LocalDate effective,
        String department,
        List<RelatedEntry> related) {
}
