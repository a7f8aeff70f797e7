/// Why a hook did not succeed: one sentence naming the hook and how it ended, and the tail of what it printed.
///
/// `validation hook './check.sh' exited with status 3`, `exec hook 'notify'
/// timed out after 30s`, `validation hook 'x' was killed by SIGKILL`,
/// `exec hook 'x' could not run: cannot run '/bin/sh': not found`. The text is
/// not redacted here: the caller redacts it with the secrets in play.
public struct HookFailure: Hashable, Sendable {
    /// Which kind of hook failed.
    public enum Role: String, Hashable, Sendable {
        /// A `--validate` hook.
        case validation = "validation hook"
        /// An `--exec` hook.
        case exec = "exec hook"
    }

    /// The sentence naming the hook and how it ended.
    public let summary: String
    /// Its output, blanks around it trimmed, `…` first when older output was dropped; empty when it printed nothing.
    public let output: String

    /// The summary, then `: ` and the output when there is any.
    public var reason: String { output.isEmpty ? summary : summary + ": " + output }

    /// The failure of a hook that ran; nil when it exited with status 0 in time.
    public init?(_ role: Role, command: String, result: HookResult, timeout: Duration) {
        guard !result.succeeded else { return nil }
        let name = "\(role.rawValue) '\(command)'"
        if result.timedOut {
            summary = "\(name) timed out after \(DurationValue(timeout))"
        } else {
            switch result.status {
            case .exited(let status):
                summary = "\(name) exited with status \(status)"
            case .signaled(let number):
                summary = "\(name) was killed by \(UnixSignal(number: number)?.description ?? "signal \(number)")"
            }
        }
        output = Self.trimmed(result.output)
    }

    /// The failure of a hook that could not be started or waited for.
    public init(_ role: Role, command: String, error: ProcessError) {
        summary = "\(role.rawValue) '\(command)' could not run: \(error)"
        output = ""
    }

    private static func trimmed(_ tail: OutputTail) -> String {
        let text = tail.text
        let isBlank = { (character: Character) in character.isWhitespace }
        let inner = text.drop(while: isBlank).reversed().drop(while: isBlank).reversed()
        guard !inner.isEmpty else { return "" }
        return (tail.droppedByteCount > 0 ? "…" : "") + String(inner)
    }
}
