/// A JSON value whose objects keep their members in the order given.
public indirect enum JSONValue: Sendable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])
}

extension JSONValue {
    /// An object of string members, in order.
    public static func strings(_ members: [(key: String, value: String)]) -> JSONValue {
        .object(members.map { ($0.key, .string($0.value)) })
    }
}
