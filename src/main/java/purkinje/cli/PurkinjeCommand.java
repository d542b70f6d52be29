package purkinje.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: lists the subcommands; exit codes as in {@link ExitCodes}. */
@Command(name = "purkinje", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Leaky integrate-and-fire simulator of zebrafish cerebellar Purkinje cells:",
            "wild-type vs reduced-MEIS1 populations, spike statistics and figures."},
        subcommands = {DemoCommand.class, CompareCommand.class, FiCommand.class, ValidateCommand.class,
            SweepCommand.class, MergeCommand.class, PlotCommand.class, BenchCommand.class, LabCommand.class,
            FitCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeOnInvalidInput = ExitCodes.BAD_INPUT, exitCodeOnExecutionException = ExitCodes.FAILURE,
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad usage or config (nothing written), 128 + signal when "
                + "interrupted (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP; nothing written).",
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
        cl.setParameterExceptionHandler(PurkinjeCommand::usageError);
        cl.addSubcommand("completion", new picocli.AutoComplete.GenerateCompletion());
        // named as it is called: the usage line said picocli's own name, 'generate-completion'
        cl.getSubcommands().get("completion").getCommandSpec().name("completion").usageMessage().description(
                "Print a bash/zsh completion script: source <(purkinje completion)");
        everyCommand(cl, sub -> {
            if (sub.getCommandSpec().versionProvider() == null) { // --version answers on every subcommand
                sub.getCommandSpec().versionProvider(new Version());
            }
        });
        javax.imageio.ImageIO.setUseCache(false); // no imageio*.tmp files, which a killed run would leave behind
        try {
            return cl.execute(args);
        } catch (Throwable t) { // an Error (e.g. OutOfMemoryError) escapes picocli's handler
            return Failures.report(t, cl.getErr());
        }
    }

    private static void everyCommand(CommandLine cl, java.util.function.Consumer<CommandLine> action) {
        action.accept(cl);
        cl.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
    }

    /** A usage error: one line with the problem, a suggestion when there is one, and where help is. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = ex.getMessage().strip().replace('\n', ' ');
        String suggestion = "";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (first.startsWith("-")) {
                // the option alone: picocli also listed the value after it ("Unknown options: '--ouT', 'DIR'")
                message = "unknown option '" + first.split("=", 2)[0] + "'";
            } else if (cl.getParent() == null) {
                message = "unknown command '" + first + "'";
            }
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            suggestion = "; did you mean '" + String.join("' or '", u.getSuggestions().subList(0,
                    Math.min(3, u.getSuggestions().size()))) + "'?";
        }
        String name = cl.getCommandName().equals("purkinje") ? "" : cl.getCommandName() + " ";
        err.println("purkinje: " + message + suggestion + " (see 'purkinje " + name + "--help')");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        return Failures.report(ex, cl.getErr());
    }
}
