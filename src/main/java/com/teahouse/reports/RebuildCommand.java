package com.teahouse.reports;

import com.teahouse.cases.CaseCounters;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar teahouse.jar reports rebuild [--teahouse.redis.url=…]}: deletes the reports counters and counts
 * them again from every case's event log ({@link CaseCounters#rebuild()}). It starts the app without web and
 * without Telegram, rebuilds, and exits. Run it with the hotline stopped: changes made meanwhile may be lost from
 * the counters.
 */
public final class RebuildCommand {

    private RebuildCommand() {
    }

    /** @param start starts the application with these extra arguments (the root module knows how) */
    public static int run(Function<String[], ConfigurableApplicationContext> start, String[] args, PrintStream out) {
        String[] extra = Arrays.copyOf(Arrays.copyOfRange(args, 2, args.length), args.length);
        extra[extra.length - 2] = "--teahouse.telegram.token=";
        extra[extra.length - 1] = "--teahouse.cases.poll-interval=1h";
        try (ConfigurableApplicationContext ctx = start.apply(extra)) {
            long cases = ctx.getBean(CaseCounters.class).rebuild();
            out.println("reports rebuild: counted the event logs of " + cases + " cases");
            return 0;
        } catch (RuntimeException e) {
            out.println("reports rebuild failed: " + e.getMessage());
            return 1;
        }
    }
}
