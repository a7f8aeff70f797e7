/// A corpus file, read and checked before any timing starts.
struct Corpus {
    /// The path, as given on the command line.
    let path: String
    /// The file's bytes.
    let bytes: [UInt8]
    /// The number of warnings the file and its resolution give.
    let warnings: Int
}
