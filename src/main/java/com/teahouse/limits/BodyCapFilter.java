package com.teahouse.limits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one way a request body is capped, for whichever module owns a path: a declared length over the cap is
 * refused before anything is read; a chunked body is read through a stream that fails once it passes the cap, so the
 * rest is never buffered. Either way nothing reaches a controller's effect and the subclass writes the 413 in its
 * own words (the public chat API and the policy office's editor answer differently).
 */
public abstract class BodyCapFilter extends OncePerRequestFilter {

    private final String pathPrefix;
    private final int max;

    protected BodyCapFilter(String pathPrefix, int max) {
        this.pathPrefix = pathPrefix;
        this.max = max;
    }

    protected final int max() {
        return max;
    }

    /** Writes the 413; the status, the content type and {@code Connection: close} are already set. */
    protected abstract void writeTooLarge(HttpServletRequest request, HttpServletResponse response)
            throws IOException;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(pathPrefix);
    }

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            tooLarge(request, response);
            return;
        }
        Bounded bounded = new Bounded(request, max);
        try {
            chain.doFilter(bounded, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!bounded.exceeded || response.isCommitted()) {
                throw e;
            }
        }
        if (bounded.exceeded && !response.isCommitted()) {
            response.reset();
            tooLarge(request, response);
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/json");
        response.setHeader("Connection", "close");
        writeTooLarge(request, response);
    }

    /** The request with a body stream that refuses to go past the cap. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final int max;
        private ServletInputStream stream;
        boolean exceeded;

        Bounded(HttpServletRequest request, int max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8.name() : encoding));
        }

        private final class CappedStream extends ServletInputStream {

            private final ServletInputStream in;
            private long read;

            CappedStream(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = in.read(buffer, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > max) {
                    exceeded = true;
                    throw new BodyTooLarge(max);
                }
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
