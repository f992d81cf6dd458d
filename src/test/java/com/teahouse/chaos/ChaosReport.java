package com.teahouse.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.teahouse.channel.telegram.fake.FakeBotApiServer;
import com.teahouse.channel.telegram.fake.SentMessage;
import com.teahouse.channel.telegram.fake.WebhookPusher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The figures of a run, judged from what the fake Bot API received and what Redis holds once the system is quiet.
 * A reply is a bot message containing the line's expected text, searched in order after the previous line's reply:
 * missing altogether it is lost, found only earlier it is an order violation. A duplicate is a bot message whose
 * text equals an earlier one in the same chat (the script has no two replies alike).
 */
final class ChaosReport {
    private static final Pattern CASE_KEY = Pattern.compile("teahouse:case:[A-Z]{2}-\\d{6}-\\d{4,}-[0-9A-Z]");

    int linesSent;
    int redeliveries;
    int webhookPosts;
    int webhookRefused;
    int exactlyOnce;
    int orderViolations;
    int repliesLost;
    int duplicateReplies;
    final Map<String, Integer> duplicatesByReply = new TreeMap<>();
    int formsCompleted;
    int formsWithOneCase;
    int formsWithoutCase;
    int formsWithSeveralCases;
    int cases;
    int noticesLost;
    int noticesDoubled;
    long noticesUndelivered;
    long deadLetters;
    int rejectedCalls;
    final List<String> problems = new ArrayList<>();

    static ChaosReport of(FakeBotApiServer telegram, JedisPooled redis, ChaosChats chats, int pushesBefore) {
        ChaosReport r = new ChaosReport();
        r.linesSent = chats.linesSent();
        r.redeliveries = chats.duplicatesSent.get();
        List<WebhookPusher.Push> all = telegram.webhookPushes();
        List<WebhookPusher.Push> pushes = all.subList(Math.min(pushesBefore, all.size()), all.size());
        r.webhookPosts = pushes.size();
        r.webhookRefused = (int) pushes.stream().filter(p -> p.status() < 200 || p.status() > 299).count();
        r.rejectedCalls = telegram.rejectedCalls().size();
        Map<String, List<String>> casesByOwner = casesByOwner(redis);
        Map<String, Integer> topics = new HashMap<>();
        for (JsonNode topic : telegram.topics(ChaosCluster.STAFF_GROUP)) {
            topics.merge(topic.path("name").asText(), 1, Integer::sum);
        }
        for (ChaosChats.Chat chat : chats.chats) {
            r.judge(chat, telegram.sentMessages(chat.chat().id()));
            List<String> owned = casesByOwner.getOrDefault(Long.toString(chat.chat().id()), List.of());
            r.cases += owned.size();
            for (String t : owned) {
                long withNumber = topics.entrySet().stream().filter(e -> e.getKey().contains(t))
                        .mapToInt(Map.Entry::getValue).sum();
                if (withNumber == 0) {
                    r.noticesLost++;
                    r.problems.add("no staff topic for " + t);
                } else if (withNumber > 1) {
                    r.noticesDoubled++;
                }
            }
        }
        r.countCases(chats, casesByOwner);
        r.noticesUndelivered = ChaosQuiet.undelivered(redis, "teahouse:cases:notices");
        r.deadLetters = redis.exists("teahouse:outbox:dead") ? redis.xlen("teahouse:outbox:dead") : 0;
        return r;
    }

    private void judge(ChaosChats.Chat chat, List<SentMessage> messages) {
        List<ChatScript.Line> lines = chat.script().lines();
        Map<String, Integer> seen = new HashMap<>();
        for (SentMessage m : messages) {
            String text = m.text() == null ? "" : m.text();
            if (seen.merge(text, 1, Integer::sum) > 1) {
                duplicateReplies++;
                duplicatesByReply.merge(firstLine(text), 1, Integer::sum);
            }
        }
        int position = 0;
        boolean formDone = false;
        for (int i = 0; i < lines.size(); i++) {
            String expect = lines.get(i).expect();
            int found = find(messages, expect, position);
            if (found < 0) {
                if (find(messages, expect, 0) >= 0) {
                    orderViolations++;
                    problems.add("chat " + chat.chat().id() + " line " + (i + 1) + ": reply out of order");
                } else {
                    repliesLost++;
                    problems.add("chat " + chat.chat().id() + " line " + (i + 1) + ": no reply \"" + expect + "\"");
                }
                continue;
            }
            position = found + 1;
            if (seen.get(messages.get(found).text()) == 1) {
                exactlyOnce++;
            }
            if (i == chat.script().submitLine()) {
                formDone = true;
            }
        }
        if (formDone) {
            formsCompleted++;
        }
    }

    void countCases(ChaosChats chats, Map<String, List<String>> casesByOwner) {
        for (ChaosChats.Chat chat : chats.chats) {
            int n = casesByOwner.getOrDefault(Long.toString(chat.chat().id()), List.of()).size();
            if (n == 1) {
                formsWithOneCase++;
            } else if (n == 0) {
                formsWithoutCase++;
            } else {
                formsWithSeveralCases++;
                problems.add("chat " + chat.chat().id() + " has " + n + " cases");
            }
        }
    }

    private static int find(List<SentMessage> messages, String expect, int from) {
        for (int k = from; k < messages.size(); k++) {
            if (messages.get(k).text() != null && messages.get(k).text().contains(expect)) {
                return k;
            }
        }
        return -1;
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    /**
     * The most duplicate replies the faults can explain: a reply goes out twice only when its sender is cut after
     * Telegram accepted it and before the outbox entry is acknowledged, i.e. by an instance kill, the Redis kill,
     * the failover (an acknowledgement written to the old master after the replica was promoted is lost) or the
     * freeze, each with at most the 8 sends in flight of one instance (teahouse.messaging.senders).
     */
    static int duplicateBound(int kills) {
        return (kills + 3) * 8;
    }

    static Map<String, List<String>> casesByOwner(JedisPooled redis) {
        Map<String, List<String>> byOwner = new HashMap<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().match("teahouse:case:*").count(1000));
            for (String key : page.getResult()) {
                if (CASE_KEY.matcher(key).matches()) {
                    String owner = redis.hget(key, "ownerChat");
                    byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(key.substring("teahouse:case:".length()));
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return byOwner;
    }

    String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("lines sent (distinct updates)         %d%n", linesSent));
        s.append(String.format("updates delivered again (duplicates)  %d%n", redeliveries));
        s.append(String.format("webhook POSTs through the balancer    %d (not 2xx, so sent again: %d)%n",
                webhookPosts, webhookRefused));
        s.append(String.format("updates answered exactly once         %d of %d%n", exactlyOnce, linesSent));
        s.append(String.format("per-chat order violations             %d%n", orderViolations));
        s.append(String.format("forms completed                       %d (1 case: %d, none: %d, several: %d)%n",
                formsCompleted, formsWithOneCase, formsWithoutCase, formsWithSeveralCases));
        s.append(String.format("replies lost                          %d%n", repliesLost));
        s.append(String.format("duplicate replies                     %d %s%n", duplicateReplies, duplicatesByReply));
        s.append(String.format("notices lost (case without its staff topic) %d, doubled %d, undelivered in stream %d%n",
                noticesLost, noticesDoubled, noticesUndelivered));
        s.append(String.format("dead letters %d, calls the fake refused %d%n", deadLetters, rejectedCalls));
        problems.stream().limit(20).forEach(p -> s.append("  ! ").append(p).append('\n'));
        return s.toString();
    }
}
