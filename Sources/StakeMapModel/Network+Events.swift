extension Network {
  /// The co-participation projection of the events: every pair of distinct actors that took
  /// part in at least one event together, `(a, b, shared events)` with `a < b`, sorted.
  /// Repeated participants of one event count once.
  public func coParticipation() -> [(Int, Int, Int)] {
    var shared: [Int: Int] = [:]
    let n = actors.count
    for event in events {
      let people = Array(Set(event.participants)).sorted()
      for i in people.indices {
        for j in (i + 1)..<people.count {
          shared[people[i] * n + people[j], default: 0] += 1
        }
      }
    }
    return shared.keys.sorted().map { key in (key / n, key % n, shared[key]!) }
  }
}
