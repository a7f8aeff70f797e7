// TerwatchCore — sources, watcher, loader, validators, commit and notifiers.
//
// How it works: a `SourceList` turns the sources the user named (files and
// directories) into an ordered list of files; `Loader` reads each with
// `FileSystem` (Glibc calls wrapped once, failing with a `SystemCallError`
// that names the call and the path), parses and resolves them with
// TerwatchEnv against an `InheritedEnvironment`, and returns a
// `LoadedEnvironment` whose diagnostics are in file then position order.
// Secrets directories and `NAME_FILE` targets are layered after the env files,
// one key per file (`Loader+Secrets`). `SecretPolicy.classify` decides which
// keys are secret and why: by name, by origin, by the shape of the value
// (`SecretShape`); `SecretFileHygiene` warns about secret files others can
// read. The one-shot commands are
// frontends (`CheckFrontend`, `PrintFrontend`, `DiffFrontend`) that turn a
// load into a `CommandOutcome` — stdout text, stderr lines, exit status — so
// the `terwatch` executable only parses arguments and writes the outcome.
//
// The reload path after loading: `Candidate(loading:secrets:)` turns a load
// into a `Snapshot` (ordered keys with origin and secrecy, the files read with
// their SHA-256, a digest of the content) or a `LoadFailure`. `ReloadPipeline`
// is a value state machine: fed `Input`s (candidates, validation verdicts,
// health reports, rollback requests, each with its time), it returns
// `Action`s — validate, commit, reject, unchanged, roll back — and keeps the
// generation in force; `SnapshotDiff` says what changed. `ReloadEvent` writes
// an action as the JSON event of DESIGN.md, secrets shown only as keyed
// fingerprints (`Fingerprinter`) and free text passed through a `Redactor`.
// The notifiers that need no child process deliver it: `FIFONotifier` (one
// non-blocking line per event) and `SignalNotifier` (a `UnixSignal` to pids,
// pidfiles or process names). `AuditLog` appends each commit, rejection or
// rollback as an `AuditRecord` (key names, source hashes, no value) to a
// hash chain that `AuditChain.verify` checks.
//
// The agent (`terwatch watch`) wires these together: `ReloadAgent` starts the
// `Watcher`, commits the first load, then feeds the watcher's events through
// a `DebounceDriver` and turns each settled `ChangeSet` (or a forced check,
// `AgentCommand.reload`, from `SIGHUP`) into one `ReloadRequest`; requests
// that arrive while a reload runs merge. Each reload loads a `Candidate` and
// drives the `ReloadPipeline`; validation is a `ValidatorChain` (required
// keys, then `--validate` hooks through `HookRunner`, a failure described by
// `HookFailure`). Commits and, on request, rejections become `AgentEvent`s
// (the JSON line plus what a hook's environment needs) published to
// `Subscribers`: FIFO, signal and exec-hook subscribers, each behind its own
// `SubscriberQueue` and task, so none can hold up another or the agent. A
// load's warnings are logged once per change (`LoadWarnings`); secret values
// that rotate out or are turned down stay redacted (`RetiredSecrets`), and a
// value cut by a hook's output tail is redacted up to the cut
// (`Redactor+Cuts`).
//
// Processes and signals: `SignalCenter` blocks terwatch's signals at start and
// hands them out as streams from one `sigwaitinfo` thread. `Spawner` starts hooks
// with `posix_spawn` (own process group, clean signal state, no inherited
// descriptor); `ChildExitWatcher` awaits their exits through pidfds, never
// taking another waiter's status; `HookRunner` feeds stdin, keeps the tail of
// the output and tears the group down at the timeout. Wrap mode (`terwatch --
// COMMAND`) adds the child as one more subscriber (`ChildSubscriber`,
// `WrapMode`): `ChildSupervisor` runs the `Supervisor` state machine (start,
// stop, restart, signal, backoff, health) around a child started by
// `terwatch_spawn` (clone, parent-death signal, exec) and an `OrphanReaper` for
// the grandchildren re-parented to terwatch; on a terminal the child is its
// foreground process group (`ControllingTerminal`). `Logger` writes every line through
// the `Redactor` in one `write`.
//
// Runtime: the `terwatch` binary runs every task on `MainLoop`, a default
// executor drained by the main thread, timers included, instead of
// libdispatch's pool, whose monitor would wake the process once a second for
// as long as it lives; an idle agent has no thread that wakes.
