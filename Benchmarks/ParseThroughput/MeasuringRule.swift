/// When to stop warming up and timing; scripts/bench/godotenv_bench.go and
/// python_dotenv_bench.py apply the same rule with the same defaults.
///
/// The files are timed in turns, a slice of runs each, round after round, so
/// that a machine whose speed drifts (a shared one drifts by half within
/// seconds) slows every file alike and the ratios between sizes hold still.
struct MeasuringRule {
    /// The clock the runs are timed with.
    var clock = BenchmarkClock.monotonic
    /// Warm each file up until this much time has passed (at least one run).
    var warmupSeconds = 0.2
    /// A file's turn: runs until this much time has passed (at least one run).
    var sliceSeconds = 0.02
    /// Time a file's runs until at least this much time has passed…
    var minSeconds = 0.5
    /// …and at least this many runs were timed…
    var minIterations = 5
    /// …unless this much time has passed (at least one run).
    var maxSeconds = 20.0
    /// Never time more runs of a file than this.
    var maxIterations = 100_000

    /// Warms up, then times each of `runs` in turns until each has enough samples;
    /// a run's result is counted by `keys` once the clock has stopped (so freeing
    /// it is not timed, as with the peers' programs). A warm-up run longer than
    /// `maxSeconds` is kept as that file's only sample.
    func measure<Result>(_ runs: [() -> Result], keys count: (Result) -> Int) -> [Measurement] {
        var measurements = runs.map { _ in Measurement(samples: [], keys: 0) }
        var timed = runs.map { _ in 0.0 }
        var finished = runs.map { _ in false }
        for index in runs.indices {
            var warmed = 0.0
            repeat {
                let (seconds, result) = clock.time(runs[index])
                if seconds > maxSeconds {
                    measurements[index] = Measurement(samples: [seconds], keys: count(result))
                    finished[index] = true
                    break
                }
                warmed += seconds
            } while warmed < warmupSeconds
        }
        while finished.contains(false) {
            for index in runs.indices where !finished[index] {
                var slice = 0.0
                repeat {
                    let (seconds, result) = clock.time(runs[index])
                    measurements[index].samples.append(seconds)
                    measurements[index].keys = count(result)
                    slice += seconds
                    timed[index] += seconds
                    finished[index] = isEnough(measurements[index].samples.count, seconds: timed[index])
                } while slice < sliceSeconds && !finished[index]
            }
        }
        return measurements
    }

    /// Whether `count` runs taking `seconds` in all are enough samples of a file.
    private func isEnough(_ count: Int, seconds: Double) -> Bool {
        (seconds >= minSeconds && count >= minIterations) || seconds >= maxSeconds || count >= maxIterations
    }
}
