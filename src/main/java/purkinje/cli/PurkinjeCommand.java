package purkinje.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import purkinje.io.ConfigException;
import purkinje.model.InvalidParameterException;

/** The root command: lists the subcommands; exit codes as in {@link ExitCodes}. */
@Command(name = "purkinje", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Leaky integrate-and-fire simulator of zebrafish cerebellar Purkinje cells:",
            "wild-type vs reduced-MEIS1 populations, spike statistics and figures."},
        subcommands = {DemoCommand.class, CompareCommand.class, FiCommand.class, ValidateCommand.class,
            SweepCommand.class, MergeCommand.class, PlotCommand.class, BenchCommand.class, LabCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeOnInvalidInput = ExitCodes.BAD_INPUT, exitCodeOnExecutionException = ExitCodes.FAILURE,
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad usage or config (nothing written).",
            "Start with: purkinje demo"})
public final class PurkinjeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command, e.g. 'purkinje demo'");
    }

    /** Runs the command line and returns the exit code (figures never need a display). */
    public static int execute(String... args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cl = new CommandLine(new PurkinjeCommand());
        cl.setExecutionExceptionHandler(PurkinjeCommand::handle);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("purkinje: " + ex.getMessage());
            err.println("(see 'purkinje " + (ex.getCommandLine().getCommandName().equals("purkinje") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help')");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        return cl.execute(args);
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof ConfigException || ex instanceof InvalidParameterException) {
            err.println("purkinje: " + ex.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof UncheckedIOException io) {
            err.println("purkinje: " + io.getMessage() + ": " + io.getCause().getMessage());
        } else {
            err.println("purkinje: failed: " + ex);
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }
}
