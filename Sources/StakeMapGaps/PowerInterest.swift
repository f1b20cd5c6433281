import StakeMapGraph
import StakeMapModel

/// Mendelow's power/interest grid from the optional actor attributes `influence` and `interest`
/// (whole numbers 1 to 5, as the coordinators rate them), and where the stated influence and
/// the actor's position in the network disagree.
///
/// Mendelow, A. (1991). Stakeholder mapping. *Proceedings of the 2nd International Conference
/// on Information Systems*, Cambridge, MA. The four quadrants, with 3 to 5 counting as high and
/// 1 to 2 as low (the middle rating counts as high: better to involve an actor once too often):
/// - high influence, high interest: **manage closely**;
/// - high influence, low interest: **keep satisfied**;
/// - low influence, high interest: **keep informed**;
/// - low influence, low interest: **monitor**.
///
/// **Network position** on the same 1–5 scale: 1 + round(4 · degree / maximum degree), degree
/// being the number of partners along the analysis graph's ties (existing relations; an
/// isolated network gives 1 to everyone). A stated influence two or more points from it is a
/// **disagreement**: an actor rated powerful that the network barely reaches, or a hub rated
/// weak. Degree, not betweenness, because it is what a coordinator can check by counting.
///
/// - Complexity: O(n + m).
public struct PowerInterest: Sendable, Equatable {
  public enum Quadrant: String, Sendable, CaseIterable {
    case manageClosely = "manage_closely"
    case keepSatisfied = "keep_satisfied"
    case keepInformed = "keep_informed"
    case monitor
  }

  /// A rating that is not a whole number from 1 to 5.
  public struct Problem: Sendable, Equatable {
    public var actor: Int
    public var key: String
    public var value: String
  }

  /// Per actor: (influence, interest), nil when either is missing or invalid.
  public var ratings: [(influence: Int, interest: Int)?]
  /// Per actor: the network position, 1 to 5.
  public var positionLevels: [Int]
  /// Per actor: the partners counted for the position.
  public var degrees: [Int]
  /// Actors whose stated influence is two or more from their network position, in file order.
  public var disagreements: [Int]
  public var problems: [Problem]

  public static let influenceKey = "influence"
  public static let interestKey = "interest"

  public init(network: Network, graph: Graph) {
    let n = network.actors.count
    var ratings: [(influence: Int, interest: Int)?] = Array(repeating: nil, count: n)
    var problems: [Problem] = []
    for (i, actor) in network.actors.enumerated() {
      var values: [Int?] = []
      for key in [Self.influenceKey, Self.interestKey] {
        guard let text = actor.attributes[key] else {
          values.append(nil)
          continue
        }
        if let v = Int(text.filter { !$0.isWhitespace }), (1...5).contains(v) {
          values.append(v)
        } else {
          values.append(nil)
          problems.append(Problem(actor: i, key: key, value: text))
        }
      }
      if let influence = values[0], let interest = values[1] { ratings[i] = (influence, interest) }
    }
    var degrees = [Int](repeating: 0, count: n)
    for v in 0..<min(n, graph.nodeCount) { degrees[v] = graph.degree(v) }
    let top = degrees.max() ?? 0
    let levels = degrees.map { top == 0 ? 1 : 1 + Int((4 * Double($0) / Double(top)).rounded()) }
    self.ratings = ratings
    positionLevels = levels
    self.degrees = degrees
    disagreements = (0..<n).filter { i in ratings[i].map { abs($0.influence - levels[i]) >= 2 } ?? false }
    self.problems = problems
  }

  /// The quadrant of a rating (3 and above count as high).
  public static func quadrant(influence: Int, interest: Int) -> Quadrant {
    switch (influence >= 3, interest >= 3) {
    case (true, true): .manageClosely
    case (true, false): .keepSatisfied
    case (false, true): .keepInformed
    case (false, false): .monitor
    }
  }

  public static func == (a: PowerInterest, b: PowerInterest) -> Bool {
    a.positionLevels == b.positionLevels && a.degrees == b.degrees
      && a.disagreements == b.disagreements && a.problems == b.problems
      && a.ratings.count == b.ratings.count
      && zip(a.ratings, b.ratings).allSatisfy { $0?.influence == $1?.influence && $0?.interest == $1?.interest }
  }
}
