package com.teahouse.knowledge.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** One parsed digest entry, immutable once loaded. */
public record Entry(
        String id,
        Path file,
        String titleZh,
        String titleEn,
        List<String> questionsZh,
        List<String> questionsEn,
        List<SourceRef> sources,
        LocalDate effective,
        LocalDate expires,
        String department,
        List<String> tags,
        String answerZh,
        String detailZh,
        String answerEn,
        String detailEn) {

    /**
     * A citation as written in the front matter: a document and the articles used from it, with the
     * document's English name and effective date from sources.yaml once the entry is {@link #resolved}.
     */
    public record SourceRef(String document, List<Integer> articles, String documentEn, LocalDate effective) {

        public SourceRef(String document, List<Integer> articles) {
            this(document, articles, "", null);
        }
    }

    /** This entry with each source's English name and effective date taken from the citation list. */
    public Entry resolved(SourceCatalog catalog) {
        List<SourceRef> refs = sources.stream().map(r -> catalog.find(r.document())
                .map(d -> new SourceRef(r.document(), r.articles(), d.en(), d.effective())).orElse(r)).toList();
        return new Entry(id, file, titleZh, titleEn, questionsZh, questionsEn, refs, effective, expires, department,
                tags, answerZh, detailZh, answerEn, detailEn);
    }

    public boolean isExpired(LocalDate today) {
        return expires != null && !expires.isAfter(today);
    }

    public String title(boolean english) {
        return english ? titleEn : titleZh;
    }

    public String answer(boolean english) {
        return english ? answerEn : answerZh;
    }

    public String detail(boolean english) {
        return english ? detailEn : detailZh;
    }
}
