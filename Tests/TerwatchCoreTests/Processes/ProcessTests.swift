import Foundation
import Testing
@testable import TerwatchCore

/// Swift Testing has an `ExitStatus` of its own (for exit tests); these tests mean terwatch's.
typealias ExitStatus = TerwatchCore.ExitStatus

/// Every process test, run one at a time: some count this process's descriptors and threads.
@Suite(.serialized) struct ProcessTests {}
