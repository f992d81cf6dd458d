package com.teahouse.cases;

/**
 * A case changed, in any instance: published in every instance, read from the notices stream in Redis (so a
 * console page on one instance sees what was done on another). For live views, which re-read what they show;
 * an instance that was down misses what happened meanwhile.
 */
public record CaseChanged(String trackingNumber, CaseEvent event) {
}
