import StakeMapModel
import StakeMapText

extension GapReport {
  /// The `gaps --format json` document: top-level keys `network`, `structure`, `brokerage`,
  /// `groups`, `fragility`, `needs`, `suggestions` (issue 4). Per-actor values are objects keyed
  /// by actor id, in file order; undefined values are `null`. Byte-identical for identical
  /// input. The suggestions' sentences come from `sentences` (StakeMapReports writes them from
  /// the catalogue; this module holds no words).
  package func json(sentences: (Suggestion) -> SuggestionSentences) -> String {
    var out = JSONObjectWriter()
    out.open()
    writeBody(into: &out, sentences: sentences)
    out.close()
    return out.text + "\n"
  }

  func writeBody(into out: inout JSONObjectWriter, sentences: (Suggestion) -> SuggestionSentences) {
    let ids = network.actors.map(\.id)
    out.key("network") { o in
      o.open()
      o.field("title", string: network.info.title)
      o.field("language", string: options.language.rawValue)
      o.field("actors", int: network.actors.count)
      o.field("group_by", string: options.groupBy)
      o.close()
    }
    out.key("structure") { o in
      o.open()
      o.field("density", number: structure.density)
      o.key("components") { o in
        o.open()
        o.field("count", int: structure.components.count)
        o.field("sizes", raw: "[" + structure.components.map { String($0.members.count) }.joined(separator: ", ") + "]")
        o.key("membership") { o in
          var componentOf = [Int](repeating: 0, count: ids.count)
          for (c, component) in structure.components.enumerated() {
            for m in component.members { componentOf[m] = c }
          }
          o.perActor(ids) { String(componentOf[$0]) }
        }
        o.key("average_path_length") { o in
          o.raw("[" + structure.components.map { JSONText.number($0.averagePathLength) }.joined(separator: ", ") + "]")
        }
        o.key("diameter") { o in
          o.raw("[" + structure.components.map { String($0.diameter) }.joined(separator: ", ") + "]")
        }
        o.close()
      }
      o.field("transitivity", number: structure.transitivity)
      o.field("average_clustering", number: structure.averageClustering)
      o.key("clustering") { o in o.perActor(ids) { JSONText.number(structure.clustering[$0]) } }
      o.field("articulation_points", raw: JSONObjectWriter.idList(structure.articulationPoints.map { ids[$0] }))
      o.field("bridges", raw: "[" + structure.bridges.map { JSONObjectWriter.idList([ids[$0.0], ids[$0.1]]) }.joined(separator: ", ") + "]")
      o.key("local_bridges") { o in
        o.raw("[")
        for (k, bridge) in structure.localBridges.enumerated() {
          o.raw(k == 0 ? "" : ", ")
          o.raw("{\"between\": \(JSONObjectWriter.idList([ids[bridge.pair.u], ids[bridge.pair.v]])), \"span\": \(bridge.span.map(String.init) ?? "null")}")
        }
        o.raw("]")
      }
      o.key("core_numbers") { o in o.perActor(ids) { String(structure.coreNumbers[$0]) } }
      o.close()
    }
    out.key("brokerage") { o in
      o.open()
      o.key("constraint") { o in o.perActor(ids) { JSONText.number(brokerage.constraint[$0]) } }
      o.key("effective_size") { o in o.perActor(ids) { JSONText.number(brokerage.effectiveSize[$0]) } }
      o.key("efficiency") { o in o.perActor(ids) { JSONText.number(brokerage.efficiency[$0]) } }
      o.key("hierarchy") { o in o.perActor(ids) { JSONText.number(brokerage.hierarchy[$0]) } }
      o.key("roles") { o in
        o.perActor(ids) { i in
          let r = brokerage.roles[i]
          return "{\"coordinator\": \(r.coordinator), \"gatekeeper\": \(r.gatekeeper), \"representative\": \(r.representative), \"itinerant\": \(r.itinerant), \"liaison\": \(r.liaison), \"total\": \(r.total)}"
        }
      }
      o.close()
    }
    out.key("groups") { o in
      o.open()
      o.field("names", raw: JSONObjectWriter.idList(groups.names))
      o.key("membership") { o in o.perActor(ids) { JSONText.string(groups.names.isEmpty ? "" : groups.names[groups.membership[$0]]) } }
      o.key("mixing") { o in
        o.open()
        o.field("observed", raw: "[" + groups.observed.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]")
        o.field("expected", raw: "[" + groups.expected.map { "[" + $0.map { JSONText.number($0) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]")
        o.close()
      }
      o.key("ei_index") { o in
        o.open()
        for (g, name) in groups.names.enumerated() {
          o.field(name, raw: JSONText.number(groups.eiIndex[g]))
        }
        o.close()
      }
      o.field("ei_index_overall", raw: JSONText.number(groups.eiOverall))
      o.key("communities") { o in
        o.open()
        o.field("method", string: "louvain (seed \(options.seed))")
        o.field("count", int: (groups.communities.max() ?? -1) + 1)
        o.field("modularity", number: groups.modularity)
        o.key("membership") { o in o.perActor(ids) { String(groups.communities[$0]) } }
        o.close()
      }
      o.close()
    }
    out.key("fragility") { o in
      o.open()
      o.key("disconnected_pairs") { o in o.perActor(ids) { String(fragility.disconnectedPairs[$0]) } }
      o.key("fragmentation") { o in o.perActor(ids) { JSONText.number(fragility.fragmentation[$0]) } }
      o.key("distance_change") { o in o.perActor(ids) { JSONText.number(fragility.distanceChange[$0]) } }
      o.field("distance_method", string: fragility.distanceMethod)
      o.key("key_players") { o in
        o.raw("[")
        for (k, player) in fragility.keyPlayers.enumerated() {
          o.raw(k == 0 ? "" : ", ")
          o.raw("{\"actor\": \(JSONText.string(ids[player.actor])), \"fragmentation\": \(JSONText.number(player.fragmentation))}")
        }
        o.raw("]")
      }
      o.close()
    }
    out.key("needs") { o in
      o.open()
      func evidence(_ e: NeedsMatching.Evidence) -> String {
        "{\"quote\": \(e.quote.map(JSONText.string) ?? "null"), \"source\": \(e.source.map(JSONText.string) ?? "null")}"
      }
      func matches(_ list: [NeedsMatching.Match]) -> String {
        "[" + list.map { m in
          "{\"need_actor\": \(JSONText.string(ids[m.needActor])), \"offer_actor\": \(JSONText.string(ids[m.offerActor])), \"topic\": \(JSONText.string(m.topic)), \"need_evidence\": \(evidence(m.needEvidence)), \"offer_evidence\": \(evidence(m.offerEvidence)), \"distance\": \(m.distance.map(String.init) ?? "null")}"
        }.joined(separator: ", ") + "]"
      }
      o.field("offered_but_unconnected", raw: matches(needs.open))
      o.field("unmet", raw: "[" + needs.unmet.map { u in
        "{\"actor\": \(JSONText.string(ids[u.actor])), \"topic\": \(JSONText.string(u.topic)), \"evidence\": \(evidence(u.evidence))}"
      }.joined(separator: ", ") + "]")
      o.field("met", raw: matches(needs.met))
      o.close()
    }
    out.key("suggestions") { o in
      o.raw("[")
      for (k, s) in suggestions.enumerated() {
        let words = sentences(s)
        o.raw(k == 0 ? "\n" : ",\n")
        var item = JSONObjectWriter(indent: o.indent + 1)
        item.open()
        item.field("between", raw: JSONObjectWriter.idList([ids[s.a], ids[s.b]]))
        item.field("score", number: s.score)
        item.field("text", string: words.text)
        item.key("reasons") { r in
          r.raw("[")
          for (j, reason) in s.reasons.enumerated() {
            r.raw(j == 0 ? "" : ", ")
            let figures = reason.figures.map { "\(JSONText.string($0.0)): \(JSONText.number($0.1))" }.joined(separator: ", ")
            r.raw("{\"kind\": \(JSONText.string(reason.kind.rawValue)), \"text\": \(JSONText.string(j < words.reasons.count ? words.reasons[j] : "")), \"figures\": {\(figures)}, \"actors\": \(JSONObjectWriter.idList(reason.actors.map { ids[$0] }))}")
          }
          r.raw("]")
        }
        item.close()
        o.raw(String(repeating: "  ", count: o.indent + 1) + item.text)
      }
      o.raw(suggestions.isEmpty ? "]" : "\n" + String(repeating: "  ", count: o.indent) + "]")
    }
  }
}

/// The sentences of one suggestion in the JSON: the whole text and one per reason, in order.
package struct SuggestionSentences: Sendable {
  package var text: String
  package var reasons: [String]

  package init(text: String, reasons: [String]) {
    self.text = text
    self.reasons = reasons
  }
}

/// A small writer for pretty, deterministic JSON objects: one member per line, two-space
/// indentation, keys in the order written.
struct JSONObjectWriter {
  private(set) var text = ""
  private(set) var indent: Int
  private var first = [true]

  init(indent: Int = 0) { self.indent = indent }

  static func idList(_ ids: [String]) -> String {
    "[" + ids.map { JSONText.string($0) }.joined(separator: ", ") + "]"
  }

  mutating func raw(_ s: String) { text += s }

  mutating func open() {
    text += "{"
    indent += 1
    first.append(true)
  }

  mutating func close() {
    indent -= 1
    let empty = first.removeLast()
    text += empty ? "}" : "\n" + String(repeating: "  ", count: indent) + "}"
  }

  private mutating func member(_ name: String) {
    text += (first[first.count - 1] ? "\n" : ",\n") + String(repeating: "  ", count: indent)
    first[first.count - 1] = false
    text += JSONText.string(name) + ": "
  }

  mutating func key(_ name: String, _ body: (inout JSONObjectWriter) -> Void) {
    member(name)
    body(&self)
  }

  mutating func field(_ name: String, raw value: String) {
    member(name)
    text += value
  }

  mutating func field(_ name: String, string value: String) { field(name, raw: JSONText.string(value)) }
  mutating func field(_ name: String, number value: Double) { field(name, raw: JSONText.number(value)) }
  mutating func field(_ name: String, int value: Int) { field(name, raw: String(value)) }

  /// `{"id": value, …}` on one line per actor.
  mutating func perActor(_ ids: [String], _ value: (Int) -> String) {
    open()
    for (i, id) in ids.enumerated() { field(id, raw: value(i)) }
    close()
  }
}
