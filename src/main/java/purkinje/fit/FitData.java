package purkinje.fit;

/**
 * What one fit needs: the base model (the reference's cells apart from their drive), where the
 * drive search starts, the recorded cells of the reference and of one test condition, the
 * recording length and whether the ISI CV enters the likelihood.
 *
 * @param x0          ln of the base config's I_pace (pA), where searches start
 * @param recordingMs length of each recording (ms), for the number of intervals and of silent cells
 * @param useCv       true when the data have CVs and the model has a closed-form CV
 */
record FitData(CellModel base, double x0, double[] referenceRatesHz, double[] referenceIsiCvs, double[] testRatesHz,
               double[] testIsiCvs, double recordingMs, boolean useCv) {
    int cells() {
        return referenceRatesHz.length + testRatesHz.length;
    }
}
