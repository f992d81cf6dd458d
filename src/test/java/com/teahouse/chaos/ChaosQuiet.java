package com.teahouse.chaos;

import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamGroupInfo;

/**
 * Whether the system has nothing left to do: no update waiting at the fake, and in Redis every inbox, outbox and
 * the notices stream read to its end and acknowledged by each of its groups.
 */
final class ChaosQuiet {
    private ChaosQuiet() {
    }

    static boolean quiet(FakeBotApiServer telegram, JedisPooled redis) {
        return busy(telegram, redis).isEmpty();
    }

    /** What is not quiet yet, for a run that does not settle: updates waiting at the fake, streams left open. */
    static List<String> busy(FakeBotApiServer telegram, JedisPooled redis) {
        List<String> busy = new ArrayList<>();
        if (telegram.pendingUpdates() > 0) {
            busy.add(telegram.pendingUpdates() + " update(s) waiting at the fake Bot API");
        }
        for (String stream : streams(redis)) {
            for (StreamGroupInfo g : groups(redis, stream)) {
                String last = redis.xinfoStream(stream).getLastGeneratedId().toString();
                if (g.getPending() > 0 || !g.getLastDeliveredId().toString().equals(last)) {
                    busy.add(stream + " group " + g.getName() + ": " + g.getPending() + " pending, read to "
                            + g.getLastDeliveredId() + " of " + last);
                }
            }
        }
        return busy;
    }

    private static List<StreamGroupInfo> groups(JedisPooled redis, String stream) {
        return redis.exists(stream) ? redis.xinfoGroups(stream) : List.of();
    }

    /** Entries of the stream some group has not read or not acknowledged (0 for a stream without groups). */
    static long undelivered(JedisPooled redis, String stream) {
        if (!redis.exists(stream)) {
            return 0;
        }
        String last = redis.xinfoStream(stream).getLastGeneratedId().toString();
        long open = 0;
        for (StreamGroupInfo g : redis.xinfoGroups(stream)) {
            open += g.getPending();
            if (!g.getLastDeliveredId().toString().equals(last)) {
                open++;
            }
        }
        return open;
    }

    private static Set<String> streams(JedisPooled redis) {
        Set<String> streams = new java.util.TreeSet<>();
        for (String pattern : new String[] {"teahouse:inbox:*", "teahouse:outbox:*", "teahouse:cases:notices"}) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.scan(cursor, new ScanParams().match(pattern).count(1000));
                for (String key : page.getResult()) {
                    if ("stream".equals(redis.type(key)) && !key.endsWith(":dead")) {
                        streams.add(key);
                    }
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        return streams;
    }
}
