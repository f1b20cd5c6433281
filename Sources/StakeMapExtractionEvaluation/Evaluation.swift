import StakeMapModel
import StakeMapExtraction
import StakeMapFormats

/// True and false positives and false negatives, and what follows from them.
package struct Score: Sendable, Equatable {
  package var truePositives = 0
  package var falsePositives = 0
  package var falseNegatives = 0

  package init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.falseNegatives = falseNegatives
  }

  /// TP / (TP + FP); 1 when nothing was proposed.
  package var precision: Double {
    let n = truePositives + falsePositives
    return n == 0 ? 1 : Double(truePositives) / Double(n)
  }
  /// TP / (TP + FN); 1 when there is nothing to find.
  package var recall: Double {
    let n = truePositives + falseNegatives
    return n == 0 ? 1 : Double(truePositives) / Double(n)
  }
  package var f1: Double {
    let (p, r) = (precision, recall)
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }

  static func + (a: Score, b: Score) -> Score {
    Score(
      truePositives: a.truePositives + b.truePositives,
      falsePositives: a.falsePositives + b.falsePositives,
      falseNegatives: a.falseNegatives + b.falseNegatives)
  }
}

/// The scores of one protocol (or, summed, of several: micro-averaged).
package struct ProtocolScore: Sendable {
  package var name: String
  package var actors = Score()
  package var ties = Score()
  /// Ties whose party is named outside the sentence (scored only when proposed).
  package var contextTies = Score()
  package var events = Score()
  package var needs = Score()
  package var offers = Score()
  /// Matched ties whose kind equals a gold kind for the pair / all matched ties.
  package var tieKindsCorrect = 0
  /// Matched ties whose status equals a gold status for the pair.
  package var tieStatusesCorrect = 0
  /// Matched events with the gold date (or none where gold has none) / all matched events.
  package var eventDatesCorrect = 0
  /// Matched actors with the gold type.
  package var actorTypesCorrect = 0
  /// Readable lists of what was missed and what was proposed wrongly.
  package var notes: [String] = []

  package init(name: String) { self.name = name }

  static func + (a: ProtocolScore, b: ProtocolScore) -> ProtocolScore {
    var s = ProtocolScore(name: "overall")
    s.actors = a.actors + b.actors
    s.ties = a.ties + b.ties
    s.contextTies = a.contextTies + b.contextTies
    s.events = a.events + b.events
    s.needs = a.needs + b.needs
    s.offers = a.offers + b.offers
    s.tieKindsCorrect = a.tieKindsCorrect + b.tieKindsCorrect
    s.tieStatusesCorrect = a.tieStatusesCorrect + b.tieStatusesCorrect
    s.eventDatesCorrect = a.eventDatesCorrect + b.eventDatesCorrect
    s.actorTypesCorrect = a.actorTypesCorrect + b.actorTypesCorrect
    return s
  }
}

/// Precision, recall and F1 of a draft against a gold annotation (GUIDELINES 7).
///
/// - **Actors**: an extracted actor matches a gold actor when the ``OrganizationName/key(_:)``
///   of its name or an alias equals that of the gold name, an alias or a mention; actors left
///   over are then matched by ``OrganizationName/baseKey(_:)``. Matching is one to one: a
///   second extracted actor for the same organisation is a false positive.
/// - **Ties**: unordered pairs of matched gold actors (the kind is reported separately). A tie
///   with an unmatched actor is a false positive. Context ties are scored against
///   `context_ties` on their own.
/// - **Events**: by title key (equal, or one a word-prefix of the other); dates reported
///   separately.
/// - **Needs and offers**: same (matched) actor and overlapping text in the protocol. Gold
///   claims of a generic role (`soziale Organisation`) can only be missed.
package enum Evaluation {
  package static func score(
    draft: Draft, gold: GoldAnnotation, protocolText: String, name: String
  ) -> ProtocolScore {
    var result = ProtocolScore(name: name)
    let network = draft.network

    // Actors.
    let goldKeys = gold.actors.map { g in Set(([g.name] + g.aliases + g.mentions).map(OrganizationName.key)) }
    let goldBaseKeys = gold.actors.map { g in
      Set(([g.name] + g.aliases + g.mentions).map(OrganizationName.baseKey))
    }
    var goldOf: [Int?] = Array(repeating: nil, count: network.actors.count)
    var matchedGold = Set<Int>()
    for pass in 0..<2 {
      for (i, actor) in network.actors.enumerated() where goldOf[i] == nil {
        let names = [actor.name] + actor.aliases
        let keys = Set(names.map(pass == 0 ? OrganizationName.key : OrganizationName.baseKey))
        let table = pass == 0 ? goldKeys : goldBaseKeys
        if let g = table.indices.first(where: { !matchedGold.contains($0) && !table[$0].isDisjoint(with: keys) }) {
          goldOf[i] = g
          matchedGold.insert(g)
        }
      }
    }
    result.actors.truePositives = matchedGold.count
    result.actors.falsePositives = network.actors.count - matchedGold.count
    result.actors.falseNegatives = gold.actors.count - matchedGold.count
    for (i, g) in goldOf.enumerated() {
      if let g, gold.actors[g].type == network.actors[i].type.rawValue { result.actorTypesCorrect += 1 }
      if g == nil { result.notes.append("actor proposed, not in gold: \(network.actors[i].name)") }
    }
    for g in gold.actors.indices where !matchedGold.contains(g) {
      result.notes.append("actor missed: \(gold.actors[g].name)")
    }
    let goldIndex = Dictionary(
      gold.actors.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    func actorLabel(_ i: Int) -> String { network.actors[i].name }

    // Ties.
    struct Pair: Hashable { var a: Int; var b: Int }
    func pair(_ x: Int, _ y: Int) -> Pair { Pair(a: min(x, y), b: max(x, y)) }
    func scoreTies(_ goldTies: [GoldAnnotation.Tie], context: Bool) -> (Score, Int, [String]) {
      var goldPairs: [Pair: Set<String>] = [:]
      for tie in goldTies where tie.between.count == 2 {
        guard let x = goldIndex[tie.between[0]], let y = goldIndex[tie.between[1]] else { continue }
        goldPairs[pair(x, y), default: []].insert(tie.kind ?? "")
      }
      var proposed: [Pair: Set<String>] = [:]
      var labels: [Pair: String] = [:]
      for (r, relation) in network.relations.enumerated()
      where draft.contextRelations.contains(r) == context {
        // An unmatched actor gets a negative index of its own: the pair is a false positive.
        let x = goldOf[relation.from] ?? -1 - relation.from
        let y = goldOf[relation.to] ?? -1 - relation.to
        let p = pair(x, y)
        proposed[p, default: []].insert(relation.kind.rawValue)
        labels[p] = "\(actorLabel(relation.from)) – \(actorLabel(relation.to))"
      }
      var score = Score()
      var kinds = 0
      var notes: [String] = []
      for (p, k) in proposed {
        if let g = goldPairs[p] {
          score.truePositives += 1
          if !g.isDisjoint(with: k) { kinds += 1 }
        } else {
          score.falsePositives += 1
          notes.append("\(context ? "context tie" : "tie") proposed, not in gold: \(labels[p]!)")
        }
      }
      for p in goldPairs.keys where proposed[p] == nil {
        score.falseNegatives += 1
        notes.append(
          "\(context ? "context tie" : "tie") missed: \(gold.actors[p.a].name) – \(gold.actors[p.b].name)")
      }
      return (score, kinds, notes.sorted())
    }
    func scoreAllTies(_ goldTies: [GoldAnnotation.Tie]) -> (Score, Int, [String]) {
      var goldPairs: [Pair: (kinds: Set<String>, statuses: Set<String>)] = [:]
      for tie in goldTies where tie.between.count == 2 {
        guard let x = goldIndex[tie.between[0]], let y = goldIndex[tie.between[1]] else { continue }
        goldPairs[pair(x, y), default: ([], [])].kinds.insert(tie.kind ?? "")
        goldPairs[pair(x, y), default: ([], [])].statuses.insert(tie.status ?? "existing")
      }
      var proposed: [Pair: (kinds: Set<String>, statuses: Set<String>)] = [:]
      var labels: [Pair: String] = [:]
      for relation in network.relations {
        let x = goldOf[relation.from] ?? -1 - relation.from
        let y = goldOf[relation.to] ?? -1 - relation.to
        let p = pair(x, y)
        proposed[p, default: ([], [])].kinds.insert(relation.kind.rawValue)
        proposed[p, default: ([], [])].statuses.insert(relation.status.rawValue)
        labels[p] = "\(actorLabel(relation.from)) – \(actorLabel(relation.to))"
      }
      var score = Score()
      var kinds = 0
      var notes: [String] = []
      for (p, k) in proposed {
        if let g = goldPairs[p] {
          score.truePositives += 1
          if !g.kinds.isDisjoint(with: k.kinds) { kinds += 1 }
          if !g.statuses.isDisjoint(with: k.statuses) { result.tieStatusesCorrect += 1 }
        } else {
          score.falsePositives += 1
          notes.append("tie proposed, not in gold: \(labels[p]!)")
        }
      }
      for p in goldPairs.keys where proposed[p] == nil {
        score.falseNegatives += 1
        notes.append("tie missed: \(gold.actors[p.a].name) – \(gold.actors[p.b].name)")
      }
      return (score, kinds, notes.sorted())
    }
    if draft.contextRelations.isEmpty {
      // Sentence ties only (--no-context-ties): scored against the sentence ties of the gold.
      let (ties, kinds, tieNotes) = scoreTies(gold.ties, context: false)
      result.ties = ties
      result.tieKindsCorrect = kinds
      result.notes += tieNotes
    } else {
      // The default draft: every tie the text states, also across sentences (GUIDELINES
      // 4.7), against the gold's ties and context ties together (version 1 files keep the
      // ones across sentences apart; version 2 files have them all in `ties`).
      let (ties, kinds, tieNotes) = scoreAllTies(gold.ties + gold.contextTies)
      result.ties = ties
      result.tieKindsCorrect = kinds
      result.notes += tieNotes
    }

    // Events.
    func words(_ s: String) -> [Substring] { OrganizationName.key(s).split(separator: " ") }
    var eventMatched = Set<Int>()
    for event in network.events {
      let e = words(event.title)
      let g = gold.events.indices.first { g in
        guard !eventMatched.contains(g) else { return false }
        let w = words(gold.events[g].title)
        return w == e || (!w.isEmpty && !e.isEmpty && (w.starts(with: e) || e.starts(with: w)))
      }
      if let g {
        eventMatched.insert(g)
        result.events.truePositives += 1
        if gold.events[g].date == event.date { result.eventDatesCorrect += 1 }
      } else {
        result.events.falsePositives += 1
        result.notes.append("event proposed, not in gold: \(event.title)")
      }
    }
    for g in gold.events.indices where !eventMatched.contains(g) {
      result.events.falseNegatives += 1
      result.notes.append("event missed: \(gold.events[g].title)")
    }

    // Needs and offers.
    let scalars = Array(protocolText.unicodeScalars)
    func occurrences(_ text: String) -> [Range<Int>] {
      let needle = Array(text.unicodeScalars)
      guard !needle.isEmpty, needle.count <= scalars.count else { return [] }
      var found: [Range<Int>] = []
      for start in 0...(scalars.count - needle.count)
      where scalars[start] == needle[0] && Array(scalars[start..<(start + needle.count)]) == needle {
        found.append(start..<(start + needle.count))
      }
      return found
    }
    func scoreClaims(_ goldClaims: [GoldAnnotation.Claim], need: Bool) -> Score {
      var proposed: [(gold: Int?, span: Range<Int>, label: String)] = []
      for (i, actor) in network.actors.enumerated() {
        for claim in need ? actor.needs : actor.offers {
          guard let o = claim.offsets else { continue }
          proposed.append((goldOf[i], o.start..<o.end, "\(actor.name): \(claim.evidence ?? "")"))
        }
      }
      let goldSpans = goldClaims.map { (goldIndex[$0.actor], occurrences($0.text)) }
      var used = Set<Int>()
      var score = Score()
      for p in proposed {
        let g = goldSpans.indices.first { g in
          !used.contains(g) && goldSpans[g].0 != nil && goldSpans[g].0 == p.gold
            && goldSpans[g].1.contains { $0.overlaps(p.span) }
        }
        if let g {
          used.insert(g)
          score.truePositives += 1
        } else {
          score.falsePositives += 1
          result.notes.append("\(need ? "need" : "offer") proposed, not in gold: \(p.label)")
        }
      }
      for g in goldClaims.indices where !used.contains(g) {
        score.falseNegatives += 1
        result.notes.append(
          "\(need ? "need" : "offer") missed: \(goldClaims[g].actor): \(goldClaims[g].text)")
      }
      return score
    }
    result.needs = scoreClaims(gold.needs, need: true)
    result.offers = scoreClaims(gold.offers, need: false)
    return result
  }

  /// Micro-average: the scores summed.
  package static func overall(_ scores: [ProtocolScore]) -> ProtocolScore {
    scores.reduce(ProtocolScore(name: "overall"), +)
  }

  package struct RunError: Error, Sendable, CustomStringConvertible {
    package var description: String
  }

  /// Extracts every protocol that has a gold file (`NAME.gold.yaml` next to `NAME.txt`) and
  /// scores it. The protocol's file name comes from the gold file's `protocol:` key.
  package static func run(
    goldDirectory: String, protocolDirectory: String,
    options: ExtractionOptions = ExtractionOptions()
  ) throws(RunError) -> [ProtocolScore] {
    guard let names = Files.list(goldDirectory) else {
      throw RunError(description: "cannot read the directory \"\(goldDirectory)\"")
    }
    var scores: [ProtocolScore] = []
    for name in names where name.hasSuffix(".gold.yaml") {
      let goldPath = goldDirectory + "/" + name
      guard let yaml = try? String(decoding: InputFile.contents(of: goldPath), as: UTF8.self) else {
        throw RunError(description: "cannot read \"\(goldPath)\"")
      }
      let gold: GoldAnnotation
      do {
        gold = try GoldAnnotation.parse(yaml)
      } catch {
        throw RunError(description: "\(goldPath): \(error.message)")
      }
      let stem = String(name.dropLast(".gold.yaml".count))
      let file = gold.protocolFile.isEmpty ? stem + ".txt" : gold.protocolFile
      let path = protocolDirectory + "/" + file
      // A byte-order mark stays: offsets count from the start of the file, as Python's
      // open(path, encoding="utf-8").read() does (the normaliser ignores it).
      guard let text = try? String(decoding: InputFile.contents(of: path), as: UTF8.self) else {
        throw RunError(description: "cannot read the protocol \"\(path)\"")
      }
      let draft = ProtocolExtractor.extract(text: text, fileName: file, options: options)
      scores.append(score(draft: draft, gold: gold, protocolText: text, name: stem))
    }
    return scores
  }

  /// The per-protocol table with the micro-averaged total, as Markdown.
  package static func table(_ scores: [ProtocolScore]) -> String {
    func f(_ x: Double) -> String {
      let r = Int((x * 100).rounded())
      return r == 100 ? "1.00" : "0." + (r < 10 ? "0" : "") + "\(r)"
    }
    func cell(_ s: Score) -> String {
      "\(f(s.precision)) / \(f(s.recall)) / \(f(s.f1))"
    }
    func counts(_ s: Score) -> String {
      "\(s.truePositives)/\(s.truePositives + s.falsePositives)/\(s.truePositives + s.falseNegatives)"
    }
    let showContext = scores.contains { $0.contextTies != Score() }
    var lines = [
      "| protocol | actors P / R / F1 | ties P / R / F1 | events P / R / F1 | needs P / R / F1 | offers P / R / F1 |"
        + (showContext ? " context ties P / R / F1 |" : ""),
      "|---|---|---|---|---|---|" + (showContext ? "---|" : ""),
    ]
    for s in scores + [overall(scores)] {
      let name = s.name == "overall" ? "**overall (micro)**" : s.name
      lines.append(
        "| \(name) | \(cell(s.actors)) | \(cell(s.ties)) | \(cell(s.events)) | \(cell(s.needs)) | \(cell(s.offers)) |"
          + (showContext ? " \(cell(s.contextTies)) |" : ""))
    }
    let total = overall(scores)
    lines.append("")
    lines.append(
      "Counts (correct/proposed/gold): actors \(counts(total.actors)), ties \(counts(total.ties)), "
        + "events \(counts(total.events)), needs \(counts(total.needs)), offers \(counts(total.offers))"
        + (showContext ? ", context ties \(counts(total.contextTies))" : "") + ".")
    lines.append(
      "Of the matched: actor types \(total.actorTypesCorrect)/\(total.actors.truePositives), "
        + "tie kinds \(total.tieKindsCorrect)/\(total.ties.truePositives), "
        + "tie statuses \(total.tieStatusesCorrect)/\(total.ties.truePositives), "
        + "event dates \(total.eventDatesCorrect)/\(total.events.truePositives).")
    return lines.joined(separator: "\n") + "\n"
  }
}
