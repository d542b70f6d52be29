/**
 * {@code purkinje lab}: a local web page for teaching, where moving the MEIS1 dosage re-runs the
 * model. {@link purkinje.lab.LabSettings} are the page's controls, {@link purkinje.lab.LabConfig}
 * turns them into a config file (checked by the config rules, runnable by {@code purkinje compare}),
 * {@link purkinje.lab.Lab} runs it through the compare experiment and draws the figures with the
 * CLI's figure classes, and {@link purkinje.lab.LabServer} serves page and API on 127.0.0.1.
 */
package purkinje.lab;
