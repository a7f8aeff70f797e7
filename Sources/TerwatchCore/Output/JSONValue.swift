/// A JSON value whose objects keep their members in the order given.
public indirect enum JSONValue: Sendable {
    /// A string.
    case string(String)
    /// A whole number.
    case integer(Int)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An array, in order.
    case array([JSONValue])
    /// An object whose members are written in the order given.
    case object([(key: String, value: JSONValue)])
}

extension JSONValue {
    /// An object of string members, in order.
    public static func strings(_ members: [(key: String, value: String)]) -> JSONValue {
        .object(members.map { ($0.key, .string($0.value)) })
    }
}
