/// Conversions between the compact form and the public `[Entry]` form.
extension CompactFile {
    /// Compacts entries made by hand (or changed after parsing), so the resolver reads one form;
    /// names are written as `spellings` has them.
    convenience init(entries: [Entry], spellings: inout NameSpellings) {
        var builder = CompactFileBuilder(sourceCount: 0)
        builder.records.reserveCapacity(entries.count)
        for entry in entries {
            let key = builder.appendText(spellings.spelling(of: entry.key).utf8)
            let value: ValueRecord
            switch entry.value {
            case .literal(let text):
                value = .literal(builder.appendText(text.utf8))
            case .template(let template):
                value = .template(IndexRange(Self.compact(template.fragments, into: &builder, spellings: &spellings)))
            case .inherited: value = .inherited
            }
            builder.records.append(EntryRecord(
                key: key, keyHash: Self.nameHash(key, in: builder), value: value,
                quoting: entry.quoting, position: entry.position
            ))
        }
        self.init(source: [], builder: builder)
    }

    /// Appends `fragments` as parts (words first, so each part range is contiguous); returns their range.
    private static func compact(
        _ fragments: [Fragment], into builder: inout CompactFileBuilder, spellings: inout NameSpellings
    ) -> Range<Int> {
        var parts: [TemplatePart] = []
        for fragment in fragments {
            switch fragment {
            case .text(let text):
                parts.append(.text(builder.appendText(text.utf8)))
            case .reference(let reference):
                let word = compact(reference.word, into: &builder, spellings: &spellings)
                let name = builder.appendText(spellings.spelling(of: reference.name).utf8)
                let index = builder.addReference(ReferenceRecord(
                    name: name, nameHash: nameHash(name, in: builder), operation: reference.operation,
                    treatsEmptyAsUnset: reference.treatsEmptyAsUnset, word: word, position: reference.position
                ))
                parts.append(.reference(index))
            }
        }
        let start = builder.parts.count
        builder.parts.append(contentsOf: parts)
        return start..<builder.parts.count
    }

    private static func nameHash(_ range: TextRange, in builder: CompactFileBuilder) -> Int {
        builder.assembled.withUnsafeBufferPointer { NameBytes.hash(UnsafeBufferPointer(rebasing: $0[range.start..<range.end])) }
    }

    /// The entries with strings, as the public API gives them.
    func makeEntries() -> [Entry] {
        withBoundText { text in
            records.map { record in
                let value: Entry.Value = switch record.value {
                case .literal(let range): .literal(text.string(range))
                case .template(let parts): .template(Template(fragments(parts.range, of: text)))
                case .inherited: .inherited
                }
                return Entry(key: text.string(record.key), value: value, quoting: record.quoting, position: record.position)
            }
        }
    }

    private func fragments(_ range: Range<Int>, of text: BoundText) -> [Fragment] {
        parts[range].map { part in
            switch part {
            case .text(let range):
                return .text(text.string(range))
            case .reference(let index):
                let reference = references[index]
                return .reference(Reference(
                    name: text.string(reference.name), operation: reference.operation,
                    treatsEmptyAsUnset: reference.treatsEmptyAsUnset, word: fragments(reference.word, of: text),
                    position: reference.position
                ))
            }
        }
    }
}
