package com.teahouse.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Live streams (web chat and console) opened on raw sockets. The limits tests need a socket they can hold open,
 * abandon or count, which no HTTP client gives; these are the request and the reading they all do the same way.
 */
public final class EventStreams {

    private EventStreams() {
    }

    /** Asks for an event stream: GET {@code path} as the page's EventSource does, with the cookie when given. */
    public static void request(Socket socket, String path, String cookie) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** {@link #request}, then the response head (status line and headers). */
    public static String head(Socket socket, String path, String cookie) throws IOException {
        request(socket, path, cookie);
        return readUntil(socket, "\r\n\r\n", "closed before the headers: ");
    }

    /** The status code of a response head. */
    public static int status(String head) {
        return Integer.parseInt(head.substring(9, 12));
    }

    /**
     * Reads until {@code marker} has come, byte by byte so that nothing after it is consumed; what was read. The
     * server closing first is an IOException with {@code closed} and what came.
     */
    public static String readUntil(Socket socket, String marker, String closed) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains(marker)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException(closed + seen);
            }
            seen.append((char) b);
        }
        return seen.toString();
    }
}
