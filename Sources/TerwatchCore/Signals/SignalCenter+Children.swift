import Glibc

extension SignalCenter {
    /// Sets `attributes` so a child starts with no blocked signal and every disposition at its default.
    ///
    /// A child inherits its parent's signal mask and ignored signals across
    /// `exec`: without this it would start with terwatch's signals blocked
    /// and `SIGPIPE` ignored (and with whatever the calling thread blocks:
    /// Dispatch's threads block nearly everything). Adds
    /// `POSIX_SPAWN_SETSIGMASK` (an empty mask) and `POSIX_SPAWN_SETSIGDEF`
    /// (every signal) to the flags already set, such as `POSIX_SPAWN_SETPGROUP`.
    /// glibc itself leaves its two internal signals (32 and 33) ignored in
    /// the child, as in every child a glibc program spawns.
    public static func prepareChild(_ attributes: inout posix_spawnattr_t) {
        var flags: Int16 = 0
        posix_spawnattr_getflags(&attributes, &flags)
        posix_spawnattr_setflags(&attributes, flags | Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
    }
}
