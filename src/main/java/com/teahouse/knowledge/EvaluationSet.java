package com.teahouse.knowledge;

import java.nio.file.Path;
import java.util.List;

import com.teahouse.knowledge.internal.EvalSet;

/**
 * The evaluation set (knowledge/eval/: questions with the entries that should answer them, out-of-scope ones and
 * requests for a person), for tools that check a digest against it at run time: the policy office's bulk check.
 */
public final class EvaluationSet {

    /** One question: {@code expect} empty and not {@code person} is out of scope. */
    public record Question(String q, String lang, List<String> expect, boolean person) {

        public Question {
            expect = List.copyOf(expect);
        }

        public boolean outOfScope() {
            return expect.isEmpty() && !person;
        }
    }

    private EvaluationSet() {
    }

    /** Every single-turn question of the set in {@code dir}; throws UncheckedIOException when it is unreadable. */
    public static List<Question> questions(Path dir) {
        return EvalSet.questions(dir).stream().map(q -> new Question(q.q(), q.lang(), q.expect(), q.person())).toList();
    }
}
