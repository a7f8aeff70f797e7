/// The timed runs of one workload on one file.
struct Measurement {
    /// Seconds per run, in the order they were taken.
    var samples: [Double]
    /// The number of resolved keys the last run produced.
    var keys: Int

    /// The median of the samples (the mean of the middle two for an even count).
    var medianSeconds: Double {
        let sorted = samples.sorted()
        return (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
    }

    /// Throughput in MB/s (10^6 bytes) for a file of `bytes` bytes.
    func megabytesPerSecond(bytes: Int) -> Double {
        Double(bytes) / 1e6 / max(medianSeconds, 1e-9)
    }
}
