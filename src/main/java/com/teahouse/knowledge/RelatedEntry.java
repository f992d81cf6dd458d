package com.teahouse.knowledge;

/** A neighbouring entry offered as a button under an answer. */
public record RelatedEntry(String id, String title) {
}
