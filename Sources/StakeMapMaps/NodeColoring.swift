import StakeMapModel
import StakeMapText

/// Fill colours by an actor attribute, and the legend entries that explain them.
///
/// `type` uses the fixed ``ActorTypeStyle`` colours, listing only the types present. Any other
/// attribute gets ``Palette/categorical`` colours in sorted order of its values; beyond nine
/// values the rest share grey with the actors that have no value, and the legend says so.
/// Colours are assigned over the whole network, so a filtered or ego view uses the same colours
/// as the full map; its legend lists only what it shows (``entries(shown:)``).
struct NodeColoring {
  struct Entry {
    var color: String
    var text: String
  }

  let heading: String
  let entries: [Entry]
  private let colors: [String]
  /// The legend entry of each actor.
  private let entryOf: [Int]

  init(network: Network, attribute: String, language: Language) {
    if attribute == "type" {
      let present = Set(network.actors.map(\.type))
      let types = ActorType.allCases.filter(present.contains)
      let position = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) })
      self.init(
        heading: Words(language)(.mapActorType),
        entries: types.map { Entry(color: ActorTypeStyle.of($0).fill, text: $0.label(language)) },
        colors: network.actors.map { ActorTypeStyle.of($0.type).fill },
        entryOf: network.actors.map { position[$0.type]! })
      return
    }
    self.init(
      heading: attribute, values: network.actors.map { $0.attribute(attribute) },
      language: language)
  }

  private init(heading: String, entries: [Entry], colors: [String], entryOf: [Int]) {
    self.heading = heading
    self.entries = entries
    self.colors = colors
    self.entryOf = entryOf
  }

  /// Colours for given group names per actor (nil: no value), e.g. detected communities.
  init(heading: String, values: [String?], language: Language) {
    let words = Words(language)
    let distinct = Set(values.compactMap { $0 }).sorted()
    let palette = Palette.categorical
    var colorOf: [String: String] = [:]
    var indexOf: [String: Int] = [:]
    var entries: [Entry] = []
    for (k, value) in distinct.enumerated() where k < palette.count {
      colorOf[value] = palette[k]
      indexOf[value] = k
      entries.append(Entry(color: palette[k], text: value))
    }
    let overflow = distinct.count - palette.count
    let missing = values.contains { $0 == nil }
    let neutralIndex = entries.count
    if overflow > 0 || missing {
      var text = missing ? words(.mapNoValue) : ""
      if overflow > 0 {
        text += (text.isEmpty ? "" : ", ")
          + words.count(overflow, one: .mapMoreValuesOne, other: .mapMoreValuesOther)
      }
      entries.append(Entry(color: Palette.neutral, text: text))
    }
    self.init(
      heading: heading, entries: entries,
      colors: values.map { $0.flatMap { colorOf[$0] } ?? Palette.neutral },
      entryOf: values.map { $0.flatMap { indexOf[$0] } ?? neutralIndex })
  }

  func color(of actor: Int) -> String { colors[actor] }

  /// The legend entries used by the actors with `shown[i]` true, in legend order.
  func entries(shown: [Bool]) -> [Entry] {
    var used = Set<Int>()
    for (i, visible) in shown.enumerated() where visible { used.insert(entryOf[i]) }
    return entries.indices.filter(used.contains).map { entries[$0] }
  }
}
