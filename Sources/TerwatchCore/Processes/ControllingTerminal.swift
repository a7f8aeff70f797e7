import CTerwatchSpawn
import Glibc

/// terwatch's controlling terminal, on its standard input: the wrapped child is made the terminal's foreground process group whenever terwatch's group is, and the terminal is taken back when the child stops or exits.
///
/// A shell gives the terminal to terwatch's process group; the child runs in a
/// group of its own, so without a hand-off Ctrl-C would reach terwatch alone
/// and a child reading the terminal would be stopped by SIGTTIN. The hand-off
/// happens in the new child, right after `setpgid` and before `execve`, with
/// every signal blocked (`terwatch_spawn`), so the child is in the foreground
/// from its first instruction; it happens only while terwatch's group holds
/// the terminal, so terwatch in the background never takes it. Every later
/// change goes through `terwatch_hand_terminal`, which blocks SIGTTOU around
/// `tcsetpgrp` and moves the terminal only from the group that holds it.
public struct ControllingTerminal: Hashable, Sendable {
    /// The terminal's descriptor (0).
    public let descriptor: Int32
    /// terwatch's own process group, which gets the terminal back.
    public let group: pid_t

    /// The terminal on standard input when it is this process's controlling terminal; nil when standard input is no terminal, or someone else's, or when terwatch's own group cannot be named.
    public static func standardInput() -> ControllingTerminal? {
        // tcgetpgrp fails (ENOTTY) for a terminal that is not the caller's controlling terminal.
        guard isatty(STDIN_FILENO) == 1, tcgetpgrp(STDIN_FILENO) >= 0 else { return nil }
        // 0: the group lives outside terwatch's pid namespace (`unshare --pid --fork` on a terminal), so the
        // terminal could be handed to the child but never given back to it.
        let group = getpgrp()
        guard group > 0 else { return nil }
        return ControllingTerminal(descriptor: STDIN_FILENO, group: group)
    }

    /// Makes the group `child` the foreground group if terwatch's group is; true when it was handed over.
    @discardableResult
    func give(to child: pid_t) -> Bool {
        terwatch_hand_terminal(descriptor, group, child) == 1
    }

    /// Makes terwatch's group the foreground group again if the group `child` holds the terminal; true when it did.
    @discardableResult
    func takeBack(from child: pid_t) -> Bool {
        terwatch_hand_terminal(descriptor, child, group) == 1
    }
}
