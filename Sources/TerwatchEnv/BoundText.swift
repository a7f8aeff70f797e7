/// One compact file's bytes bound to pointers for the length of a resolution.
///
/// The resolver reads names and literal values in place many times per key; going
/// through the file's arrays each time would cost a retain and a release per read.
struct BoundText {
    /// The file's source bytes.
    let source: UnsafeBufferPointer<UInt8>
    /// The text assembled while parsing, at offsets from `source.count` on.
    let assembled: UnsafeBufferPointer<UInt8>
    /// Whether the bytes are valid UTF-8 (see `CompactFile.isValidUTF8`).
    let isValidUTF8: Bool

    /// The bytes of `range`.
    @inline(__always) func bytes(_ range: TextRange) -> UnsafeBufferPointer<UInt8> {
        if range.start < source.count {
            return UnsafeBufferPointer(rebasing: source[range.start..<range.end])
        }
        let start = range.start - source.count
        return UnsafeBufferPointer(rebasing: assembled[start..<start + range.count])
    }

    /// The text of `range` (invalid UTF-8 repaired).
    @inline(__always) func string(_ range: TextRange) -> String {
        String(decoding: bytes(range), as: UTF8.self)
    }
}

extension CompactFile {
    /// Calls `body` with this file's bytes bound to pointers, valid until `body` returns.
    func withBoundText<Result>(_ body: (BoundText) -> Result) -> Result {
        source.withUnsafeBufferPointer { source in
            assembled.withUnsafeBufferPointer { assembled in
                body(BoundText(source: source, assembled: assembled, isValidUTF8: isValidUTF8))
            }
        }
    }

    /// Calls `body` with the bytes of each of `files` bound to pointers, valid until `body` returns.
    static func withBoundTexts<Result>(
        of files: ArraySlice<CompactFile>, bound: [BoundText] = [], _ body: ([BoundText]) -> Result
    ) -> Result {
        guard let file = files.first else { return body(bound) }
        return file.withBoundText { text in withBoundTexts(of: files.dropFirst(), bound: bound + [text], body) }
    }
}
