import StakeMapText

extension Network {
  /// The network as it stood on `date` (``PartialDate``, a day; a coarser date means its
  /// last day: "as of 2023" is the end of 2023), from the dates in the file:
  ///
  /// - A relation whose `since` lies after `date` did not exist yet and is left out. `since`
  ///   counts from its first day (`since: 2023` is in place as of 2023-01-01).
  /// - A relation whose `until` lies on or before `date` had ended: it stays, with status
  ///   `ended` (analysis ignores it; `render --show-ended` draws it grey). `until` counts from
  ///   its first day too (`until: 2023` ended on 2023-01-01). A relation marked `ended` whose
  ///   `until` lies after `date` was still in place then: status `existing`.
  /// - An event dated after `date` had not taken place and is left out, with its
  ///   participation. Undated relations and events are kept: nothing says they are newer.
  /// - An actor is left out when everything that places it in the network (its relations and
  ///   events) was dated after `date`; an actor without any relation or event is kept.
  ///
  /// Actor indices change when actors are left out; relations and events are re-indexed.
  /// Dates that cannot be read are reported (file:line:column of the relation or event, what
  /// was found, what is expected) and the network is nil: a snapshot never guesses.
  ///
  /// - Complexity: O(actors + relations + participations).
  public func snapshot(asOf date: PartialDate) -> (network: Network?, diagnostics: [Diagnostic]) {
    let day = date.end
    var diagnostics: [Diagnostic] = []
    func read(_ text: String?, _ key: String, _ location: FileLocation?) -> PartialDate? {
      guard let text else { return nil }
      if let parsed = PartialDate(text) { return parsed }
      diagnostics.append(
        .error(
          at: location,
          Sentence(.snapshotBadDate, ["key": .key(key), "found": .quoted(text)])))
      return nil
    }
    var relationKept = [Bool](repeating: true, count: relations.count)
    var relationStatus = relations.map(\.status)
    var placedEarly = [Bool](repeating: false, count: actors.count)
    var placedLate = [Bool](repeating: false, count: actors.count)
    for (r, relation) in relations.enumerated() {
      let since = read(relation.since, "since", relation.location)
      let until = read(relation.until, "until", relation.location)
      if let since, since.start > day {
        relationKept[r] = false
        placedLate[relation.from] = true
        placedLate[relation.to] = true
        continue
      }
      placedEarly[relation.from] = true
      placedEarly[relation.to] = true
      if let until {
        if until.start <= day {
          relationStatus[r] = .ended
        } else if relation.status == .ended {
          relationStatus[r] = .existing
        }
      }
    }
    var eventKept = [Bool](repeating: true, count: events.count)
    for (e, event) in events.enumerated() {
      let when = read(event.date, "date", event.location)
      let late = when.map { $0.start > day } ?? false
      eventKept[e] = !late
      for p in event.participants {
        if late { placedLate[p] = true } else { placedEarly[p] = true }
      }
    }
    guard diagnostics.isEmpty else { return (nil, diagnostics) }

    var out = self
    var newIndex = [Int](repeating: -1, count: actors.count)
    out.actors = []
    for (i, actor) in actors.enumerated() where placedEarly[i] || !placedLate[i] {
      newIndex[i] = out.actors.count
      out.actors.append(actor)
    }
    out.relations = []
    for (r, relation) in relations.enumerated() where relationKept[r] {
      var copy = relation
      copy.from = newIndex[relation.from]
      copy.to = newIndex[relation.to]
      copy.status = relationStatus[r]
      out.relations.append(copy)
    }
    out.events = []
    for (e, event) in events.enumerated() where eventKept[e] {
      var copy = event
      copy.participants = event.participants.compactMap { newIndex[$0] >= 0 ? newIndex[$0] : nil }
      out.events.append(copy)
    }
    return (out, [])
  }
}

extension Network {
  /// The date of the data: the latest readable date among sources, events and relations'
  /// `since`/`until` (nil when none is dated). Maps print it beside their title ("Stand …").
  /// O(sources + events + relations).
  public var dataDate: PartialDate? {
    var latest: PartialDate? = nil
    func consider(_ text: String?) {
      guard let text, let date = PartialDate(text) else { return }
      if latest.map({ $0 < date }) ?? true { latest = date }
    }
    for source in sources { consider(source.date) }
    for event in events { consider(event.date) }
    for relation in relations {
      consider(relation.since)
      consider(relation.until)
    }
    return latest
  }
}
