/// Collects one file's compact records while it is parsed, and the templates being built.
///
/// Template text is copied into `assembled`; a template under construction (a
/// `TemplateBuilder`) owns the text from its `textStart` to the end and the pending
/// parts from its `partBase` up. A nested `${NAME:-word}` starts its own builder on
/// top; when it finishes, its parts move to `parts`, and the outer template takes the
/// reference.
struct CompactFileBuilder {
    /// The size of the source; offsets from here on are in `assembled`.
    let sourceCount: Int
    /// Whether every byte range is valid UTF-8 (the parser clears it for a file with invalid bytes).
    var isValidUTF8 = true
    var assembled: [UInt8] = []
    var records: [EntryRecord] = []
    var parts: [TemplatePart] = []
    private(set) var references: [ReferenceRecord] = []
    /// Whether a reference is a `${NAME:=word}` or `${NAME=word}` (the resolver skips looking for them otherwise).
    private(set) var hasAssignments = false
    /// The parts of the templates being built, innermost last.
    private var pendingParts: [TemplatePart] = []

    /// A builder for a compact file over a source of `sourceCount` bytes.
    init(sourceCount: Int) {
        self.sourceCount = sourceCount
    }

    /// The range of `bytes`, which it appends to the assembled text.
    mutating func appendText<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> TextRange {
        let start = assembled.count
        assembled.append(contentsOf: bytes)
        return TextRange(start: sourceCount + start, count: assembled.count - start)
    }

    // MARK: Templates

    /// Starts a template (or the word of a `${…}` operator) at the end of what is collected.
    func beginTemplate() -> TemplateBuilder {
        TemplateBuilder(partBase: pendingParts.count, textBase: assembled.count, textStart: assembled.count)
    }

    /// Appends one literal byte to the innermost template.
    @inline(__always) mutating func append(_ byte: UInt8) {
        assembled.append(byte)
    }

    /// Appends a run of literal bytes to the innermost template.
    @inline(__always) mutating func append(_ run: Slice<UnsafeBufferPointer<UInt8>>) {
        assembled.append(contentsOf: run)
    }

    /// Appends `reference` to `builder` after its text, which ends at `textEnd`
    /// (where the reference's word begins; by default the end of the text).
    mutating func appendReference(_ reference: ReferenceRecord, to builder: inout TemplateBuilder, textEnd: Int? = nil) {
        let end = textEnd ?? assembled.count
        if end > builder.textStart {
            pendingParts.append(.text(TextRange(start: sourceCount + builder.textStart, count: end - builder.textStart)))
        }
        builder.textStart = assembled.count
        pendingParts.append(.reference(addReference(reference)))
    }

    /// Adds `reference` to the references; returns its index.
    mutating func addReference(_ reference: ReferenceRecord) -> Int {
        if reference.operation == .assignDefault { hasAssignments = true }
        references.append(reference)
        return references.count - 1
    }

    /// Reserves room for `count` references.
    mutating func reserveReferences(_ count: Int) {
        references.reserveCapacity(count)
    }

    /// Drops spaces and tabs at the end of `builder`'s pending text.
    mutating func trimTrailingBlanks(of builder: TemplateBuilder) {
        while assembled.count > builder.textStart, let last = assembled.last, ASCII.isBlank(last) { assembled.removeLast() }
    }

    /// Ends `builder` as the word of an operator: the range of its parts.
    mutating func finishWord(_ builder: inout TemplateBuilder) -> Range<Int> {
        if assembled.count > builder.textStart {
            pendingParts.append(.text(TextRange(start: sourceCount + builder.textStart, count: assembled.count - builder.textStart)))
        }
        let start = parts.count
        parts.append(contentsOf: pendingParts[builder.partBase...])
        pendingParts.removeSubrange(builder.partBase...)
        return start..<parts.count
    }

    /// Ends `builder` as a value: literal when it holds no reference, else a template.
    mutating func finishValue(_ builder: inout TemplateBuilder) -> ValueRecord {
        guard pendingParts.count > builder.partBase else {
            return .literal(TextRange(start: sourceCount + builder.textStart, count: assembled.count - builder.textStart))
        }
        return .template(IndexRange(finishWord(&builder)))
    }

    /// Drops `builder` and everything it collected (a construct that never closed).
    mutating func discard(_ builder: TemplateBuilder) {
        assembled.removeSubrange(builder.textBase...)
        pendingParts.removeSubrange(builder.partBase...)
    }
}

/// Where one template under construction begins in a `CompactFileBuilder`.
struct TemplateBuilder {
    /// The first of its pending parts.
    let partBase: Int
    /// Where its text begins in the assembled text.
    let textBase: Int
    /// The start of its text not yet made a part.
    var textStart: Int
}
