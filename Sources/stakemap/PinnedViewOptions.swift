import ArgumentParser
import StakeMap

/// `render --view netzwerkkarte|grid`: the map views with computed, pinned positions.
struct PinnedViewOptions: ParsableArguments {
  enum View: String, ExpressibleByArgument, CaseIterable { case map, netzwerkkarte, grid }

  @Option(
    help: ArgumentHelp(
      "map (the network, laid out by the engine), netzwerkkarte (focus in the centre, sectors by type family, rings by distance) or grid (power/interest after Mendelow, from the attributes influence and interest).",
      valueName: "view"))
  var view: View = .map

  @Option(
    help: ArgumentHelp(
      "With --view netzwerkkarte: the actor in the centre (id, short name or name; default: the one with the most partners).",
      valueName: "actor"))
  var focus: String?

  @Option(
    help: ArgumentHelp(
      "With --view netzwerkkarte: rings by 'distance' (steps from the focus) or by the values of an actor attribute.",
      valueName: "distance|attribute"))
  var rings: String?

  func validate() throws {
    if view != .netzwerkkarte && (focus != nil || rings != nil) {
      throw OptionError.make(.cliViewFocusNeedsKarte)
    }
  }

  /// Sets ``MapOptions/pinned``. Problems (an unknown focus, an attribute nobody has, ratings
  /// that are not 1 to 5) are printed all at once, as file:line:column where the actor is
  /// declared, and end the command with status 1.
  func apply(to options: inout MapOptions, network: Network, file: String, mapView: MapViewOptions, engine: LayoutEngine?) throws {
    guard view != .map else { return }
    let words = Words(options.language)
    // Fixed places for every actor: all nodes the same size, as on the paper maps.
    options.sizeValues = nil
    options.sizeLabel = nil
    var problems: [String] = []
    var located: [String] = []
    if mapView.ego != nil || mapView.clusterBy != nil || engine != nil {
      problems.append(words(.cliViewViewWithOthers, ["view": view.rawValue]))
    }
    switch view {
    case .map: return
    case .netzwerkkarte:
      var focusIndex = StakeholderMap.hub(of: network, options: options)
      if let focus {
        focusIndex = ReferralLookup.actor(focus, in: network)
        if focusIndex == nil {
          let closest = ReferralLookup.closestActors(to: focus, in: network)
          problems.append(words(.cliViewUnknownFocus, ["actor": focus, "closest": words.list(closest)]))
        }
      }
      var ringBasis = NetzwerkkarteView.Rings.distance
      if let rings, rings != "distance" {
        let known = Set(network.actors.flatMap { actor in
          ["type", "region", "basis", "tag", "short"].filter { actor.attribute($0) != nil } + actor.attributes.keys
        })
        if known.contains(rings) {
          ringBasis = .attribute(rings)
        } else {
          problems.append(
            MapViewOptions.unknownAttribute(
              rings, known: known, plain: .cliViewNoRingsAttribute, hint: .cliViewNoRingsAttributeHint, words: words))
        }
      }
      if problems.isEmpty, let focusIndex {
        options.pinned = .netzwerkkarte(NetzwerkkarteView(focus: focusIndex, rings: ringBasis))
      }
    case .grid:
      let power = PowerInterest(network: network, graph: Graph(network: network))
      for problem in power.problems {
        // file:line:column of the actor (the reader keeps no position per attribute).
        let actor = network.actors[problem.actor]
        let diagnostic = Diagnostic(
          .error, at: actor.location ?? FileLocation(file: file, line: 1, column: 1),
          Sentence(.cliViewBadRating, ["key": .text(problem.key), "actor": .text(actor.id), "value": .text(problem.value)]))
        located.append(diagnostic.description(in: options.language))
      }
      if power.problems.isEmpty && !power.ratings.contains(where: { $0 != nil }) {
        problems.append(words(.cliViewNoRatings))
      }
      if problems.isEmpty && located.isEmpty {
        options.pinned = .grid(Self.gridView(power, network: network, language: options.language))
      }
    }
    guard problems.isEmpty && located.isEmpty else {
      for problem in located { Terminal.error(problem) }
      for problem in problems { Terminal.error(words(.cliError, ["message": problem])) }
      throw ExitCode(1)
    }
  }

  /// The grid's ratings and the notes on actors whose rating and network position disagree.
  static func gridView(_ power: PowerInterest, network: Network, language: Language) -> PowerInterestView {
    PowerInterestView(
      ratings: power.ratings.map { $0.map { PowerInterestView.Rating(influence: $0.influence, interest: $0.interest) } },
      disagreements: Dictionary(uniqueKeysWithValues: power.disagreements.map { i in
        (i, power.disagreementNote(actor: i, language: language))
      }))
  }
}
