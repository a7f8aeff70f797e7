/// Collects a value's literal bytes and references into fragments.
struct TemplateBuilder {
    private(set) var fragments: [Fragment] = []
    private var text: [UInt8]

    /// Creates a builder that collects text in `buffer` (empty; passed in to reuse its capacity).
    init(buffer: [UInt8] = []) {
        text = buffer
    }

    /// The text buffer, emptied, to be reused by the next builder.
    mutating func recycledBuffer() -> [UInt8] {
        text.removeAll(keepingCapacity: true)
        return text
    }

    /// Appends one literal byte.
    @inline(__always) mutating func append(_ byte: UInt8) {
        text.append(byte)
    }

    /// Appends a run of literal bytes.
    @inline(__always) mutating func append(_ run: Slice<UnsafeBufferPointer<UInt8>>) {
        text.append(contentsOf: run)
    }

    /// Appends a reference after the text so far.
    mutating func append(_ reference: Reference) {
        if fragments.isEmpty { fragments.reserveCapacity(4) }
        flushText()
        fragments.append(.reference(reference))
    }

    /// Drops spaces and tabs at the end of the pending literal text.
    mutating func trimTrailingBlanks() {
        while let last = text.last, ASCII.isBlank(last) { text.removeLast() }
    }

    /// The fragments, pending text included (for the word of a `${…}` operator).
    mutating func finishFragments() -> [Fragment] {
        flushText()
        return fragments
    }

    /// The value: literal when no reference was seen, else a template.
    mutating func finishValue() -> Entry.Value {
        if fragments.isEmpty {
            return .literal(String(decoding: text, as: UTF8.self))
        }
        return .template(Template(finishFragments()))
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        fragments.append(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
    }
}
