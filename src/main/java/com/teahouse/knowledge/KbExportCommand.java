package com.teahouse.knowledge;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import com.teahouse.knowledge.internal.DigestRepository;
import com.teahouse.store.RedisStore;

import redis.clients.jedis.JedisPooled;

/**
 * {@code java -jar teahouse.jar kb export <dir> [--redis-url URL] [--prefix P]}: writes the published digest from
 * Redis into {@code dir} as knowledge/ files (entries/*.md, synonyms.txt, sources.yaml…), so the repository can be
 * brought up to date and checked with {@code kb check <dir>}. The URL defaults to {@code TEAHOUSE_REDIS_URL}, the
 * prefix to {@code TEAHOUSE_REDIS_PREFIX} or {@code teahouse:}. The embedded Redis of a developer's machine has no
 * fixed address: there, download {@code GET /policy/api/export} instead.
 */
public final class KbExportCommand {

    private KbExportCommand() {
    }

    /** @return 0 when written, 2 on a usage error, 1 when the store is empty or unreachable */
    public static int run(String[] args, PrintStream out, Map<String, String> env) {
        String dir = null;
        String url = env.get("TEAHOUSE_REDIS_URL");
        String prefix = env.getOrDefault("TEAHOUSE_REDIS_PREFIX", "teahouse:");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--redis-url") && i + 1 < args.length) {
                url = args[++i];
            } else if (args[i].equals("--prefix") && i + 1 < args.length) {
                prefix = args[++i];
            } else if (dir == null && !args[i].startsWith("--")) {
                dir = args[i];
            } else {
                dir = null;
                break;
            }
        }
        if (dir == null || url == null || url.isBlank()) {
            out.println("usage: kb export <dir> [--redis-url redis://…] [--prefix teahouse:]"
                    + " (the URL defaults to TEAHOUSE_REDIS_URL)");
            return 2;
        }
        try (JedisPooled jedis = new JedisPooled(URI.create(url))) {
            Map<String, String> files = new DigestRepository(new RedisStore(jedis, prefix)).read().files();
            if (files.isEmpty()) {
                out.println("kb export: nothing is published under prefix " + prefix);
                return 1;
            }
            int n = DigestExport.toDirectory(files, Path.of(dir));
            out.printf("kb export: %d files written to %s; check them with: kb check %s%n", n, dir, dir);
            return 0;
        } catch (RuntimeException e) {
            out.println("kb export: cannot read the published digest: " + e.getMessage());
            return 1;
        }
    }
}
