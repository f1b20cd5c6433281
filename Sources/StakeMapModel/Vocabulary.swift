import StakeMapText
import Synchronization

/// The closed vocabularies of the network file (../shared/SPEC.md §1): actor types, relation kinds, relation
/// status, basis and event kinds.
///
/// Every term has an id (its raw value, the spelling files are written with), a label per
/// language and a few aliases per language (`Sozialträger`, `Förderung`, `laufend`), all in the
/// catalogue's tables (`StakeMapText/Localization/Tables`). Readers, filters and scenarios
/// accept any of them through ``VocabularyTerm/term(_:)``; writers write the id.
public protocol VocabularyTerm: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String {
  /// The catalogue area of the term's phrases: `type`, `kind`, `status`, `basis`, `event`.
  static var area: String { get }
}

extension VocabularyTerm {
  /// The term's label in `language` ("Wohnungsunternehmen", "Housing company").
  public func label(_ language: Language) -> String { Words(language)(labelPhrase) }

  /// The catalogue phrase of the label.
  package var labelPhrase: Phrase {
    guard let phrase = Phrase(rawValue: Self.area + "." + rawValue) else {
      preconditionFailure("no catalogue phrase for \(Self.area).\(rawValue)")
    }
    return phrase
  }

  /// The term an id, label or alias in any language names, compared folded (letter case,
  /// umlauts as `ae`/`oe`/`ue`/`ss`, runs of spaces, `-`, `_` and `/` alike); nil when none.
  /// A label of two parts ("Verein / Verband") also matches each part.
  public static func term(_ spelling: String) -> Self? {
    if let exact = Self(rawValue: spelling) { return exact }
    return VocabularyIndex.shared.id(of: VocabularyFolding.fold(spelling), in: self)
      .flatMap(Self.init(rawValue:))
  }

  /// Every accepted spelling, folded, with its term: ids first, then labels and aliases in
  /// catalogue order. No spelling names two terms (a test checks it).
  public static var spellings: [(word: String, value: Self)] {
    VocabularyIndex.shared.spellings(of: self).compactMap { entry in
      Self(rawValue: entry.id).map { (entry.word, $0) }
    }
  }

  /// The spellings built from the catalogue (what ``VocabularyIndex`` caches). O(terms · aliases).
  static func buildSpellings() -> [(word: String, id: String)] {
    var words: [(String, String)] = []
    for value in allCases { words.append((VocabularyFolding.fold(value.rawValue), value.rawValue)) }
    for value in allCases {
      for text in Catalogue.spellings(of: value.labelPhrase) {
        words.append((VocabularyFolding.fold(text), value.rawValue))
        if text.contains("/") {
          for part in text.split(separator: "/") {
            words.append((VocabularyFolding.fold(String(part)), value.rawValue))
          }
        }
      }
    }
    return words
  }

  /// The id of the term whose spelling is closest to `spelling` (for "did you mean …?"), or
  /// nil when none is close.
  public static func suggestion(for spelling: String) -> String? {
    let spellings = self.spellings
    return EditDistance.suggestion(
      for: VocabularyFolding.fold(spelling), among: spellings.map(\.word)
    ).flatMap { folded in spellings.first { $0.word == folded }?.value.rawValue }
  }

  /// The ids, comma-separated, for messages ("expected one of …").
  public static var idList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The spellings of each vocabulary, built once per process from the catalogue: a reader looks
/// up a label for every row (a spreadsheet of 100,000 relations written with "Förderung"), and
/// rebuilding the folded spellings per lookup took 15 s there.
final class VocabularyIndex: Sendable {
  static let shared = VocabularyIndex()

  private struct Entry: Sendable {
    var spellings: [(word: String, id: String)]
    var firstID: [String: String]
  }

  private let entries = Mutex<[String: Entry]>([:])

  private func entry<T: VocabularyTerm>(_ type: T.Type) -> Entry {
    entries.withLock { cache in
      if let hit = cache[T.area] { return hit }
      let spellings = T.buildSpellings()
      var firstID: [String: String] = [:]
      for (word, id) in spellings where firstID[word] == nil { firstID[word] = id }
      let made = Entry(spellings: spellings, firstID: firstID)
      cache[T.area] = made
      return made
    }
  }

  func spellings<T: VocabularyTerm>(of type: T.Type) -> [(word: String, id: String)] {
    entry(type).spellings
  }

  /// The id a folded spelling names, O(1) after the first call for the vocabulary.
  func id<T: VocabularyTerm>(of folded: String, in type: T.Type) -> String? {
    entry(type).firstID[folded]
  }
}

/// How vocabulary spellings are compared.
public enum VocabularyFolding {
  /// Lowercase, `ä` → `ae`, `ö` → `oe`, `ü` → `ue`, `ß` → `ss`, runs of anything but letters
  /// and digits as one `separator` (dropped when nil), none at either end.
  /// `Sozialer Träger` → `sozialer_traeger`.
  public static func fold(_ text: String, separator: Character? = "_") -> String {
    var out = ""
    var pendingSeparator = false
    for character in text.lowercased() {
      let piece: String
      switch character {
      case "ä": piece = "ae"
      case "ö": piece = "oe"
      case "ü": piece = "ue"
      case "ß": piece = "ss"
      default:
        if character.isLetter || character.isNumber {
          piece = String(character)
        } else {
          pendingSeparator = true
          continue
        }
      }
      if pendingSeparator, let separator, !out.isEmpty { out.append(separator) }
      pendingSeparator = false
      out += piece
    }
    return out
  }
}

/// What kind of organisation an actor is.
public enum ActorType: String, VocabularyTerm, Codable {
  case housingCompany = "housing_company"
  case cooperative
  case socialOrganization = "social_organization"
  case municipality
  case publicAgency = "public_agency"
  case network
  case initiative
  case association
  case politics
  case research
  case other

  public static let area = "type"
}

/// What a relation is about.
public enum RelationKind: String, VocabularyTerm, Codable {
  case cooperation
  case funding
  case spaceProvision = "space_provision"
  case personnel
  case advice
  case membership
  case referral
  case participation
  case knowledgeTransfer = "knowledge_transfer"
  case other

  public static let area = "kind"
}

/// Whether a tie exists, is planned, is wished for, or has ended.
public enum RelationStatus: String, VocabularyTerm, Codable {
  case existing, planned, desired, ended

  public static let area = "status"
}

/// Where a statement comes from: a protocol, or the editors' own knowledge of the world.
///
/// The protocols are the evidence; anything added from general knowledge (an actor's type, a
/// tie everyone knows of) is marked `world_knowledge` so that maps and reports can say so.
public enum Basis: String, VocabularyTerm, Codable {
  case protocolText = "protocol"
  case worldKnowledge = "world_knowledge"

  public static let area = "basis"
}

/// Kinds of events (two-mode actor–event data).
public enum EventKind: String, VocabularyTerm, Codable {
  case workshop
  case roundTable = "round_table"
  case conference
  case meeting
  case other

  public static let area = "event"
}
