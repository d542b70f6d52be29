"""Reference p-values for GroupComparisonTest, from Debian's python3-scipy.

Run: /usr/bin/python3 src/test/python/group_comparison_reference.py
Prints, per case, scipy.stats.mannwhitneyu(ref, test) with the defaults (method='auto',
use_continuity=True, two-sided) and ttest_ind(test, ref, equal_var=False), with 17 digits.
"""
import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(20261201)
cases = {
    "separated_5v5": ([6, 7, 8, 9, 10], [1, 2, 3, 4, 5]),
    "ties_5v6": ([1, 2, 3, 4, 5], [2, 4, 6, 8, 10, 12]),
    "exact_3v12": ([9.5, 12.5, 13.5], [1.0, 2.0, 2.5, 4.0, 5.0, 6.0, 6.5, 8.0, 10.0, 11.0, 12.0, 13.0]),
    "asymptotic_9v10": ([10.1, 11.4, 9.8, 12.2, 13.0, 8.7, 11.9, 10.6, 12.8],
                        [9.1, 8.2, 10.3, 7.7, 9.9, 8.8, 11.1, 7.2, 9.4, 10.0]),
    "ties_3v4": ([1, 2, 2], [2, 3, 3, 4]),
    "random_40v40": (np.round(rng.normal(15.3, 2.2, 40), 6).tolist(),
                     np.round(rng.normal(9.8, 1.9, 40), 6).tolist()),
}
print("scipy", scipy.__version__)
for name, (ref, test) in cases.items():
    mw = stats.mannwhitneyu(ref, test)
    t = stats.ttest_ind(test, ref, equal_var=False)
    print(name)
    if name == "random_40v40":
        print("  ref  =", ", ".join(repr(v) for v in ref))
        print("  test =", ", ".join(repr(v) for v in test))
    print(f"  U={mw.statistic!r} mw_p={mw.pvalue!r} welch_t={t.statistic!r} welch_p={t.pvalue!r}")
