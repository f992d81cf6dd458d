package com.teahouse.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;

/**
 * The citation of an answer, always as 《title》第N条 (also in English answers, so that 《优化营商环境条例》第43条
 * stays recognisable and searchable). The words around it are user-facing text and live in dialogs/.
 */
public final class ChatAnswerFormatter {

    private ChatAnswerFormatter() {
    }

    /** The answer as the chat sends it: the title in bold, the short answer, then the sources with their dates. */
    public static RichText answer(DigestHit hit, Texts texts, String language) {
        return RichText.builder().bold(hit.title()).text("\n").text(hit.answer().strip()).text("\n\n")
                .append(sources(hit, texts, language)).build();
    }

    /** 《A》第3条、第5条；《B》第7条 — consecutive articles of one document are grouped. */
    public static String citations(DigestHit hit) {
        return byDocument(hit).entrySet().stream().map(doc -> "《" + doc.getKey() + "》" + doc.getValue().stream()
                        .map(c -> "第" + c.article() + "条").collect(Collectors.joining("、")))
                .collect(Collectors.joining("；"));
    }

    /**
     * The "source" block of an answer: one line per cited document with its own articles and the date
     * that document took effect, e.g. 《保障中小企业款项支付条例》第9、17条（施行日期 2025-06-01）, or in English
     * 《…》 (Regulations on …) Arts. 9, 17, in force since 2025-06-01. One document stays on the label's line;
     * several start on the next line, one per line, which reads best on a phone.
     */
    public static RichText sources(DigestHit hit, Texts texts, String language) {
        List<String> lines = new ArrayList<>();
        byDocument(hit).forEach((document, cited) -> lines.add(documentLine(document, cited, texts, language)));
        return lines.size() == 1 ? texts.render("kb.source", language, Map.of("citation", lines.get(0)))
                : texts.render("kb.sources", language, Map.of("citations", String.join("\n", lines)));
    }

    private static String documentLine(String document, List<Citation> cited, Texts texts, String language) {
        String numbers = cited.stream().map(c -> Integer.toString(c.article()))
                .collect(Collectors.joining(texts.plain("kb.citation.article_separator", language)));
        String articles = texts.render(cited.size() == 1 ? "kb.citation.article" : "kb.citation.articles", language,
                Map.of("numbers", numbers)).plainText();
        Citation first = cited.get(0);
        String name = first.documentEn() == null || first.documentEn().isBlank() ? document : first.documentEn();
        String key = first.effective() == null ? "kb.citation.document_undated" : "kb.citation.document";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("document", document);
        params.put("name", name);
        params.put("articles", articles);
        params.put("date", first.effective() == null ? "" : first.effective().toString());
        return texts.render(key, language, params).plainText();
    }

    private static Map<String, List<Citation>> byDocument(DigestHit hit) {
        Map<String, List<Citation>> docs = new LinkedHashMap<>();
        hit.citations().forEach(c -> docs.computeIfAbsent(c.document(), d -> new ArrayList<>()).add(c));
        return docs;
    }
}
