import TerwatchEnv

/// How the validator chain judged a candidate.
public enum ValidationVerdict: Hashable, Sendable {
    /// Every check and hook accepted it.
    case passed
    /// A check or hook rejected it: why (one sentence, may include hook output) and any diagnostics.
    case failed(reason: String, diagnostics: [Diagnostic])
}
