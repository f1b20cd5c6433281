import Testing

@testable import StakeMapFormats
import StakeMapText

@Suite struct EditDistanceTests {
  @Test func distances() {
    #expect(EditDistance.distance("type", "type") == 0)
    #expect(EditDistance.distance("tpye", "type") == 1)  // a swap costs one
    #expect(EditDistance.distance("kitten", "sitting") == 3)
    #expect(EditDistance.distance("", "abc") == 3)
    #expect(EditDistance.distance("Ärger", "Arger") == 1)
    #expect(EditDistance.distance("😀a", "a") == 1)
  }

  @Test func distanceStopsAboveTheLimit() {
    let a = Array("abcdefgh".unicodeScalars)
    let b = Array("zyxwvuts".unicodeScalars)
    #expect(EditDistance.distance(a, b, limit: 2) == 3)
    #expect(EditDistance.distance(a, b) == 8)
  }

  @Test func suggestions() {
    #expect(EditDistance.suggestion(for: "nwd", among: ["lhd", "nwid"]) == "nwid")
    #expect(EditDistance.suggestion(for: "tpye", among: NetworkDecoder.actorKeys) == "type")
    #expect(EditDistance.suggestion(for: "role", among: NetworkDecoder.actorKeys) == "note")
    // Not close: distance equal to the shorter length, or beyond max(2, len/3).
    #expect(EditDistance.suggestion(for: "kind", among: NetworkDecoder.actorKeys) == nil)
    #expect(EditDistance.suggestion(for: "x", among: ["id"]) == nil)
    // Very short ids: a distance of 1 is close when either has two characters or more.
    #expect(EditDistance.suggestion(for: "dd", among: ["a", "d"]) == "d")
    #expect(EditDistance.suggestion(for: "d", among: ["b", "da"]) == "da")
    #expect(EditDistance.suggestion(for: "b1", among: ["c", "b"]) == "b")
    #expect(EditDistance.suggestion(for: "x", among: ["y"]) == nil)
    #expect(EditDistance.suggestion(for: "xy", among: ["a"]) == nil)
    #expect(EditDistance.suggestion(for: "sector", among: NetworkDecoder.actorKeys) == nil)
    // A beginning of three or more characters suggests the shortest candidate it begins.
    let types = ["housing_company", "cooperative", "social_organization"]
    #expect(EditDistance.suggestion(for: "housing", among: types) == "housing_company")
    #expect(EditDistance.suggestion(for: "ho", among: types) == nil)
    // The nearest wins; the earlier on ties.
    #expect(EditDistance.suggestion(for: "abcd", among: ["abxy", "abcx", "abcy"]) == "abcx")
    #expect(EditDistance.suggestion(for: "same", among: ["same"]) == nil)
  }
}
