package purkinje.cli;

import picocli.CommandLine;

/** The tool version, filled in by Maven at build time. */
public final class Version implements CommandLine.IVersionProvider {
    public static String get() {
        return purkinje.experiment.Manifests.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"purkinje " + get(), "Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")", "engine: " + purkinje.engine.EnsembleSimulator.engineDescription()};
    }
}
