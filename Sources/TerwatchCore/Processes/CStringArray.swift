import Glibc

/// A NULL-terminated array of C strings (an `argv` or `envp`), freed when released.
final class CStringArray {
    /// The array, ready to pass where `char *const []` is expected.
    let pointers: [UnsafeMutablePointer<CChar>?]

    /// Copies `strings` into C strings.
    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}
