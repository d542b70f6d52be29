package purkinje.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import purkinje.io.Json;

/**
 * The lab's web server (the JDK's built-in {@code com.sun.net.httpserver}): the page, its script
 * and style from the jar (nothing from elsewhere, so it works offline), and a small API:
 * {@code GET /api/start} (start values), {@code GET /api/run?...} (a run, JSON with SVG figures),
 * {@code GET /api/config?...} (the settings as a YAML config to download). Only GET, no request
 * bodies, query strings of at most {@value #MAX_QUERY_CHARS} characters, only the lab's own
 * parameters; no file is read or written for a request. Bound to 127.0.0.1 unless told otherwise;
 * when bound to a loopback address it answers only requests addressed to a loopback name (a web
 * page elsewhere cannot reach it through DNS rebinding).
 */
public final class LabServer implements AutoCloseable {
    /** Longest query string accepted. */
    public static final int MAX_QUERY_CHARS = 1024;
    /** Longest single parameter value accepted. */
    static final int MAX_VALUE_CHARS = 64;
    private static final Pattern CLIENT = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String[]> STATIC = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/lab.js", new String[] {"lab.js", "text/javascript; charset=utf-8"},
            "/lab.css", new String[] {"lab.css", "text/css; charset=utf-8"});

    private final Lab lab;
    private final HttpServer server;
    private final ExecutorService executor;
    private final boolean loopback;
    private final Map<String, byte[]> resources = new LinkedHashMap<>();

    /** Starts serving on {@code bind:port} ({@code port} 0: a free port). */
    public LabServer(Lab lab, InetAddress bind, int port) throws IOException {
        this.lab = lab;
        this.loopback = bind.isLoopbackAddress();
        for (String[] r : STATIC.values()) {
            resources.put(r[0], resource(r[0]));
        }
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "purkinje-lab");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(bind, port), 32);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address to open in a browser. */
    public String url() {
        InetAddress a = server.getAddress().getAddress();
        String host = a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return "http://" + host + ":" + port() + "/";
    }

    private static byte[] resource(String name) {
        try (InputStream in = LabServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks purkinje/lab/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getRawPath();
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "GET");
                error(ex, 405, "only GET is served");
                return;
            }
            if (hasBody(ex)) {
                error(ex, 413, "requests must not carry a body");
                return;
            }
            if (loopback && !loopbackHost(ex.getRequestHeaders().getFirst("Host"))) {
                error(ex, 403, "this lab answers only requests to 127.0.0.1 or localhost");
                return;
            }
            String raw = ex.getRequestURI().getRawQuery();
            if (raw != null && raw.length() > MAX_QUERY_CHARS) {
                error(ex, 414, "query string longer than " + MAX_QUERY_CHARS + " characters");
                return;
            }
            String[] file = STATIC.get(path);
            if (file != null) {
                send(ex, 200, file[1], resources.get(file[0]));
                return;
            }
            switch (path) {
                case "/api/start" -> json(ex, 200, lab.start());
                case "/api/run" -> {
                    Map<String, String> q = query(raw);
                    String client = q.remove("client");
                    json(ex, 200, lab.run(q, client == null ? "-" : client));
                }
                case "/api/config" -> {
                    Map<String, String> q = query(raw);
                    q.remove("client");
                    ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"lab.yaml\"");
                    send(ex, 200, "application/yaml; charset=utf-8", lab.yaml(q).getBytes(StandardCharsets.UTF_8));
                }
                default -> error(ex, 404, "no such page: " + path);
            }
        } catch (LabInputException e) {
            error(ex, 400, e.getMessage());
        } catch (Supersession.Superseded e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("superseded", true);
            json(ex, 409, m);
        } catch (RuntimeException e) {
            // one line for the page and the terminal; never a stack trace in the page
            String line = "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage().lines().findFirst().orElse(""));
            System.err.println("purkinje lab: " + line);
            error(ex, 500, line);
        } finally {
            ex.close();
        }
    }

    private static boolean hasBody(HttpExchange ex) {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        return ex.getRequestHeaders().containsKey("Transfer-Encoding") || (length != null && !length.trim().equals("0"));
    }

    private boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.replaceFirst(":\\d+$", "");
        return List.of("127.0.0.1", "localhost", "[::1]").contains(h.toLowerCase(java.util.Locale.ROOT));
    }

    /** The query's parameters; one line for a malformed, repeated or over-long one. */
    static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String key;
            String value;
            try {
                key = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new LabInputException("the query string is not properly encoded");
            }
            LabSettings.checkName(key);
            if (value.length() > MAX_VALUE_CHARS) {
                throw new LabInputException(key + ": value longer than " + MAX_VALUE_CHARS + " characters");
            }
            if (m.put(key, value) != null) {
                throw new LabInputException(key + ": given twice; give it once");
            }
        }
        String client = m.get("client");
        if (client != null && !CLIENT.matcher(client).matches()) {
            throw new LabInputException("client: use 1 to 32 letters, digits, '_' or '-'");
        }
        return m;
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", Json.mapper().writeValueAsBytes(body));
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        json(ex, status, m);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops serving: open exchanges get at most {@code seconds} to finish; the threads end. */
    public void stop(int seconds) {
        server.stop(seconds);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(0);
    }
}
