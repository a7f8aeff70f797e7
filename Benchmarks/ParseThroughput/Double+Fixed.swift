extension Double {
    /// The value with exactly `digits` decimals (no Foundation formatting here); non-negative values only.
    func fixed(_ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (self * scale).rounded()
        guard scaled.isFinite, scaled < 9e18 else { return "\(self)" }
        let units = Int(scaled)
        let fraction = String(units % Int(scale))
        let padding = String(repeating: "0", count: digits - fraction.count)
        return digits == 0 ? "\(units)" : "\(units / Int(scale)).\(padding)\(fraction)"
    }
}
