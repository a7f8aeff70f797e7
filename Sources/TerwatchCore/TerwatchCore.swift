// TerwatchCore — sources, watcher, loader, validators, commit and notifiers.
//
// How it works: a `SourceList` turns the sources the user named (files and
// directories) into an ordered list of files; `Loader` reads each with
// `FileSystem` (Glibc calls wrapped once, failing with a `SystemCallError`
// that names the call and the path), parses and resolves them with
// TerwatchEnv against an `InheritedEnvironment`, and returns a
// `LoadedEnvironment` whose diagnostics are in file then position order.
// `SecretPolicy` decides which keys are secret. The one-shot commands are
// frontends (`CheckFrontend`, `PrintFrontend`, `DiffFrontend`) that turn a
// load into a `CommandOutcome` — stdout text, stderr lines, exit status — so
// the `terwatch` executable only parses arguments and writes the outcome.
