import Testing
import TerwatchCore

@Suite struct JSONWriterTests {
    @Test func keepsMembersInTheGivenOrder() {
        let value = JSONValue.strings([(key: "Z", value: "1"), (key: "A", value: "2"), (key: "M", value: "3")])
        #expect(JSONWriter.write(value) == #"{"Z":"1","A":"2","M":"3"}"#)
    }

    @Test func writesEveryKindOfValue() {
        let value: JSONValue = .object([
            ("n", .integer(-12)), ("t", .bool(true)), ("f", .bool(false)), ("z", .null),
            ("a", .array([.string("x"), .array([]), .object([])])),
        ])
        #expect(JSONWriter.write(value) == #"{"n":-12,"t":true,"f":false,"z":null,"a":["x",[],{}]}"#)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("", #""""#),
        ("q\"b\\s/", #""q\"b\\s/""#),
        ("\n\r\t\u{08}\u{0C}", #""\n\r\t\b\f""#),
        ("\u{00}\u{01}\u{1B}\u{1F}", #""\u0000\u0001\u001b\u001f""#),
        ("\u{7F} é ✓ 😀 \u{2028}", "\"\u{7F} é ✓ 😀 \u{2028}\""),
    ])
    func escapesStrings(string: String, expected: String) {
        #expect(JSONWriter.quote(string) == expected)
    }
}
