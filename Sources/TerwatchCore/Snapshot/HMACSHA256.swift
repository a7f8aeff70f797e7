/// HMAC-SHA256 (RFC 2104) over `SHA256`.
public enum HMACSHA256 {
    /// The authentication code of `message` under `key` (a key longer than a block is hashed first).
    public static func code(for message: some Sequence<UInt8>, key: [UInt8]) -> SHA256.Digest {
        var block = key.count > SHA256.blockSize ? SHA256.hash(key).bytes : key
        block += repeatElement(0, count: SHA256.blockSize - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5C })
        outer.update(inner.finalize().bytes)
        return outer.finalize()
    }
}
