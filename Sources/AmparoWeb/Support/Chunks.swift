extension Array {
    /// Consecutive slices of at most `size` elements, for IN lists and batches the databases accept.
    func chunks(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
