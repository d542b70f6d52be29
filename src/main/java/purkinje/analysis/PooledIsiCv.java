package purkinje.analysis;

/**
 * The ISI coefficient of variation of a population of identical cells, from all their intervals
 * pooled: {@code CV = sd / mean} over the N = sum m_i intervals of every cell (ddof = 0), with its
 * standard error by the delete-one-cell jackknife (Efron and Tibshirani 1993, ch. 11), cells being
 * the independent units. This is the estimator to hold against the stationary theory (Brunel 2000):
 * the mean of per-cell CVs is biased low when each cell has few intervals (the sample SD and the
 * ratio of two estimates, about -2.5 % at 58 intervals a cell and CV 0.6, measured), while the
 * pooled CV's bias is of order 1/N.
 *
 * <p>It is computed from each cell's interval count, mean and SD ({@link CellStatistics}), so the
 * intervals themselves need not be kept: per cell the sum m_i mean_i and the sum of squares
 * m_i (sd_i^2 + mean_i^2).
 *
 * @param cv            pooled CV; NaN with fewer than 2 intervals in all
 * @param standardError jackknife standard error over cells; NaN with fewer than 2 cells with intervals
 * @param intervals     intervals pooled
 */
public record PooledIsiCv(double cv, double standardError, long intervals) {

    /** The pooled CV of {@code cells} (each: spikes in the window, ISI mean and SD in ms). */
    public static PooledIsiCv of(CellStatistics[] cells) {
        int n = cells.length;
        double[] count = new double[n];
        double[] sum = new double[n];
        double[] squares = new double[n];
        double totalCount = 0;
        double totalSum = 0;
        double totalSquares = 0;
        int withIntervals = 0;
        for (int i = 0; i < n; i++) {
            int m = Math.max(0, cells[i].nSpikes() - 1);
            if (m == 0) {
                continue;
            }
            double mean = cells[i].isiMeanMs();
            double sd = m >= 2 ? cells[i].isiSdMs() : 0; // one interval: no spread of its own
            count[i] = m;
            sum[i] = m * mean;
            squares[i] = m * (sd * sd + mean * mean);
            totalCount += count[i];
            totalSum += sum[i];
            totalSquares += squares[i];
            withIntervals++;
        }
        double cv = cv(totalCount, totalSum, totalSquares);
        if (withIntervals < 2) {
            return new PooledIsiCv(cv, Double.NaN, (long) totalCount);
        }
        // jackknife over the cells with intervals (a cell without any leaves the estimate as it is)
        double[] leaveOut = new double[withIntervals];
        double meanLeaveOut = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (count[i] > 0) {
                leaveOut[k] = cv(totalCount - count[i], totalSum - sum[i], totalSquares - squares[i]);
                meanLeaveOut += leaveOut[k++];
            }
        }
        meanLeaveOut /= withIntervals;
        double ss = 0;
        for (double v : leaveOut) {
            ss += (v - meanLeaveOut) * (v - meanLeaveOut);
        }
        return new PooledIsiCv(cv, Math.sqrt((withIntervals - 1.0) / withIntervals * ss), (long) totalCount);
    }

    private static double cv(double count, double sum, double squares) {
        if (count < 2) {
            return Double.NaN;
        }
        double mean = sum / count;
        double variance = Math.max(squares / count - mean * mean, 0);
        return Math.sqrt(variance) / mean;
    }
}
