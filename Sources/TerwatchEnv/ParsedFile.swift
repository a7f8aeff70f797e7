/// One parsed file: its entries in order and what was wrong with it.
public struct ParsedFile: Hashable, Sendable {
    /// How the entries are held.
    enum Content {
        /// As the parser left them: byte ranges into the file (see `CompactFile`).
        case compact(CompactFile)
        /// As given to `init` or changed through `entries`.
        case entries([Entry])
    }

    /// The path, as the user named it; used in diagnostics and origins.
    public var path: String
    /// Errors and warnings, in source order.
    public var diagnostics: [Diagnostic]
    /// The entries, compact until someone asks for them.
    var content: Content

    /// Every definition, in source order (built from the compact form on first use).
    public var entries: [Entry] {
        get {
            switch content {
            case .compact(let file): file.entries
            case .entries(let entries): entries
            }
        }
        set {
            content = .entries(newValue)
        }
        _modify {
            // Taken out of `content` first, so a change in place does not copy the array.
            var entries = self.entries
            content = .entries([])
            defer { content = .entries(entries) }
            yield &entries
        }
    }

    /// The entries in the compact form the resolver reads, hand-made names spelled as `spellings` has them.
    func compact(spellings: inout NameSpellings) -> CompactFile {
        switch content {
        case .compact(let file): file
        case .entries(let entries): CompactFile(entries: entries, spellings: &spellings)
        }
    }

    /// Creates a parsed file.
    public init(path: String, entries: [Entry], diagnostics: [Diagnostic] = []) {
        self.path = path
        self.content = .entries(entries)
        self.diagnostics = diagnostics
    }

    /// A parsed file whose entries are `file`'s records.
    init(path: String, compact file: CompactFile, diagnostics: [Diagnostic]) {
        self.path = path
        self.content = .compact(file)
        self.diagnostics = diagnostics
    }

    public static func == (lhs: ParsedFile, rhs: ParsedFile) -> Bool {
        lhs.path == rhs.path && lhs.diagnostics == rhs.diagnostics && lhs.entries == rhs.entries
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(entries)
        hasher.combine(diagnostics)
    }
}

extension ParsedFile: CustomReflectable {
    /// Reflects the entries, not how they are held, so printing a parsed file shows them.
    public var customMirror: Mirror {
        Mirror(self, children: ["path": path, "entries": entries, "diagnostics": diagnostics], displayStyle: .struct)
    }
}
