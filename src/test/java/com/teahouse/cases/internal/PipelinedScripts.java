package com.teahouse.cases.internal;

import com.teahouse.store.RedisStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;

/**
 * The product's case scripts, queued on a pipeline instead of run one at a time: each call answers at once what
 * {@link LoadedCases} says the script will answer (the desks go on with that), and {@link #sync} sends the batch
 * and compares every real answer with it. A refusal the mirror did not foresee, or any script error, stops the
 * load with the case and the script.
 */
final class PipelinedScripts extends CaseScripts {

    private record Sent(String name, List<String> args, Response<Object> answer, Object expected) {
    }

    private final RedisStore redis;
    private final LoadedCases loaded;
    private final Map<String, String> shas = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private PipelineBase pipeline;
    private Object next;

    PipelinedScripts(RedisStore redis, LoadedCases loaded) {
        super(redis);
        this.redis = redis;
        this.loaded = loaded;
        for (String name : List.of("open", "transition", "claim-item", "finish-item")) {
            shas.put(name, redis.jedis().scriptLoad(source(name)));
        }
    }

    /** Starts a batch: what follows is queued until {@link #sync}. */
    void begin() {
        pipeline = redis.jedis().pipelined();
    }

    /** What the next transition.lua will answer (the store has asked the mirror). */
    void expect(List<String> answer) {
        next = answer;
    }

    @Override
    Object run(String name, List<String> keys, List<String> args) {
        Object expected = switch (name) {
            case "open" -> args.get(0);
            case "transition" -> next;
            case "claim-item" -> loaded.claimItem(args.get(0), Long.parseLong(args.get(1)),
                    Long.parseLong(args.get(2)));
            case "finish-item" -> loaded.finishItem(args.get(0), Long.parseLong(args.get(1)));
            default -> throw new UnsupportedOperationException(name + ".lua is not used by the loader");
        };
        next = null;
        sent.add(new Sent(name, args, pipeline.evalsha(shas.get(name), keys, args), expected));
        return expected;
    }

    /** Sends the batch and checks every answer; returns how many scripts ran. */
    int sync() {
        try {
            pipeline.sync();
            for (Sent s : sent) {
                Object real = s.answer().get();
                if (!Objects.equals(real, s.expected())) {
                    throw new IllegalStateException(s.name() + ".lua " + s.args().subList(0, Math.min(2,
                            s.args().size())) + " answered " + real + ", the loader expected " + s.expected());
                }
            }
            return sent.size();
        } finally {
            sent.clear();
            pipeline.close();
            pipeline = null;
        }
    }

    private static String source(String name) {
        try (InputStream in = CaseScripts.class.getResourceAsStream("/cases/" + name + ".lua")) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
