package purkinje.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import purkinje.io.Json;

/** The lab's server: what it answers, what it refuses, and that it stops cleanly. */
class LabServerTest {
    static LabServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = new LabServer(LabTest.lab("demo.yaml"), InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        // a fresh client each time: the server closes idle connections, and a pooled one may have gone stale
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                + pathAndQuery.substring(1))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A raw HTTP/1.1 exchange (to send what HttpClient will not: any Host header, a body with GET). */
    static String raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            return in.readLine();
        }
    }

    @Test
    void servesThePageAndItsFilesFromTheJarWithAStrictPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        for (String id : List.of("id=\"dosage\"", "id=\"save-config\"", "type=\"range\"")) {
            assertTrue(page.body().contains(id), id);
        }
        // nothing from elsewhere: no absolute URL in page, script or style
        for (String f : List.of("/", "/lab.js", "/lab.css")) {
            String body = get(f).body();
            assertFalse(body.matches("(?s).*(https?:)?//[a-z].*") && body.contains("http"), f + " refers elsewhere");
        }
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
        assertEquals(404, get("/etc/passwd").statusCode());
        assertEquals(404, get("/../configs/demo.yaml").statusCode());
    }

    @Test
    void configDownloadIsAYamlAttachment() throws Exception {
        HttpResponse<String> r = get("/api/config?dosage=0.25&cells=8&client=abc");
        assertEquals(200, r.statusCode());
        assertEquals("attachment; filename=\"lab.yaml\"", r.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(r.body().contains("meis1_dosage: 0.25"), r.body());
        assertTrue(r.body().contains("cells_per_condition: 8"), r.body());
    }

    @Test
    void refusesWhatIsNotItsOwn() throws Exception {
        HttpResponse<String> bad = get("/api/run?sigma_v=-1");
        assertEquals(400, bad.statusCode());
        JsonNode error = Json.mapper().readTree(bad.body());
        assertTrue(error.path("error").asText().startsWith("noise.sigma_v"), bad.body());
        assertEquals(400, get("/api/run?file=/etc/passwd").statusCode());
        assertEquals(400, get("/api/run?dosage=0.5&dosage=0.6").statusCode());
        assertEquals(400, get("/api/run?client=" + "x".repeat(40)).statusCode());
        assertEquals(414, get("/api/run?seed=" + "1".repeat(LabServer.MAX_QUERY_CHARS)).statusCode());
        assertEquals(400, get("/api/run?seed=" + "1".repeat(LabServer.MAX_VALUE_CHARS + 1)).statusCode());
        int port = server.port();
        assertTrue(raw("POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 3\r\n\r\nabc")
                .startsWith("HTTP/1.1 405"));
        assertTrue(raw("GET /api/run HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 3\r\n\r\nabc")
                .startsWith("HTTP/1.1 413"));
        assertTrue(raw("GET /api/run?dosage=%ZZ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 400"));
        // a page elsewhere that rebinds its DNS name to 127.0.0.1 is refused
        assertTrue(raw("GET / HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 403"));
        assertTrue(raw("GET / HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 200"));
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (!a.isLoopbackAddress()) {
                    try (Socket s = new Socket()) {
                        assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(a, server.port()), 2000),
                                "reachable on " + a);
                    }
                }
            }
        }
    }

    @Test
    void concurrentTabsDoNotInterfere() throws Exception {
        String a = "/api/run?dosage=0.2&cells=6&duration=0.5&seed=1&client=tabA";
        String b = "/api/run?dosage=0.9&cells=6&duration=0.5&seed=2&client=tabB";
        String aloneA = rates(get(a));
        String aloneB = rates(get(b));
        CompletableFuture<String> ca = CompletableFuture.supplyAsync(() -> rates(unchecked(a)));
        CompletableFuture<String> cb = CompletableFuture.supplyAsync(() -> rates(unchecked(b)));
        assertEquals(aloneA, ca.get(60, TimeUnit.SECONDS));
        assertEquals(aloneB, cb.get(60, TimeUnit.SECONDS));
    }

    private static HttpResponse<String> unchecked(String path) {
        try {
            return get(path);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rates(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        try {
            JsonNode c = Json.mapper().readTree(r.body()).path("conditions");
            return c.get(0).path("mean_rate_hz").asText() + "/" + c.get(1).path("mean_rate_hz").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNewerRequestOfTheSameTabSupersedesTheOlder() throws Exception {
        Supersession s = new Supersession();
        Supersession.Ticket first = s.begin("tab");
        Supersession.Ticket other = s.begin("other-tab");
        first.check();
        // a running request is interrupted by its tab's next one
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                first.interruptibly(() -> {
                    running.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("simulation interrupted", e);
                    }
                    return null;
                });
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        t.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        Supersession.Ticket second = s.begin("tab");
        t.join(10_000);
        assertFalse(t.isAlive());
        assertTrue(outcome.get() instanceof Supersession.Superseded, String.valueOf(outcome.get()));
        assertThrows(Supersession.Superseded.class, first::check);
        second.check();
        other.check(); // another tab is not superseded
        // over HTTP a superseded request answers 409, which the page ignores
        assertEquals(409, LabServerTest.supersededStatus());
    }

    /** Two requests of one tab through the Lab itself: the older, still waiting for the engine, is dropped. */
    static int supersededStatus() throws Exception {
        Lab lab = LabTest.lab("demo.yaml");
        lab.engine().acquire(); // the engine is busy (as with another tab's run)
        CompletableFuture<Object> older;
        CompletableFuture<Object> newer;
        try {
            older = CompletableFuture.supplyAsync(() -> lab.run(LabTest.query("cells", "4", "duration", "0.5"), "tab"));
            awaitQueued(lab, 1);
            newer = CompletableFuture.supplyAsync(() -> lab.run(LabTest.query("cells", "4", "duration", "0.5"), "tab"));
            awaitQueued(lab, 2);
        } finally {
            lab.engine().release();
        }
        newer.get(120, TimeUnit.SECONDS);
        try {
            older.get(120, TimeUnit.SECONDS);
            return 200;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause() instanceof Supersession.Superseded ? 409 : 500;
        }
    }

    private static void awaitQueued(Lab lab, int requests) throws InterruptedException {
        for (long end = System.nanoTime() + 60_000_000_000L; lab.engine().getQueueLength() < requests;) {
            assertTrue(System.nanoTime() < end, "requests did not queue for the engine");
            Thread.sleep(10);
        }
    }

    @Test
    void sigtermAndCtrlCStopTheLabWithExitCodeZeroLeavingNothing() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            Path tmp = dir.resolve("tmp-" + signal); // created by the lab: it restores a vanished temporary folder
            Path work = Files.createDirectories(dir.resolve("work-" + signal));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-Djava.awt.headless=true", "-cp",
                    purkinje.cli.SweepCommandTestAccess.classPath(), "purkinje.cli.Main", "lab", "--port", "0",
                    "--config", Path.of("configs/demo.yaml").toAbsolutePath().toString())
                    .directory(work.toFile()).redirectError(dir.resolve("err-" + signal + ".log").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.matches("lab: http://127\\.0\\.0\\.1:\\d+/"), first);
            String url = first.substring("lab: ".length());
            assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/run?cells=4&duration=0.5"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            // the engine's temporary spike files live only while a request (or the warm-up) is answered
            List<String> spikeFiles = spikeFiles(tmp);
            for (long end = System.nanoTime() + 30_000_000_000L; !spikeFiles.isEmpty() && System.nanoTime() < end;) {
                Thread.sleep(100);
                spikeFiles = spikeFiles(tmp);
            }
            assertEquals(List.of(), spikeFiles);
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "lab stopped on SIG" + signal);
            assertEquals(0, p.exitValue(), () -> "SIG" + signal + ": " + read(dir.resolve("err-" + signal + ".log")));
            try (var files = Files.list(tmp); var written = Files.list(work)) {
                assertEquals(List.of(), files.map(f -> f.getFileName().toString()).toList(), "temporary files left behind");
                assertEquals(0, written.count(), "files written in the working folder");
            }
            try (Socket s = new Socket()) {
                int port = URI.create(url).getPort();
                assertThrows(IOException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", port), 2000));
            }
        }
    }

    private static List<String> spikeFiles(Path tmp) throws IOException {
        try (var files = Files.list(tmp)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("purkinje-spikes-")).toList();
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
