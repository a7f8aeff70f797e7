import Glibc

extension Redactor {
    /// The mark of a cut, `…` (U+2026), as UTF-8.
    static let cutMark: [UInt8] = [0xE2, 0x80, 0xA6]

    /// The pieces of values that touch a cut mark in `text`, each at least `minimumLength` bytes: a value's end right after a mark, a value's start right before one; sorted by start.
    ///
    /// Text cut short keeps only part of a value that straddled the cut, which
    /// the whole-value search cannot recognise: a hook's output tail that
    /// begins inside a password (`…rd-9f3a tail of output`). The longest such
    /// piece on each side of each mark is found.
    func cutPieces(in text: UnsafeRawBufferPointer) -> [(start: Int, end: Int, term: Int)] {
        guard !terms.isEmpty, text.count >= Self.cutMark.count + Self.minimumLength else { return [] }
        var pieces: [(start: Int, end: Int, term: Int)] = []
        var position = 0
        // memchr finds the mark's first byte fast; most texts have none.
        while let found = memchr(text.baseAddress! + position, Int32(Self.cutMark[0]), text.count - position) {
            position = text.baseAddress!.distance(to: UnsafeRawPointer(found))
            guard position + Self.cutMark.count <= text.count else { break }
            guard text[position + 1] == Self.cutMark[1], text[position + 2] == Self.cutMark[2] else {
                position += 1
                continue
            }
            if let piece = longestStart(endingAt: position, in: text) {
                pieces.append((position - piece.length, position, piece.term))
            }
            let after = position + Self.cutMark.count
            if let piece = longestEnd(startingAt: after, in: text) {
                pieces.append((after, after + piece.length, piece.term))
            }
            position = after
        }
        return pieces.sorted { $0.start < $1.start }
    }

    /// The longest start of a term (at least `minimumLength` bytes) that `text` holds just before `end`, with its length.
    private func longestStart(endingAt end: Int, in text: UnsafeRawBufferPointer) -> (length: Int, term: Int)? {
        var best: (length: Int, term: Int)?
        for (index, term) in terms.enumerated() {
            let bytes = term.bytes
            var length = min(bytes.count, end)
            while length >= max(Self.minimumLength, (best?.length ?? 0) + 1) {
                if bytes[length - 1] == text[end - 1], bytes[..<length].elementsEqual(text[(end - length)..<end]) {
                    best = (length, index)
                    break
                }
                length -= 1
            }
        }
        return best
    }

    /// The longest end of a term (at least `minimumLength` bytes) that `text` holds from `start` on, with its length.
    private func longestEnd(startingAt start: Int, in text: UnsafeRawBufferPointer) -> (length: Int, term: Int)? {
        var best: (length: Int, term: Int)?
        for (index, term) in terms.enumerated() {
            let bytes = term.bytes
            var length = min(bytes.count, text.count - start)
            while length >= max(Self.minimumLength, (best?.length ?? 0) + 1) {
                let from = bytes.count - length
                if bytes[from] == text[start], bytes[from...].elementsEqual(text[start..<(start + length)]) {
                    best = (length, index)
                    break
                }
                length -= 1
            }
        }
        return best
    }
}
