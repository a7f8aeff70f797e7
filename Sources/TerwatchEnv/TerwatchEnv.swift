// TerwatchEnv — the terwatch dotenv dialect, pure: bytes in, values out.
//
// How it works:
// 1. `DotenvParser` scans one file's UTF-8 bytes line by line into an ordered
//    list of `Entry` values, each with its source position; a value is either
//    literal text or a `Template` of text and `${…}` references. Errors and
//    warnings become `Diagnostic`s; the parser recovers at the next line, so
//    one run reports every error of a file.
// 2. `Resolver` merges the parsed files (later files override earlier ones) and
//    expands every template lazily against the merged set, falling back to the
//    inherited environment, which arrives as a closure. The result is a
//    `Resolution`: ordered `ResolvedEntry` values plus diagnostics.
// 3. `DotenvWriter` turns resolved values back into dotenv text that parses to
//    the same values; `ShellQuoting` writes `export` lines safe for `eval`;
//    `EnvironmentDiff` compares two resolved sets key by key.
//
// The target imports neither Glibc nor Foundation.
