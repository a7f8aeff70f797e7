import Synchronization

/// One parsed file's entries in compact form: byte ranges into the file's text instead of strings.
///
/// The parser fills it without making a `String` per key, value or reference; the
/// resolver reads it in place and makes each string it returns once. The public
/// `[Entry]` form is built from it on first use and kept (`entries`).
final class CompactFile: Sendable {
    /// The largest source a compact file holds: its offsets, and those of the text
    /// assembled from it (never longer than the source), fit in 32 bits.
    static let maxSourceBytes = Int(Int32.max)

    /// The file's bytes, as the parser was given them.
    let source: [UInt8]
    /// Text that is no run of the source (escaped or joined values), at offsets from `source.count` on.
    let assembled: [UInt8]
    /// The definitions, in source order.
    let records: [EntryRecord]
    /// The pieces of every template; a template or a word is a range of them.
    let parts: [TemplatePart]
    /// The references the parts point to.
    let references: [ReferenceRecord]
    /// Whether the text is valid UTF-8; if not, each piece is read as its `String` would be.
    let isValidUTF8: Bool
    /// Whether a reference is a `${NAME:=word}` or `${NAME=word}`.
    let hasAssignments: Bool
    /// `entries`, once built.
    private let builtEntries = Mutex<[Entry]?>(nil)

    /// Takes what `builder` collected over `source`.
    init(source: [UInt8], builder: CompactFileBuilder) {
        precondition(builder.sourceCount == source.count)
        self.source = source
        assembled = builder.assembled
        records = builder.records
        parts = builder.parts
        references = builder.references
        isValidUTF8 = builder.isValidUTF8
        hasAssignments = builder.hasAssignments
    }

    /// The entries as the public API gives them, built on first use.
    var entries: [Entry] {
        builtEntries.withLock { built in
            if let built { return built }
            let entries = makeEntries()
            built = entries
            return entries
        }
    }
}
