/// A reason the benchmark cannot run, as one lowercase sentence.
struct BenchmarkError: Error, CustomStringConvertible {
    /// The sentence printed before exiting.
    var description: String

    /// Creates an error with its message.
    init(_ description: String) {
        self.description = description
    }
}
