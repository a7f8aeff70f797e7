import ArgumentParser
import TerwatchCore

/// An option value given by one of its names, the raw values (`--on-change restart`).
///
/// The names are listed without ArgumentParser's default implementations,
/// which go through key paths and string interpolation: setting those up took
/// a noticeable share of every start, option given or not.
protocol ChoiceArgument: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {}

extension ChoiceArgument {
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { rawValue }
}

extension ChangeAction: ChoiceArgument {}
extension RestartPolicy: ChoiceArgument {}
extension LogFormat: ChoiceArgument {}
extension PrintFormat: ChoiceArgument {}
extension DiffFormat: ChoiceArgument {}
