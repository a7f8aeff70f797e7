/// One spelling for each non-ASCII name in the hand-made entries of a resolution.
///
/// The resolver compares names as bytes, but two `String`s that differ only in Unicode
/// normalization are equal, and were one key when keys were `String`s. Parsed names
/// are ASCII; the names of entries made by hand are mapped to the first spelling seen,
/// so that such names stay one key.
struct NameSpellings {
    private var first: [String: String] = [:]

    /// The spelling to use for `name`.
    mutating func spelling(of name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name }
        if let seen = first[name] { return seen }
        first[name] = name
        return name
    }
}
