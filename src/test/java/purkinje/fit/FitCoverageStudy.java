package purkinje.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coverage study of README "Fitting measured data" (not part of mvn verify; a few minutes):
 * <pre>  mvn -q -B -ntp test -Dtest=FitCoverageStudy -Dpurkinje.fit.coverage=20</pre>
 * For seeds 1..N it simulates the planted truth (threshold +2.5 mV), fits it with a 2-seed
 * predictive check, and counts how often the threshold hypothesis is best, how often its 95 %
 * interval covers +2.5 mV, and how often the wrong-by-construction I_pace hypothesis is ruled out.
 * It prints one line per seed and the counts, and writes them to target/fit-coverage.txt.
 */
class FitCoverageStudy {
    @Test
    @EnabledIfSystemProperty(named = "purkinje.fit.coverage", matches = "[0-9]+")
    void coverageOverSeeds(@TempDir Path dir) throws Exception {
        int seeds = Integer.parseInt(System.getProperty("purkinje.fit.coverage"));
        int best = 0;
        int covered = 0;
        int ruledOut = 0;
        StringBuilder log = new StringBuilder();
        for (int seed = 1; seed <= seeds; seed++) {
            MeasuredCells data = PlantedTruth.record(seed, dir.resolve("seed-" + seed));
            FitExperiment.ConditionFit c = PlantedTruth.fit(data, 2).conditions().get(0);
            HypothesisFit.Parameter p = PlantedTruth.hypothesis(c, "V_th").fit().parameters().get(0);
            boolean isBest = c.best() != null && c.best().name().equals("V_th");
            boolean covers = p.ciLow() < PlantedTruth.V_TH_SHIFT_MV && PlantedTruth.V_TH_SHIFT_MV < p.ciHigh();
            boolean wrongOut = PlantedTruth.hypothesis(c, "I_pace").verdict().startsWith("ruled out");
            best += isBest ? 1 : 0;
            covered += covers ? 1 : 0;
            ruledOut += wrongOut ? 1 : 0;
            String line = String.format(Locale.ROOT, "seed %d: best %s; V_th %+.2f mV [%+.2f, %+.2f] %s; I_pace %s%n",
                    seed, c.best() == null ? "none" : c.best().name(), p.estimate(), p.ciLow(), p.ciHigh(),
                    covers ? "covers" : "MISSES", PlantedTruth.hypothesis(c, "I_pace").verdict());
            System.out.print(line);
            log.append(line);
        }
        String summary = String.format(Locale.ROOT, "over %d seeds: V_th best in %d, its 95 %% interval covers +2.5 mV "
                + "in %d, I_pace ruled out in %d%n", seeds, best, covered, ruledOut);
        System.out.print(summary);
        log.append(summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fit-coverage.txt"), log);
        assertTrue(seeds > 0);
    }
}
