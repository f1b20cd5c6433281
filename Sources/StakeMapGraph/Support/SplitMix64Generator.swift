/// Sebastiano Vigna's SplitMix64 (the seeding generator of xoshiro; G. L. Steele, D. Lea,
/// C. H. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): 64 bits of state,
/// the same stream on every platform. The analysis code's only source of randomness, always
/// seeded explicitly, so every result is reproducible.
package struct SplitMix64Generator: RandomNumberGenerator {
  private var state: UInt64

  package init(seed: UInt64) { state = seed }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection; no modulo bias).
  package mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0)
    let b = UInt64(bound)
    while true {
      let r = next().multipliedFullWidth(by: b)
      if r.low >= b || r.low >= (0 &- b) % b { return Int(r.high) }
    }
  }

  /// Fisher–Yates: a uniformly random permutation of `values`, fixed by the seed.
  package mutating func shuffle(_ values: inout [Int]) {
    var i = values.count - 1
    while i > 0 {
      let j = below(i + 1)
      values.swapAt(i, j)
      i -= 1
    }
  }
}
