package purkinje.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import purkinje.io.Json;

/**
 * Headless Chromium driven over its DevTools protocol (a WebSocket on a loopback port), for tests:
 * loads a page, collects console errors, uncaught exceptions and every network request, checks
 * that each image decoded, and takes a screenshot. Started with the flags that work on a closed
 * network (no background networking, no component updates) and a fresh profile folder.
 */
public final class HeadlessChromium implements AutoCloseable {
    /** What loading a page showed. */
    public record PageCheck(List<String> consoleErrors, List<String> requests, List<String> brokenImages, int images,
                     String headline) {
    }

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final List<JsonNode> events = new ArrayList<>();
    private int nextId = 1;

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The browser binary, or null if none is installed. */
    public static Path binary() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    /** Starts the browser; throws IOException with the reason if it cannot start within 30 s. */
    public static HeadlessChromium start(Path binary, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("purkinje-chromium-");
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("Chromium did not start: " + tail(profile.resolve("chromium.log")));
                }
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            String ws = null;
            for (JsonNode t : Json.mapper().readTree(list)) {
                if ("page".equals(t.path("type").asText())) {
                    ws = t.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (ws == null) {
                throw new IOException("Chromium has no page target: " + list);
            }
            LinkedBlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(ws), new Listener(queue)).get(10, TimeUnit.SECONDS);
            HeadlessChromium c = new HeadlessChromium(p, profile, socket);
            c.messages.addAll(queue);
            c.bridge(queue);
            return c;
        } catch (IOException | InterruptedException e) {
            destroy(p, profile);
            throw e;
        } catch (Exception e) {
            destroy(p, profile);
            throw new IOException("cannot talk to Chromium: " + e, e);
        }
    }

    private void bridge(LinkedBlockingQueue<JsonNode> from) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    messages.put(from.take());
                }
            } catch (InterruptedException ignored) {
                // closed
            }
        }, "chromium-messages");
        t.setDaemon(true);
        t.start();
    }

    private static final class Listener implements WebSocket.Listener {
        private final LinkedBlockingQueue<JsonNode> queue;
        private final StringBuilder text = new StringBuilder();

        Listener(LinkedBlockingQueue<JsonNode> queue) {
            this.queue = queue;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    queue.add(Json.mapper().readTree(text.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    /** Sends a command and waits for its reply (events arriving meanwhile are kept). */
    JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException {
        int id = nextId++;
        ObjectNode msg = Json.mapper().createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", params == null ? Json.mapper().createObjectNode() : params);
        socket.sendText(Json.mapper().writeValueAsString(msg), true).join();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode m = messages.poll(1, TimeUnit.SECONDS);
            if (m == null) {
                continue;
            }
            if (m.path("id").asInt(-1) == id) {
                if (m.has("error")) {
                    throw new IOException(method + ": " + m.get("error"));
                }
                return m.path("result");
            }
            events.add(m);
        }
        throw new IOException(method + ": no reply within 60 s");
    }

    /** Waits for an event by method name. */
    private void await(String method) throws IOException, InterruptedException {
        if (events.stream().anyMatch(e -> method.equals(e.path("method").asText()))) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode m = messages.poll(1, TimeUnit.SECONDS);
            if (m != null) {
                events.add(m);
                if (method.equals(m.path("method").asText())) {
                    return;
                }
            }
        }
        throw new IOException("no " + method + " within 60 s");
    }

    /** Opens {@code url} and waits for its load event; console errors and requests are collected from here on. */
    public void navigate(String url) throws IOException, InterruptedException {
        events.clear();
        call("Runtime.enable", null);
        call("Log.enable", null);
        call("Network.enable", null);
        call("Page.enable", null);
        ObjectNode nav = Json.mapper().createObjectNode();
        nav.put("url", url);
        call("Page.navigate", nav);
        await("Page.loadEventFired");
    }

    /** The value of a JavaScript expression in the page (a promise is awaited). */
    public JsonNode evaluate(String expression) throws IOException, InterruptedException {
        ObjectNode eval = Json.mapper().createObjectNode();
        eval.put("expression", expression);
        eval.put("returnByValue", true);
        eval.put("awaitPromise", true);
        JsonNode r = call("Runtime.evaluate", eval);
        if (r.has("exceptionDetails")) {
            throw new IOException("script failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Sends a raw DevTools command (e.g. Input.dispatchMouseEvent) and returns its result. */
    public JsonNode command(String method, ObjectNode params) throws IOException, InterruptedException {
        return call(method, params);
    }

    /** Writes a PNG screenshot of the viewport. */
    public void screenshot(Path file) throws IOException, InterruptedException {
        ObjectNode shot = Json.mapper().createObjectNode();
        shot.put("format", "png");
        byte[] png = Base64.getDecoder().decode(call("Page.captureScreenshot", shot).path("data").asText());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, png);
    }

    /** Loads a file, checks it and writes a screenshot (PNG) of the first {@code height} px. */
    PageCheck load(Path file, Path screenshot) throws IOException, InterruptedException {
        navigate(file.toAbsolutePath().toUri().toString());
        String script = "JSON.stringify({images: Array.from(document.images).map(i => ({alt: i.alt, ok: i.complete "
                + "&& i.naturalWidth > 0 && i.naturalHeight > 0})), headline: (document.getElementById('headline') "
                + "|| {}).textContent || ''})";
        ObjectNode eval = Json.mapper().createObjectNode();
        eval.put("expression", script);
        eval.put("returnByValue", true);
        JsonNode value = Json.mapper().readTree(call("Runtime.evaluate", eval).path("result").path("value").asText());
        List<String> broken = new ArrayList<>();
        for (JsonNode i : value.path("images")) {
            if (!i.path("ok").asBoolean()) {
                broken.add(i.path("alt").asText());
            }
        }
        screenshot(screenshot);
        List<String> errors = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        collect(errors, requests);
        return new PageCheck(errors, requests, broken, value.path("images").size(), value.path("headline").asText());
    }

    /** Drains pending events, then lists the console errors and the requested URLs since {@link #navigate}. */
    public void collect(List<String> errors, List<String> requests) throws InterruptedException {
        for (JsonNode m = messages.poll(); m != null; m = messages.poll()) {
            events.add(m);
        }
        java.util.Map<String, String> urls = new java.util.HashMap<>();
        for (JsonNode e : events) {
            String method = e.path("method").asText();
            JsonNode p = e.path("params");
            switch (method) {
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
                        errors.add("console." + type + ": " + p.path("args"));
                    }
                }
                case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
                case "Log.entryAdded" -> {
                    String level = p.path("entry").path("level").asText();
                    if (level.equals("error") || level.equals("warning")) {
                        errors.add("log " + level + ": " + p.path("entry").path("text").asText() + " "
                                + p.path("entry").path("url").asText());
                    }
                }
                case "Network.requestWillBeSent" -> {
                    requests.add(p.path("request").path("url").asText());
                    urls.put(p.path("requestId").asText(), p.path("request").path("url").asText());
                }
                case "Network.loadingFailed" -> errors.add("load failed: " + p.path("errorText").asText() + " "
                        + urls.getOrDefault(p.path("requestId").asText(), ""));
                default -> {
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway
        }
        destroy(process, profile);
    }

    private static void destroy(Process p, Path profile) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> s = Files.walk(profile)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
