import StakeMapModel

/// Fill colours by an actor attribute, and the legend entries that explain them.
///
/// `type` uses the fixed ``ActorTypeStyle`` colours, listing only the types present. Any other
/// attribute gets ``Palette/categorical`` colours in sorted order of its values; beyond nine
/// values the rest share grey with the actors that have no value, and the legend says so.
struct NodeColoring {
  struct Entry {
    var color: String
    var text: String
  }

  let heading: String
  let entries: [Entry]
  private let colors: [String]

  init(network: Network, attribute: String, language: Language) {
    let de = language == .de
    if attribute == "type" {
      heading = de ? "Akteurstyp" : "Actor type"
      let present = Set(network.actors.map(\.type))
      entries = ActorType.allCases.filter(present.contains).map {
        Entry(color: ActorTypeStyle.of($0).fill, text: $0.label(language))
      }
      colors = network.actors.map { ActorTypeStyle.of($0.type).fill }
      return
    }
    heading = attribute
    let values = network.actors.map { $0.attribute(attribute) }
    let distinct = Set(values.compactMap { $0 }).sorted()
    let palette = Palette.categorical
    var colorOf: [String: String] = [:]
    var entries: [Entry] = []
    for (k, value) in distinct.enumerated() where k < palette.count {
      colorOf[value] = palette[k]
      entries.append(Entry(color: palette[k], text: value))
    }
    let overflow = distinct.count - palette.count
    let missing = values.contains { $0 == nil }
    if overflow > 0 || missing {
      var text = missing ? (de ? "keine Angabe" : "no value") : ""
      if overflow > 0 {
        text += (text.isEmpty ? "" : ", ") + (de ? "\(overflow) weitere Werte" : "\(overflow) more values")
      }
      entries.append(Entry(color: Palette.neutral, text: text))
    }
    self.entries = entries
    colors = values.map { $0.flatMap { colorOf[$0] } ?? Palette.neutral }
  }

  func color(of actor: Int) -> String { colors[actor] }
}
