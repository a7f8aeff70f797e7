/// The audit log's hash chain: each line starts `{"prev":"<hex>"`, the SHA-256 of the previous line including its line break.
///
/// The first record's `prev` is 64 zeros. A changed byte in a line breaks
/// the chain at the next line; a deleted or moved line breaks it where the
/// gap or the move is. A change to the last line, or its removal, is not
/// seen by the chain alone (nothing follows it).
public enum AuditChain {
    /// The `prev` of the first record: 64 zeros.
    public static let origin = String(repeating: "0", count: 2 * SHA256.digestSize)

    /// What verifying a log found.
    public enum Verification: Hashable, Sendable {
        /// Every line is a record chained to the one before it.
        case intact(records: Int)
        /// The chain breaks at this 1-based line, for this reason (a lowercase phrase).
        case broken(line: Int, reason: String)
    }

    /// Verifies the chain of a whole log's bytes.
    public static func verify(_ bytes: [UInt8]) -> Verification {
        var expected = origin
        var line = 0
        var start = 0
        while start < bytes.count {
            line += 1
            guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                return .broken(line: line, reason: "the last record has no line break (a write cut short?)")
            }
            let record = bytes[start...newline]
            guard let prev = prev(of: record) else {
                return .broken(line: line, reason: "the record does not start with a prev hash")
            }
            guard prev == expected else {
                return .broken(line: line, reason: line == 1
                    ? "the first record's prev is not all zeros"
                    : "prev does not match the SHA-256 of line \(line - 1)")
            }
            expected = SHA256.hash(record).hex
            start = newline + 1
        }
        return .intact(records: line)
    }

    /// The 64 lowercase hexadecimal digits after `{"prev":"` at the start of `record`, if it starts so.
    private static func prev(of record: ArraySlice<UInt8>) -> String? {
        let opening = Array(#"{"prev":""#.utf8)
        let length = 2 * SHA256.digestSize
        guard record.starts(with: opening), record.count > opening.count + length,
              record[record.startIndex + opening.count + length] == UInt8(ascii: "\"")
        else { return nil }
        let digits = record.dropFirst(opening.count).prefix(length)
        let isHex = digits.allSatisfy {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
        }
        return isHex ? String(decoding: digits, as: UTF8.self) : nil
    }
}
