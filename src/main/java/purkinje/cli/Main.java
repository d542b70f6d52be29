package purkinje.cli;

/** Entry point: {@code java -jar purkinje.jar COMMAND ...}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LauncherWatch.start();
        RunTemp.start();
        System.exit(PurkinjeCommand.execute(args));
    }
}
