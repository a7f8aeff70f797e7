/// One file a load read, with the SHA-256 of the bytes it parsed.
public struct SourceDigest: Hashable, Sendable {
    /// The file's path, as the source list named it.
    public let path: String
    /// The hash of its content.
    public let digest: SHA256.Digest

    /// Creates a digest record.
    public init(path: String, digest: SHA256.Digest) {
        self.path = path
        self.digest = digest
    }

    /// Hashes `bytes` as the content of `path`.
    public init(path: String, contents bytes: [UInt8]) {
        self.init(path: path, digest: SHA256.hash(bytes))
    }
}
