/// When to stop warming up and timing; scripts/bench/godotenv_bench.go and
/// python_dotenv_bench.py apply the same rule with the same defaults.
struct MeasuringRule {
    /// The clock the runs are timed with.
    var clock = BenchmarkClock.monotonic
    /// Warm up until this much time has passed (at least one run).
    var warmupSeconds = 0.2
    /// Time runs until at least this much time has passed…
    var minSeconds = 0.5
    /// …and at least this many runs were timed…
    var minIterations = 5
    /// …unless this much time has passed (at least one run).
    var maxSeconds = 20.0
    /// Never time more runs than this.
    var maxIterations = 100_000

    /// Warms up, then times `run`, whose result `keys` counts once the clock has
    /// stopped (so freeing it is not timed, as with the peers' programs); a
    /// warm-up run longer than `maxSeconds` is kept as the only sample.
    func measure<Result>(_ run: () -> Result, keys count: (Result) -> Int) -> Measurement {
        var warmed = 0.0
        repeat {
            let (seconds, result) = clock.time(run)
            if seconds > maxSeconds { return Measurement(samples: [seconds], keys: count(result)) }
            warmed += seconds
        } while warmed < warmupSeconds
        var measurement = Measurement(samples: [], keys: 0)
        var total = 0.0
        repeat {
            let (seconds, result) = clock.time(run)
            measurement.samples.append(seconds)
            measurement.keys = count(result)
            total += seconds
        } while (total < minSeconds || measurement.samples.count < minIterations)
            && total < maxSeconds && measurement.samples.count < maxIterations
        return measurement
    }
}
