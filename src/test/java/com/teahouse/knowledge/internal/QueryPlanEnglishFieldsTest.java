package com.teahouse.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** What an English question asks of the English fields. */
class QueryPlanEnglishFieldsTest {

    private static List<Term> terms(QueryPlan plan) {
        return ((BooleanQuery) plan.query).clauses().stream().map(BooleanClause::getQuery)
                .map(q -> ((TermQuery) ((BoostQuery) q).getQuery()).getTerm()).toList();
    }

    @Test
    void aChineseSynonymOfAnEnglishWordIsNotSplitIntoCharactersForTheEnglishFields() {
        // the English chain would split 个体户 into 个, 体, 户, which match every entry with a Chinese tag sharing a
        // character (个体户, 个人, 户籍 …): one of the getihu entries then outranked the one the question was about
        IndexSnapshot snap = IndexBuilder.build(List.of(), SynonymRules.parse("个体户,getihu"), 1);
        List<Term> terms = terms(QueryPlan.of("getihu tax", snap));
        List<String> english = terms.stream()
                .filter(t -> t.field().equals(Fields.EN_Q) || t.field().equals(Fields.EN_B)).map(Term::text).distinct().toList();
        assertEquals(List.of("getihu", "tax"), english);
    }

    @Test
    void chineseTypedBesideEnglishIsStillMatchedByTheChineseFields() {
        IndexSnapshot snap = IndexBuilder.build(List.of(), SynonymRules.parse(""), 1);
        List<Term> terms = terms(QueryPlan.of("个体户 tax rules", snap));
        assertTrue(terms.stream().anyMatch(t -> t.field().equals(Fields.ZH_Q_BI) && t.text().equals("个体")), terms.toString());
        assertTrue(terms.stream().noneMatch(t -> t.field().startsWith("en_") && t.text().equals("个")), terms.toString());
    }
}
