package com.teahouse.dialog.internal;

import com.teahouse.dialog.internal.flow.Catalogues;
import com.teahouse.dialog.internal.flow.FlowSpec.InputSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an answer against what the state's input asks for, as written in the flow file. Returns the value to
 * keep (normalised: a choice's id, a phone number's canonical form) or the text key that says what is wrong.
 */
final class InputCheck {

    /** Longer messages are refused everywhere, whatever the flow says (they would not fit a case or a chat). */
    static final int HARD_MAX = 4000;

    record Result(String value, String problem, Map<String, ?> params) {
        boolean ok() {
            return problem == null;
        }

        static Result ok(String value) {
            return new Result(value, null, Map.of());
        }

        static Result no(String key) {
            return new Result(null, key, Map.of());
        }
    }

    private final Prompts prompts;

    InputCheck(Prompts prompts) {
        this.prompts = prompts;
    }

    Result check(InputSpec input, String raw, Turn turn) {
        String text = raw == null ? "" : raw.strip();
        int max = input.max() == null ? HARD_MAX : Math.min(input.max(), HARD_MAX);
        if (text.codePointCount(0, text.length()) > max) {
            return new Result(null, "unexpected.too_long", Map.of("max", max));
        }
        String invalid = input.invalid() != null ? input.invalid() : "unexpected.use_buttons";
        return switch (input.type()) {
            case "text" -> text.codePointCount(0, text.length()) >= (input.min() == null ? 1 : input.min())
                    ? Result.ok(text) : Result.no(invalid);
            case "regex" -> Pattern.compile(input.pattern()).matcher(text).matches() ? Result.ok(text)
                    : Result.no(invalid);
            case "credit-code" -> orInvalid(CreditCode.normalize(text), invalid);
            case "phone" -> orInvalid(PhoneNumbers.normalize(text), invalid);
            case "choice" -> orInvalid(choose(input, text, turn), invalid);
            default -> Result.no(invalid);
        };
    }

    /** A choice typed instead of pressed: its label in either language, its id, or its number in the list. */
    private String choose(InputSpec input, String text, Turn turn) {
        List<Catalogues.Entry> choices = prompts.choices(input);
        for (int i = 0; i < choices.size(); i++) {
            Catalogues.Entry c = choices.get(i);
            if (text.equalsIgnoreCase(c.id()) || text.equals(String.valueOf(i + 1))
                    || text.equalsIgnoreCase(Prompts.label(turn, c))
                    || c.labels().values().stream().anyMatch(text::equalsIgnoreCase)) {
                return c.id();
            }
        }
        return null;
    }

    static boolean isChoice(InputSpec input, String value, Prompts prompts) {
        return prompts.choices(input).stream().anyMatch(c -> c.id().equals(value));
    }

    private static Result orInvalid(String value, String invalid) {
        return value == null ? Result.no(invalid) : Result.ok(value);
    }
}
