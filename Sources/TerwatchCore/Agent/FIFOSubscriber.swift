/// `--fifo PATH`: each event as one JSON line on a named pipe, through a `FIFONotifier`.
///
/// Without a reader the newest line is kept (older ones are replaced). It is
/// written at the next event, or at the next reload check after a reader has
/// opened the FIFO: a settled change (even one that changes nothing) or a
/// `SIGHUP` to terwatch. A full pipe drops the line, with a warning that
/// gives the count so far.
actor FIFOSubscriber: Subscriber {
    nonisolated let takesRejections: Bool
    private let notifier: FIFONotifier
    private let logger: Logger
    /// The event whose line waits for a reader, for the log.
    private var kept: (kind: ReloadEvent.Kind, generation: Int)?

    /// Uses the FIFO at `path`, creating it (mode 0600) if nothing is there.
    init(path: String, takesRejections: Bool, logger: Logger) throws(FIFOError) {
        notifier = try FIFONotifier(path: path)
        self.takesRejections = takesRejections
        self.logger = logger
    }

    func receive(_ event: AgentEvent) {
        kept = (event.kind, event.generation)
        report { () throws(FIFOError) in try notifier.deliver(event.line) }
    }

    func nudge() {
        report { () throws(FIFOError) in try notifier.retry() }
    }

    private func report(_ attempt: () throws(FIFOError) -> FIFONotifier.Delivery) {
        do {
            switch try attempt() {
            case .written, .partlyWritten, .nothingPending:
                kept = nil
            case .noReader:
                logger.debug("fifo-waiting", [
                    "path": .string(notifier.path), "event": .string(kept?.kind.rawValue ?? ""),
                    "generation": .integer(kept?.generation ?? 0),
                ])
            case .dropped:
                kept = nil
                logger.warning("fifo-full", ["path": .string(notifier.path), "dropped": .integer(notifier.droppedLines)])
            }
        } catch {
            logger.warning("fifo-failed", ["path": .string(notifier.path), "error": .string(error.description)])
        }
    }
}
