/// The form of terwatch's log lines on stderr (`--log-format`).
public enum LogFormat: String, CaseIterable, Hashable, Sendable {
    /// `terwatch: reload generation=3 changed=LOG_LEVEL,PORT duration=1.8ms`.
    case text
    /// `{"time":"2026-11-21T22:19:38.123Z","level":"info","event":"reload","generation":3,…}`.
    case json
}
