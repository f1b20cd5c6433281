/// A stakeholder network: who the actors are, how they are tied, and on what evidence.
///
/// This is the model every reader produces and every analysis starts from. Actors are kept in
/// file order; relations refer to actors by index into ``actors`` (resolved and validated by the
/// reader), which keeps a million relations compact.
import StakeMapText
public struct Network: Sendable, Equatable {
  public var info: NetworkInfo
  public var actors: [Stakeholder]
  public var relations: [Relation]
  public var sources: [Source]
  public var events: [Event]
  public var topics: [Topic]

  public init(
    info: NetworkInfo = NetworkInfo(), actors: [Stakeholder] = [], relations: [Relation] = [],
    sources: [Source] = [], events: [Event] = [], topics: [Topic] = []
  ) {
    self.info = info
    self.actors = actors
    self.relations = relations
    self.sources = sources
    self.events = events
    self.topics = topics
  }

  /// A dictionary from actor id to index. O(n).
  public func actorIndex() -> [String: Int] {
    var index: [String: Int] = [:]
    index.reserveCapacity(actors.count)
    for (i, actor) in actors.enumerated() { index[actor.id] = i }
    return index
  }
}

/// The `network:` header of a file.
public struct NetworkInfo: Sendable, Equatable {
  public var title: String
  public var language: Language
  public var description: String?
  public var region: String?

  public init(
    title: String = "", language: Language = .de, description: String? = nil, region: String? = nil
  ) {
    self.title = title
    self.language = language
    self.description = description
    self.region = region
  }
}

/// An organisation, office, initiative or network.
public struct Stakeholder: Sendable, Equatable {
  /// Unique; letters, digits, `-`, `_`.
  public var id: String
  /// Any Unicode.
  public var name: String
  public var type: ActorType
  /// A short name for maps (`NWID`).
  public var short: String?
  public var region: String?
  public var tags: [String]
  public var offers: [TopicClaim]
  public var needs: [TopicClaim]
  public var basis: Basis?
  public var note: String?
  /// Other names of the actor in sources (abbreviations such as `NWID`, older names); used to
  /// recognise the actor when drafts are merged.
  public var aliases: [String]
  /// A verbatim quote that names the actor, with its source and position (for drafts).
  public var evidence: String?
  public var source: String?
  public var offsets: TextSpan?
  /// Review mark of a proposed actor (drafts); nil for confirmed data.
  public var review: ReviewState?
  /// Further scalar keys of the actor in the file, sorted by key. They can colour a map
  /// (`--color-by KEY`).
  public var attributes: [String: String]
  /// Where the actor is declared, for messages.
  public var location: FileLocation?

  public init(
    id: String, name: String, type: ActorType, short: String? = nil, region: String? = nil,
    tags: [String] = [], offers: [TopicClaim] = [], needs: [TopicClaim] = [], basis: Basis? = nil,
    note: String? = nil, aliases: [String] = [], evidence: String? = nil, source: String? = nil,
    offsets: TextSpan? = nil, review: ReviewState? = nil, attributes: [String: String] = [:],
    location: FileLocation? = nil
  ) {
    self.id = id
    self.name = name
    self.type = type
    self.short = short
    self.region = region
    self.tags = tags
    self.offers = offers
    self.needs = needs
    self.basis = basis
    self.note = note
    self.aliases = aliases
    self.evidence = evidence
    self.source = source
    self.offsets = offsets
    self.review = review
    self.attributes = attributes
    self.location = location
  }

  /// The value of a named attribute, for grouping and colouring: `type`, `region`, `basis`, the
  /// first tag for `tag`, or a custom attribute. Nil when the actor has none.
  public func attribute(_ key: String) -> String? {
    switch key {
    case "type": type.rawValue
    case "region": region
    case "basis": basis?.rawValue
    case "tag", "tags": tags.first
    case "id": id
    case "name": name
    case "short": short
    default: attributes[key]
    }
  }
}

/// A tie between two actors. Undirected (`between: [a, b]`) or directed (`from`/`to`).
///
/// Storage: the fields every relation has are stored inline; the text fields most relations
/// of a large network lack (`since`, `source`, `evidence`, `basis`, `note`, `offsets`,
/// `review`) live in one shared, immutable box that exists only when one of them is set. A
/// million relations without them cost about 80 bytes each instead of 170.
public struct Relation: Sendable, Equatable {
  /// Index into ``Network/actors``.
  public var from: Int
  /// Index into ``Network/actors``.
  public var to: Int
  /// Tie strength: finite and > 0; default 1. Analysis uses 1/weight as path length.
  public var weight: Double
  public var directed: Bool
  public var kind: RelationKind
  public var status: RelationStatus
  public var location: FileLocation?
  private var details: Details?

  /// The rarely set fields. Immutable: a setter replaces the box, which keeps value semantics.
  private final class Details: Sendable {
    let since: String?
    let until: String?
    let source: String?
    let evidence: String?
    let basis: Basis?
    let note: String?
    let offsets: TextSpan?
    let review: ReviewState?
    let inferred: String?

    init(
      since: String?, until: String? = nil, source: String?, evidence: String?, basis: Basis?,
      note: String?, offsets: TextSpan?, review: ReviewState?, inferred: String? = nil
    ) {
      self.since = since
      self.until = until
      self.source = source
      self.evidence = evidence
      self.basis = basis
      self.note = note
      self.offsets = offsets
      self.review = review
      self.inferred = inferred
    }

    var isEmpty: Bool {
      since == nil && until == nil && source == nil && evidence == nil && basis == nil && note == nil
        && offsets == nil && review == nil && inferred == nil
    }
  }

  private mutating func update(
    since: String?? = nil, until: String?? = nil, source: String?? = nil,
    evidence: String?? = nil, basis: Basis?? = nil, note: String?? = nil,
    offsets: TextSpan?? = nil, review: ReviewState?? = nil, inferred: String?? = nil
  ) {
    let box = Details(
      since: since ?? self.since, until: until ?? self.until, source: source ?? self.source,
      evidence: evidence ?? self.evidence, basis: basis ?? self.basis, note: note ?? self.note,
      offsets: offsets ?? self.offsets, review: review ?? self.review,
      inferred: inferred ?? self.inferred)
    details = box.isEmpty ? nil : box
  }

  /// A year or ISO date, as written.
  public var since: String? {
    get { details?.since }
    set { update(since: .some(newValue)) }
  }
  /// When the tie ended: a year or ISO date, as written (``Network/snapshot(asOf:)`` reads it).
  public var until: String? {
    get { details?.until }
    set { update(until: .some(newValue)) }
  }
  /// The id of a ``Source``.
  public var source: String? {
    get { details?.source }
    set { update(source: .some(newValue)) }
  }
  /// A verbatim quote from the source that states the tie.
  public var evidence: String? {
    get { details?.evidence }
    set { update(evidence: .some(newValue)) }
  }
  public var basis: Basis? {
    get { details?.basis }
    set { update(basis: .some(newValue)) }
  }
  public var note: String? {
    get { details?.note }
    set { update(note: .some(newValue)) }
  }
  /// Where `evidence` stands in the source text (drafts).
  public var offsets: TextSpan? {
    get { details?.offsets }
    set { update(offsets: .some(newValue)) }
  }
  /// Review mark of a proposed relation (drafts); nil for confirmed data.
  public var review: ReviewState? {
    get { details?.review }
    set { update(review: .some(newValue)) }
  }
  /// How `stakemap extract` found a party the sentence does not name (`coreference`,
  /// `publisher`, `previous_subject`, `respondent`, `host`, `heading`; drafts); nil when both
  /// are named in the evidence. For reviewers and tools; reports do not show it.
  public var inferred: String? {
    get { details?.inferred }
    set { update(inferred: .some(newValue)) }
  }

  public init(
    from: Int, to: Int, directed: Bool = false, kind: RelationKind = .cooperation,
    weight: Double = 1, status: RelationStatus = .existing, since: String? = nil,
    source: String? = nil, evidence: String? = nil, basis: Basis? = nil, note: String? = nil,
    offsets: TextSpan? = nil, review: ReviewState? = nil, location: FileLocation? = nil
  ) {
    self.from = from
    self.to = to
    self.directed = directed
    self.kind = kind
    self.weight = weight
    self.status = status
    self.location = location
    let box = Details(
      since: since, source: source, evidence: evidence, basis: basis, note: note,
      offsets: offsets, review: review)
    self.details = box.isEmpty ? nil : box
  }

  public static func == (a: Relation, b: Relation) -> Bool {
    a.from == b.from && a.to == b.to && a.weight == b.weight && a.directed == b.directed
      && a.kind == b.kind && a.status == b.status && a.location == b.location
      && a.since == b.since && a.until == b.until && a.source == b.source && a.evidence == b.evidence
      && a.basis == b.basis && a.note == b.note && a.offsets == b.offsets && a.review == b.review
      && a.inferred == b.inferred
  }
}

/// A document that statements are taken from: a protocol, an announcement, a web page.
public struct Source: Sendable, Equatable {
  public var id: String
  public var title: String
  public var date: String?
  public var place: String?
  public var publisher: String?
  /// A file name (e.g. the protocol's), relative to the protocols folder.
  public var file: String?
  public var url: String?
  public var location: FileLocation?

  public init(
    id: String, title: String, date: String? = nil, place: String? = nil,
    publisher: String? = nil, file: String? = nil, url: String? = nil,
    location: FileLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.date = date
    self.place = place
    self.publisher = publisher
    self.file = file
    self.url = url
    self.location = location
  }
}

/// A workshop, round table or meeting, with the actors who took part (two-mode data).
public struct Event: Sendable, Equatable {
  public var id: String
  public var title: String
  public var kind: EventKind
  public var date: String?
  public var place: String?
  public var source: String?
  /// Indices into ``Network/actors``.
  public var participants: [Int]
  public var evidence: String?
  /// Where `evidence` stands in the source text (drafts).
  public var offsets: TextSpan?
  /// Review mark of a proposed event (drafts); nil for confirmed data.
  public var review: ReviewState?
  public var location: FileLocation?

  public init(
    id: String, title: String, kind: EventKind = .workshop, date: String? = nil,
    place: String? = nil, source: String? = nil, participants: [Int] = [], evidence: String? = nil,
    offsets: TextSpan? = nil, review: ReviewState? = nil, location: FileLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.kind = kind
    self.date = date
    self.place = place
    self.source = source
    self.participants = participants
    self.evidence = evidence
    self.offsets = offsets
    self.review = review
    self.location = location
  }
}

/// A topic of the file's vocabulary for needs and offers.
public struct Topic: Sendable, Equatable {
  public var id: String
  public var de: String
  public var en: String
  public var location: FileLocation?

  public init(id: String, de: String, en: String, location: FileLocation? = nil) {
    self.id = id
    self.de = de
    self.en = en
    self.location = location
  }

  /// The topic's name in `language`, as the network file spells it (`de:` / `en:`): user data,
  /// not catalogue words.
  public func label(_ language: Language) -> String { language == .de ? de : en }
}

/// An actor's statement that it offers or needs a topic, with its evidence.
public struct TopicClaim: Sendable, Equatable {
  /// The id of a ``Topic``.
  public var topic: String
  public var evidence: String?
  public var source: String?
  public var basis: Basis?
  /// Where `evidence` stands in the source text (drafts).
  public var offsets: TextSpan?
  /// Review mark of a proposed claim (drafts); nil for confirmed data.
  public var review: ReviewState?

  public init(
    topic: String, evidence: String? = nil, source: String? = nil, basis: Basis? = nil,
    offsets: TextSpan? = nil, review: ReviewState? = nil
  ) {
    self.topic = topic
    self.evidence = evidence
    self.source = source
    self.basis = basis
    self.offsets = offsets
    self.review = review
  }
}
