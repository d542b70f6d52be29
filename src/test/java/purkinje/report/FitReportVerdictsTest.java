package purkinje.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import purkinje.fit.FitExperiment;

/** The report reads fit.json's verdicts by their text: the same strings the fit writes. */
class FitReportVerdictsTest {
    @Test
    void theReportsVerdictsAreTheFitsOwn() {
        assertEquals(FitExperiment.INDISTINGUISHABLE, FitReport.INDISTINGUISHABLE);
        assertEquals(FitExperiment.CONSISTENT, FitReport.CONSISTENT);
        assertEquals(FitExperiment.LESS_SUPPORT, FitReport.LESS_SUPPORT);
    }
}
