import StakeMapModel

/// Needs that one actor states and another could meet: the "missing bridges" planners look for
/// first, because both sides have said so themselves.
///
/// For every need (actor A, topic T) and every other actor B that offers T:
/// - if A and B are tied (an `existing` relation in either direction), the need is **met**;
/// - otherwise it is an **open match**: a tie between A and B would meet a stated need. Both
///   evidence quotes are kept, and the hop distance between A and B today (nil: not connected).
/// A need that no actor offers is **unmet**.
///
/// Results are sorted by need actor, topic, then offering actor (file order), so reports are
/// stable.
///
/// - Complexity: O(c · o) for c needs and o offers of the same topic, plus one BFS per actor
///   with an open match; O(n) working memory beside the matches (one actor's distances at a
///   time).
public struct NeedsMatching: Sendable, Equatable {
  /// A quote with its source, as stated in the file.
  public struct Evidence: Sendable, Equatable {
    public var quote: String?
    public var source: String?
  }

  public struct Match: Sendable, Equatable {
    public var needActor: Int
    public var offerActor: Int
    public var topic: String
    public var needEvidence: Evidence
    public var offerEvidence: Evidence
    /// Hop distance between the two actors in the analysis graph; nil when not connected.
    public var distance: Int?
  }

  public struct Unmet: Sendable, Equatable {
    public var actor: Int
    public var topic: String
    public var evidence: Evidence
  }

  /// Needs with an offering actor but no tie between the two.
  public var open: [Match]
  /// Needs with an offering actor that is already tied to the needing one.
  public var met: [Match]
  /// Needs nobody in the network offers.
  public var unmet: [Unmet]

  /// Matches the needs and offers of `network`; `distances(a)` gives hop distances from actor
  /// `a` to all actors (nil entries: unreachable), used for open matches.
  public init(network: Network, distances: (Int) -> [Int?]) {
    var offersByTopic: [String: [(actor: Int, claim: TopicClaim)]] = [:]
    for (i, actor) in network.actors.enumerated() {
      for claim in actor.offers where claim.review != .rejected {
        offersByTopic[claim.topic, default: []].append((i, claim))
      }
    }
    var tied = Set<Int>()
    let n = network.actors.count
    for r in network.relations where r.status == .existing {
      tied.insert(min(r.from, r.to) * n + max(r.from, r.to))
    }
    var open: [Match] = []
    var met: [Match] = []
    var unmet: [Unmet] = []
    for (a, actor) in network.actors.enumerated() {
      // Distances from `a`, computed at its first open match and dropped after its needs: one
      // array of n at a time (a cache over all needing actors held n per actor: quadratic).
      var distancesFromA: [Int?]? = nil
      var seen = Set<String>()
      for need in actor.needs where need.review != .rejected && seen.insert(need.topic).inserted {
        let needEvidence = Evidence(quote: need.evidence, source: need.source)
        let offers = (offersByTopic[need.topic] ?? []).filter { $0.actor != a }
        if offers.isEmpty {
          unmet.append(Unmet(actor: a, topic: need.topic, evidence: needEvidence))
          continue
        }
        var offeringActors = Set<Int>()
        for offer in offers where offeringActors.insert(offer.actor).inserted {
          let b = offer.actor
          var match = Match(
            needActor: a, offerActor: b, topic: need.topic, needEvidence: needEvidence,
            offerEvidence: Evidence(quote: offer.claim.evidence, source: offer.claim.source),
            distance: nil)
          if tied.contains(min(a, b) * n + max(a, b)) {
            match.distance = 1
            met.append(match)
          } else {
            if distancesFromA == nil { distancesFromA = distances(a) }
            match.distance = distancesFromA![b]
            open.append(match)
          }
        }
      }
    }
    self.open = open
    self.met = met
    self.unmet = unmet
  }
}
