/// A value that expands: literal text interleaved with variable references.
public struct Template: Hashable, Sendable {
    /// The pieces of the value, in order.
    public var fragments: [Fragment]

    /// Creates a template from its pieces.
    public init(_ fragments: [Fragment]) {
        self.fragments = fragments
    }
}

/// One piece of a template.
public enum Fragment: Hashable, Sendable {
    /// Text taken as it is.
    case text(String)
    /// A `$NAME` or `${NAME…}` reference.
    case reference(Reference)
}

/// A `$NAME` or `${NAME<op>word}` reference inside a value.
public struct Reference: Hashable, Sendable {
    /// What a reference does when its variable is unset (or empty, for the colon forms).
    public enum Operation: Hashable, Sendable {
        /// `$NAME`, `${NAME}`: the value, or empty.
        case value
        /// `${NAME-word}`, `${NAME:-word}`: the value, else `word`.
        case useDefault
        /// `${NAME=word}`, `${NAME:=word}`: the value, else `word`, which NAME then takes.
        case assignDefault
        /// `${NAME?message}`, `${NAME:?message}`: the value, else the load fails with `message`.
        case fail
        /// `${NAME+word}`, `${NAME:+word}`: `word` when set, else empty.
        case alternative
    }

    /// The referenced variable's name.
    public var name: String
    /// The operator.
    public var operation: Operation
    /// Whether an empty value counts as unset (the colon forms).
    public var treatsEmptyAsUnset: Bool
    /// The operand of the operator (empty for `.value`).
    public var word: [Fragment]
    /// The position of the `$` that starts the reference.
    public var position: SourcePosition

    /// Creates a reference.
    public init(
        name: String,
        operation: Operation = .value,
        treatsEmptyAsUnset: Bool = false,
        word: [Fragment] = [],
        position: SourcePosition
    ) {
        self.name = name
        self.operation = operation
        self.treatsEmptyAsUnset = treatsEmptyAsUnset
        self.word = word
        self.position = position
    }
}
