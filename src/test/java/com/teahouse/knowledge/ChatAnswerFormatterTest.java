package com.teahouse.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.teahouse.messaging.RichText;
import com.teahouse.texts.Texts;
import com.teahouse.texts.internal.TemplateRenderer;
import com.teahouse.texts.internal.YamlTexts;

/** The source block of an answer, rendered with the real texts in dialogs/texts: one line and one date per document. */
class ChatAnswerFormatterTest {

    /** The shipped texts and the shipped renderer, without starting Spring. */
    private static final Texts TEXTS = new Texts() {
        private final Map<String, Map<String, String>> all = YamlTexts.load(Path.of("dialogs/texts"));

        @Override
        public List<String> languages() {
            return List.of("zh", "en");
        }

        @Override
        public String languageFor(String languageTag) {
            return "zh";
        }

        @Override
        public RichText render(String key, String language, Map<String, ?> params) {
            return TemplateRenderer.render(all.get(key).get(language), params);
        }

        @Override
        public boolean has(String key) {
            return all.containsKey(key);
        }
    };

    private static final Citation PAY_9 = new Citation("保障中小企业款项支付条例", 9,
            "Regulations on Ensuring Payments to SMEs", LocalDate.of(2025, 6, 1));
    private static final Citation BIZ_31 = new Citation("优化营商环境条例", 31,
            "Regulations on Optimizing the Business Environment", LocalDate.of(2020, 1, 1));
    private static final Citation BIZ_69 = new Citation("优化营商环境条例", 69,
            "Regulations on Optimizing the Business Environment", LocalDate.of(2020, 1, 1));

    private static DigestHit hit(Citation... citations) {
        return new DigestHit("x", "title", 1, List.of(citations), "answer", "detail", LocalDate.of(2020, 1, 1),
                "dept", List.of());
    }

    @Test
    void oneDocumentStaysOnTheLabelLine() {
        assertEquals("依据：《保障中小企业款项支付条例》第9条（施行日期 2025-06-01）",
                ChatAnswerFormatter.sources(hit(PAY_9), TEXTS, "zh").plainText());
        assertEquals("Source: 《保障中小企业款项支付条例》 (Regulations on Ensuring Payments to SMEs) Art. 9, "
                + "in force since 2025-06-01", ChatAnswerFormatter.sources(hit(PAY_9), TEXTS, "en").plainText());
    }

    @Test
    void eachDocumentShowsItsOwnDate() {
        assertEquals("""
                依据：
                《优化营商环境条例》第31、69条（施行日期 2020-01-01）
                《保障中小企业款项支付条例》第9条（施行日期 2025-06-01）""",
                ChatAnswerFormatter.sources(hit(BIZ_31, BIZ_69, PAY_9), TEXTS, "zh").plainText());
        assertEquals("""
                Sources:
                《优化营商环境条例》 (Regulations on Optimizing the Business Environment) Arts. 31, 69, in force since 2020-01-01
                《保障中小企业款项支付条例》 (Regulations on Ensuring Payments to SMEs) Art. 9, in force since 2025-06-01""",
                ChatAnswerFormatter.sources(hit(BIZ_31, BIZ_69, PAY_9), TEXTS, "en").plainText());
    }

    @Test
    void aDocumentWithoutDateShowsNoneRatherThanAnotherDocumentsDate() {
        Citation undated = new Citation("某条例", 3, "", null);
        assertEquals("依据：《某条例》第3条", ChatAnswerFormatter.sources(hit(undated), TEXTS, "zh").plainText());
        assertEquals("Source: 《某条例》 (某条例) Art. 3", ChatAnswerFormatter.sources(hit(undated), TEXTS, "en").plainText());
    }
}
