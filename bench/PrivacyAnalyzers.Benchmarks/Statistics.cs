using System;
using System.Collections.Generic;
using System.Linq;

namespace PrivacyAnalyzers.Benchmarks;

internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// Least-squares slope of log(y) against log(x): the exponent k in y ~ x^k (1 = linear, 2 = quadratic).
    /// NaN with fewer than two usable points.
    /// </summary>
    public static double GrowthExponent(IReadOnlyList<(double X, double Y)> points)
    {
        var logs = points.Where(p => p.X > 0 && p.Y > 0).Select(p => (X: Math.Log(p.X), Y: Math.Log(p.Y))).ToList();
        if (logs.Count < 2)
        {
            return double.NaN;
        }

        var meanX = logs.Average(p => p.X);
        var meanY = logs.Average(p => p.Y);
        var covariance = logs.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var variance = logs.Sum(p => (p.X - meanX) * (p.X - meanX));
        return variance == 0 ? double.NaN : covariance / variance;
    }
}
