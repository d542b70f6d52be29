package purkinje.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import purkinje.io.ConfigException;
import purkinje.io.ConfigLoader;
import purkinje.io.ShutdownHooks;
import purkinje.lab.Lab;
import purkinje.lab.LabConfig;
import purkinje.lab.LabInputException;
import purkinje.lab.LabServer;

/** {@code purkinje lab}: a local web page where moving the MEIS1 dosage re-runs the model. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"Serve an interactive page on this computer: move the MEIS1 dosage and see the firing change.",
            "Prints 'lab: http://127.0.0.1:PORT/' first; serves until Ctrl-C or SIGTERM (exit 0). Writes no files."})
final class LabCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 8642;

    @Option(names = "--config", paramLabel = "FILE", description = "Cells to start from (default: configs/demo.yaml).")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: " + DEFAULT_PORT + "; 0 picks a "
            + "free one).")
    int port = DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: 127.0.0.1, this "
            + "computer only; another address makes the page reachable from the network).")
    String bind = "127.0.0.1";

    @Option(names = "--open", description = "Open the page in the desktop's browser (xdg-open or open).")
    boolean open;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ConfigException("--port must be 0 to 65535 (0 picks a free port), was " + port);
        }
        if (threads != null && threads < 1) {
            throw new ConfigException("--threads must be at least 1, was " + threads);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ConfigException("--bind: unknown address '" + bind + "'; give an address such as 127.0.0.1");
        }
        ConfigLoader.Loaded loaded = ConfigFiles.load(config, "demo.yaml", Map.of());
        LabConfig labConfig = new LabConfig(loaded);
        if (labConfig.leftOutWarning() != null) {
            System.err.println("purkinje: warning: " + labConfig.leftOutWarning());
        }
        try {
            labConfig.resolve(labConfig.startSettings());
        } catch (LabInputException e) {
            throw new ConfigException(loaded.source() + ": the lab cannot start from it: " + e.getMessage());
        }
        Lab lab = new Lab(labConfig, threads == null ? purkinje.engine.SimulationSettings.allCores() : threads);
        LabServer server;
        try {
            server = new LabServer(lab, address, port);
        } catch (BindException e) {
            // "Address already in use" is the port; anything else ("Cannot assign requested address") the address
            boolean portTaken = String.valueOf(e.getMessage()).contains("in use");
            throw new ConfigException("cannot listen on " + bind + ":" + port + " (" + e.getMessage() + "); "
                    + (portTaken ? "give another port with --port N (0 picks a free one)"
                    : "give an address of this machine with --bind (127.0.0.1, the default, or 0.0.0.0 for all)"));
        }
        CountDownLatch stop = new CountDownLatch(1);
        boolean signals = Signals.onInterruptOrTerminate(stop::countDown);
        try {
            System.out.println("lab: " + server.url());
            System.out.flush();
            System.err.println("purkinje lab: serving " + loaded.source() + "; stop with Ctrl-C");
            Thread warm = new Thread(lab::warmUp, "purkinje-lab-warm-up");
            warm.setDaemon(true);
            warm.start();
            if (open) {
                openBrowser(server.url());
            }
            if (!signals) {
                // signals are taken by the JVM (e.g. -Xrs): stop when it shuts down
                ShutdownHooks.add(() -> server.stop(0), "purkinje-lab-stop");
            }
            stop.await();
        } finally {
            server.stop(0);
        }
        return ExitCodes.OK;
    }

    private static void openBrowser(String url) {
        for (String opener : new String[] {"xdg-open", "open"}) {
            try {
                new ProcessBuilder(opener, url).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return;
            } catch (IOException e) {
                // try the next opener
            }
        }
        System.err.println("purkinje lab: --open: no xdg-open or open found; open " + url + " in a browser");
    }
}
