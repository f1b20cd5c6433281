import StakeMapAlgorithms
import StakeMapGaps
import StakeMapModel
import StakeMapText

/// The words of `stakemap diff`: what changed between two versions, as terminal text, Markdown
/// and one self-contained HTML page (the same Content-Security-Policy as the report; the diff
/// map inline). All words from the catalogue, in `language`; data escaped per syntax.
///
/// Sections, in this order: the two versions and the counts; the network figures before and
/// after; actors added, removed, renamed; relations added, removed, changed; the centrality of
/// the actors that changed most (``VersionComparison/actorOrder``; `limit` rows, 0 for all).
public struct VersionComparisonText: Sendable {
  public var comparison: VersionComparison
  public var language: Language
  /// Names of the two versions for people (file names, or "FILE as of DATE").
  public var oldLabel: String
  public var newLabel: String
  /// Centrality rows shown (0: all actors whose values changed).
  public var limit: Int

  public init(
    _ comparison: VersionComparison, language: Language, oldLabel: String, newLabel: String,
    limit: Int = 20
  ) {
    self.comparison = comparison
    self.language = language
    self.oldLabel = oldLabel
    self.newLabel = newLabel
    self.limit = limit
  }

  var w: Words { Words(language) }
  var diff: NetworkDiff { comparison.diff }

  /// `diff --format json` (keys: SPEC §4).
  public func json() -> String { comparison.json(oldLabel: oldLabel, newLabel: newLabel) }

  // MARK: Pieces shared by the formats

  func actorLine(_ a: Stakeholder) -> String {
    w(.diffActorLine, ["name": a.name, "type": a.type.label(language)])
  }

  func relationLine(_ n: Network, _ r: Relation) -> String {
    let phrase: Phrase = r.directed ? .diffRelationDirected : .diffRelationUndirected
    var line = w(phrase, ["a": n.actors[r.from].name, "b": n.actors[r.to].name, "kind": r.kind.label(language)])
    if r.status != .existing { line += " (" + r.status.label(language) + ")" }
    return line
  }

  func renameLine(_ p: NetworkDiff.ActorPair) -> String {
    let how: Phrase =
      switch p.matchedBy {
      case .id: .diffMatchedByID
      case .name: .diffMatchedByName
      case .nameWithoutLegalForm: .diffMatchedByBaseName
      }
    let o = diff.old.actors[p.old]
    let n = diff.new.actors[p.new]
    return w(.diffRenamedLine, ["old": o.name, "new": n.name, "how": w(how), "old_id": o.id, "id": n.id])
  }

  func changeLine(_ p: NetworkDiff.RelationPair) -> String {
    let r = diff.new.relations[p.new]
    let parts = p.changes.map { change -> String in
      switch change {
      case .status(let a, let b):
        w(.diffChangeStatus, ["before": a.label(language), "after": b.label(language)])
      case .kind(let a, let b):
        w(.diffChangeKind, ["before": a.label(language), "after": b.label(language)])
      case .weight(let a, let b):
        w(.diffChangeWeight, ["before": figure(a), "after": figure(b)])
      case .direction:
        w(.diffChangeDirection)
      }
    }
    return relationLine(diff.new, r) + ": " + parts.joined(separator: "; ")
  }

  func figure(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : w.number(x, places: 3)
  }

  func figure(_ x: Double?) -> String { x.map { figure($0) } ?? w(.commonNoValue) }

  func metricValue(_ x: Double?, _ m: Metric) -> String {
    x.map { w.number($0, places: m.places) } ?? "–"
  }

  func delta(_ b: Double?, _ a: Double?, places: Int) -> String {
    let d = (a ?? 0) - (b ?? 0)
    if abs(d) < 0.5 * pow10(-places) { return "±0" }
    if d == d.rounded(), (b ?? 0) == (b ?? 0).rounded(), abs(d) < 1e9 {
      return (d > 0 ? "+" : "−") + String(Int(abs(d)))
    }
    return (d > 0 ? "+" : "−") + w.number(abs(d), places: places)
  }

  func pow10(_ k: Int) -> Double {
    var x = 1.0
    for _ in 0..<abs(k) { x *= 10 }
    return k < 0 ? 1 / x : x
  }

  func figureLabel(_ key: String) -> String {
    Phrase(rawValue: "gaps.figure." + key).map { w($0) } ?? key
  }

  /// The centrality rows to show: actors whose values changed, most changed first.
  var shownActors: [VersionComparison.ActorRef] {
    let changed = comparison.actorOrder.filter { r in
      comparison.metrics.indices.contains { m in
        let v = comparison.values(r, metric: m)
        return v.before != v.after
      }
    }
    return limit > 0 ? Array(changed.prefix(limit)) : changed
  }

  func name(_ r: VersionComparison.ActorRef) -> String {
    r.new.map { diff.new.actors[$0].name } ?? diff.old.actors[r.old!].name
  }

  /// Metrics shown in the text tables: degree, betweenness, PageRank, those computed (JSON has
  /// every one computed).
  var shownMetrics: [Metric] {
    let preferred = [Metric.degree, .betweenness, .pagerank].filter(comparison.metrics.contains)
    return preferred.isEmpty ? Array(comparison.metrics.prefix(3)) : preferred
  }

  func counts() -> String {
    w(
      .diffCounts,
      [
        "actors_added": w.integer(diff.addedActors.count), "actors_removed": w.integer(diff.removedActors.count),
        "actors_renamed": w.integer(diff.renamedActors.count),
        "relations_added": w.integer(diff.addedRelations.count),
        "relations_removed": w.integer(diff.removedRelations.count),
        "relations_changed": w.integer(diff.changedRelations.count),
      ])
  }

  /// The sections as (heading, lines) for the lists.
  var listSections: [(Phrase, [String])] {
    [
      (.diffActorsAdded, diff.addedActors.map { actorLine(diff.new.actors[$0]) }),
      (.diffActorsRemoved, diff.removedActors.map { actorLine(diff.old.actors[$0]) }),
      (.diffActorsRenamed, diff.renamedActors.map(renameLine)),
      (.diffRelationsAdded, diff.addedRelations.map { relationLine(diff.new, diff.new.relations[$0]) }),
      (.diffRelationsRemoved, diff.removedRelations.map { relationLine(diff.old, diff.old.relations[$0]) }),
      (.diffRelationsChanged, diff.changedRelations.map(changeLine)),
    ]
  }

  // MARK: Text

  /// For a terminal (``TerminalText/safe(_:)``).
  public func text() -> String {
    var out = w(.diffTitle, ["old": oldLabel, "new": newLabel]) + "\n"
    out += counts() + "\n\n"
    if diff.isEmpty { out += w(.diffNothingChanged) + "\n\n" }
    out += Numbers.pad(w(.gapsScenarioFigure), 44) + " " + Numbers.pad(w(.gapsScenarioBefore), 10)
      + " " + Numbers.pad(w(.gapsScenarioAfter), 10) + " " + w(.diffChange) + "\n"
    out += String(repeating: "─", count: 78) + "\n"
    for row in comparison.figures {
      out += Numbers.pad(figureLabel(row.key), 44) + " " + Numbers.pad(figure(row.before), 10) + " "
        + Numbers.pad(figure(row.after), 10) + " " + delta(row.before, row.after, places: 3) + "\n"
    }
    for (heading, lines) in listSections where !lines.isEmpty {
      out += "\n" + w(heading) + " (" + String(lines.count) + ")\n"
      for line in lines { out += "  " + line + "\n" }
    }
    let rows = shownActors
    if !rows.isEmpty {
      out += "\n" + w(.diffCentralityHeading) + "\n"
      var header = Numbers.pad(w(.diffActor), 32)
      for m in shownMetrics { header += " " + Numbers.pad(m.label(language), 26) }
      out += header + "\n" + String(repeating: "─", count: 32 + 27 * shownMetrics.count) + "\n"
      for r in rows {
        var line = Numbers.pad(String(name(r).prefix(32)), 32)
        for metric in shownMetrics {
          let m = comparison.metrics.firstIndex(of: metric)!
          let v = comparison.values(r, metric: m)
          line += " " + Numbers.pad(
            metricValue(v.before, metric) + " → " + metricValue(v.after, metric) + " ("
              + delta(v.before, v.after, places: metric.places) + ")", 26)
        }
        out += line + "\n"
      }
    }
    return TerminalText.safe(out)
  }

  // MARK: Markdown

  /// Markdown; `mapFile` is the diff map's file name beside it, if written.
  public func markdown(mapFile: String?) -> String {
    func m(_ s: String) -> String { MarkdownEscaping.text(s) }
    var out = "# " + m(w(.diffTitle, ["old": oldLabel, "new": newLabel])) + "\n\n"
    out += m(counts()) + "\n\n"
    if let mapFile {
      out += "![" + m(w(.diffMapAlt)) + "](" + MarkdownEscaping.linkDestination(mapFile) + ")\n\n"
      out += m(w(.diffMapLegend)) + "\n\n"
    }
    out += "## " + m(w(.diffFiguresHeading)) + "\n\n"
    out += "| " + m(w(.gapsScenarioFigure)) + " | " + m(w(.gapsScenarioBefore)) + " | "
      + m(w(.gapsScenarioAfter)) + " | " + m(w(.diffChange)) + " |\n|---|---:|---:|---:|\n"
    for row in comparison.figures {
      out += "| " + m(figureLabel(row.key)) + " | " + figure(row.before) + " | " + figure(row.after)
        + " | " + delta(row.before, row.after, places: 3) + " |\n"
    }
    for (heading, lines) in listSections where !lines.isEmpty {
      out += "\n## " + m(w(heading)) + " (" + String(lines.count) + ")\n\n"
      for line in lines { out += "- " + m(line) + "\n" }
    }
    let rows = shownActors
    if !rows.isEmpty {
      out += "\n## " + m(w(.diffCentralityHeading)) + "\n\n| " + m(w(.diffActor)) + " |"
      for metric in shownMetrics { out += " " + m(metric.label(language)) + " |" }
      out += "\n|---|" + String(repeating: "---:|", count: shownMetrics.count) + "\n"
      for r in rows {
        out += "| " + m(name(r)) + " |"
        for metric in shownMetrics {
          let k = comparison.metrics.firstIndex(of: metric)!
          let v = comparison.values(r, metric: k)
          out += " " + metricValue(v.before, metric) + " → " + metricValue(v.after, metric) + " ("
            + delta(v.before, v.after, places: metric.places) + ") |"
        }
        out += "\n"
      }
    }
    return out
  }

  // MARK: HTML

  /// One self-contained page; `mapSVG` is the diff map (inline), if drawn. `generator` goes
  /// into a `<meta name="generator">`.
  public func html(mapSVG: String?, generator: String? = nil) -> String {
    func e(_ s: String) -> String { HTMLEscaping.text(s) }
    let title = w(.diffTitle, ["old": oldLabel, "new": newLabel])
    var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\" />\n"
    h += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(ReportAssets.contentSecurityPolicy)\" />\n"
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
    h += "<meta name=\"referrer\" content=\"no-referrer\" />\n"
    if let generator { h += "<meta name=\"generator\" content=\"\(HTMLEscaping.attribute(generator))\" />\n" }
    h += "<title>\(e(title))</title>\n<style>\(ReportAssets.style)</style>\n</head>\n<body>\n"
    h += "<header>\n<h1>\(e(title))</h1>\n<p class=\"subtitle\">\(e(counts()))</p>\n</header>\n<main>\n"
    if diff.isEmpty { h += "<p>\(e(w(.diffNothingChanged)))</p>\n" }
    if let mapSVG {
      h += "<section class=\"map-page\">\n<h2>\(e(w(.diffMapHeading)))</h2>\n<figure>\n\(mapSVG)\n"
      h += "<figcaption>\(e(w(.diffMapLegend)))</figcaption>\n</figure>\n</section>\n"
    }
    h += "<section>\n<h2>\(e(w(.diffFiguresHeading)))</h2>\n<div class=\"table-wrap\"><table>\n"
    h += "<thead><tr><th scope=\"col\">\(e(w(.gapsScenarioFigure)))</th><th scope=\"col\" class=\"num\">\(e(w(.gapsScenarioBefore)))</th>"
    h += "<th scope=\"col\" class=\"num\">\(e(w(.gapsScenarioAfter)))</th><th scope=\"col\" class=\"num\">\(e(w(.diffChange)))</th></tr></thead>\n<tbody>\n"
    for row in comparison.figures {
      h += "<tr><th scope=\"row\">\(e(figureLabel(row.key)))</th><td class=\"num\">\(e(figure(row.before)))</td>"
      h += "<td class=\"num\">\(e(figure(row.after)))</td><td class=\"num\">\(e(delta(row.before, row.after, places: 3)))</td></tr>\n"
    }
    h += "</tbody>\n</table></div>\n</section>\n"
    for (heading, lines) in listSections where !lines.isEmpty {
      h += "<section>\n<h2>\(e(w(heading))) (\(lines.count))</h2>\n<ul>\n"
      for line in lines { h += "<li>\(e(line))</li>\n" }
      h += "</ul>\n</section>\n"
    }
    let rows = shownActors
    if !rows.isEmpty {
      h += "<section>\n<h2>\(e(w(.diffCentralityHeading)))</h2>\n<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">\(e(w(.diffActor)))</th>"
      for metric in shownMetrics { h += "<th scope=\"col\" class=\"num\">\(e(metric.label(language)))</th>" }
      h += "</tr></thead>\n<tbody>\n"
      for r in rows {
        h += "<tr><th scope=\"row\">\(e(name(r)))</th>"
        for metric in shownMetrics {
          let k = comparison.metrics.firstIndex(of: metric)!
          let v = comparison.values(r, metric: k)
          h += "<td class=\"num\">\(e(metricValue(v.before, metric) + " → " + metricValue(v.after, metric) + " (" + delta(v.before, v.after, places: metric.places) + ")"))</td>"
        }
        h += "</tr>\n"
      }
      h += "</tbody>\n</table></div>\n</section>\n"
    }
    h += "</main>\n<script>\(ReportAssets.script)</script>\n</body>\n</html>\n"
    return h
  }
}
