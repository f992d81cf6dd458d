package com.teahouse.cases.internal;

import com.teahouse.store.RedisStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Tracking numbers {@code QY-yyMMdd-NNNN-C}: prefix, the day of receipt (in the hotline's zone), a per-day
 * sequence from one Redis INCR (so numbers are unique across threads and instances), and a
 * {@link CheckCharacter}. A number wasted by a crash leaves a gap, never a duplicate.
 */
@Component
class TrackingNumbers {

    static final Pattern FORMAT = Pattern.compile("[A-Z]{2}-(\\d{6})-(\\d{4,})-([0-9A-Z])");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final RedisStore store;
    private final Clock clock;
    private final CasesProperties props;

    TrackingNumbers(RedisStore store, Clock clock, CasesProperties props) {
        this.store = store;
        this.clock = clock;
        this.props = props;
    }

    String next() {
        String day = LocalDate.now(clock.withZone(props.zone())).format(DAY);
        String key = store.key("seq:" + day);
        long seq = store.jedis().incr(key);
        if (seq == 1) {
            store.jedis().expire(key, 3 * 24 * 3600);
        }
        return format(props.prefix(), day, seq);
    }

    static String format(String prefix, String day, long seq) {
        String number = String.format("%04d", seq);
        return prefix + "-" + day + "-" + number + "-" + CheckCharacter.of(day + number);
    }

    /** Whether the text is a well-formed number with the right check character (says nothing about existence). */
    static boolean wellFormed(String text) {
        if (text == null) {
            return false;
        }
        var m = FORMAT.matcher(text.strip().toUpperCase());
        return m.matches() && CheckCharacter.valid(m.group(1) + m.group(2), m.group(3).charAt(0));
    }
}
