package com.teahouse.knowledge;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The citation of an answer, always as 《title》第N条 (also in English answers, so that 《优化营商环境条例》第43条
 * stays recognisable and searchable). The words around it are user-facing text and live in dialogs/.
 */
public final class ChatAnswerFormatter {

    private ChatAnswerFormatter() {
    }

    /** 《A》第3条、第5条；《B》第7条 — consecutive articles of one document are grouped. */
    public static String citations(DigestHit hit) {
        Set<String> docs = new LinkedHashSet<>();
        hit.citations().forEach(c -> docs.add(c.document()));
        return docs.stream().map(doc -> "《" + doc + "》" + hit.citations().stream()
                        .filter(c -> c.document().equals(doc)).map(c -> "第" + c.article() + "条")
                        .collect(Collectors.joining("、")))
                .collect(Collectors.joining("；"));
    }
}
