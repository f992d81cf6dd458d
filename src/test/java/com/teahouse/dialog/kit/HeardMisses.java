package com.teahouse.dialog.kit;

import com.teahouse.dialog.UnansweredQuestion;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;

/** The {@link UnansweredQuestion}s the dialog published, for a script's {@code missed:} expectation. */
public final class HeardMisses {

    private final List<UnansweredQuestion> heard = new ArrayList<>();

    @EventListener
    synchronized void on(UnansweredQuestion q) {
        heard.add(q);
    }

    /** Everything heard since the last drain. */
    public synchronized List<UnansweredQuestion> drain() {
        List<UnansweredQuestion> out = List.copyOf(heard);
        heard.clear();
        return out;
    }
}
