// TerwatchCore — sources, watcher, loader, validators, commit and notifiers.
//
// How it works: sources are loaded into an immutable snapshot by the loader
// (read, parse and expand with TerwatchEnv); the command-line front ends in
// `terwatch` build their behaviour from these pieces.
