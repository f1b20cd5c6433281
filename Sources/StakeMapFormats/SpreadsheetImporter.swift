import StakeMapModel
import StakeMapText

/// Builds a ``Network`` from spreadsheets: an actors table, a relations table and, optionally,
/// a sources table, each a CSV file (docs/SPREADSHEETS.md is the reference for users).
///
/// - Columns are found by their header, in any order, ignoring case, spaces, `_`, `-` and
///   umlaut spelling (`Kürzel`, `kuerzel`, `KURZ` are all `short`); German headers are aliases
///   (``actorColumns``, ``relationColumns``, ``sourceColumns``).
/// - Actors: `id`, `name`, `type` required; `short`, `region`, `tags`, `aliases`, `basis`,
///   `note`, `evidence`, `source` optional; any other column is a custom attribute (for
///   `--color-by`), kept under its header as written.
/// - Relations: `from`, `to`, `kind` required; `weight` (default 1; `1,5` is accepted in a
///   `;`- or tab-separated file), `directed` (yes/no/ja/nein/true/false/1/0, default no),
///   `status`, `since`, `source`, `evidence`, `basis`, `note` optional. Other columns are not
///   imported, with a warning.
/// - Lists (`tags`, `aliases`) are separated by `;` or `|` inside the cell.
/// - Vocabulary values (`type`, `kind`, `status`, `basis`) are the file format's words, in any
///   case and with spaces for `_` (`Housing company`), or their German or English labels
///   (`Genossenschaft`, `Verein`, `Förderung`, `geplant`).
/// - Sources: with a sources table, `source` cells name its ids (or its exact titles). Without
///   one, every distinct `source` value becomes a source whose title is the value (its id is the
///   value when that is a valid id, else derived from it); each is reported with a warning.
/// - Validation is as strict as ``NetworkReader``'s: unknown ids (with the closest id, or the
///   id of an actor whose name was written instead), duplicate ids, invalid ids, unknown
///   vocabulary (with the closest word), weights that are not finite and > 0, a relation of an
///   actor with itself, evidence without a source, missing required columns (naming the header
///   found). Every problem is reported, each at `file:line:column` (``CSVTable``).
///
/// The network is nil when there is any error. Complexity: O(cells) plus the suggestions.
public enum SpreadsheetImporter {
  public struct Options: Sendable {
    /// The network's title; default: the actors file's name without extension.
    public var title: String?
    /// The language of generated text; default `de`.
    public var language: Language?

    public init(title: String? = nil, language: Language? = nil) {
      self.title = title
      self.language = language
    }
  }

  /// Reads the CSV files and builds the network. `relations` and `sources` are optional.
  public static func read(
    actors: String, relations: String?, sources: String? = nil, claims: String? = nil,
    options: Options = Options()
  ) -> NetworkReadResult {
    var diagnostics: [Diagnostic] = []
    var tables: [CSVTable?] = []
    for path in [sources, actors, relations, claims] {
      guard let path else {
        tables.append(nil)
        continue
      }
      let (table, found) = CSVReader.read(path: path)
      diagnostics += found
      tables.append(table)
    }
    let failed =
      diagnostics.contains { $0.severity == .error } || tables[1] == nil
      || (relations != nil && tables[2] == nil) || (sources != nil && tables[0] == nil)
      || (claims != nil && tables[3] == nil)
    if failed { return NetworkReadResult(network: nil, diagnostics: diagnostics) }
    var result = convert(
      actors: tables[1]!, relations: tables[2], sources: tables[0], claims: tables[3],
      options: options)
    result.diagnostics = diagnostics + result.diagnostics
    return result
  }

  /// Builds the network from tables already read.
  package static func convert(
    actors: CSVTable, relations: CSVTable?, sources: CSVTable?, claims: CSVTable? = nil,
    options: Options = Options()
  ) -> NetworkReadResult {
    var importer = Importer()
    var network = Network()
    network.info.language = options.language ?? .de
    if let title = options.title {
      network.info.title = title
    } else {
      let name = actors.file.split(separator: "/").last.map(String.init) ?? actors.file
      let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast()
        .joined(separator: ".")
      network.info.title = stem.isEmpty ? name : stem
      importer.diagnostics.append(
        .warning(at: nil, Sentence(.diagnosticNoTitle, ["title": .quoted(network.info.title)])))
    }
    if let sources { network.sources = importer.sources(sources) }
    network.actors = importer.actors(actors)
    if let relations { network.relations = importer.relations(relations) }
    if let claims { importer.claims(claims, into: &network.actors) }
    network.sources += importer.createdSources
    network.topics = importer.topics
    if !importer.topics.isEmpty {
      importer.diagnostics.append(
        .warning(at: nil, Sentence(.spreadsheetTopicsCreated, [
          "count": .count(importer.topics.count),
          "topics": .keys(importer.topics.map(\.id)),
        ])))
    }
    let failed = importer.diagnostics.contains { $0.severity == .error }
    // Files in the order sources, actors, relations; by position within each file.
    let files = [sources?.file, actors.file, relations?.file, claims?.file].compactMap { $0 }
    let sorted = importer.diagnostics.enumerated().sorted { a, b in
      func key(_ d: Diagnostic) -> (Int, Int, Int) {
        guard let l = d.location else { return (-1, 0, 0) }
        return (files.firstIndex(of: l.file) ?? files.count, l.line, l.column)
      }
      let (l, r) = (key(a.element), key(b.element))
      return l != r ? l < r : a.offset < b.offset
    }.map(\.element)
    return NetworkReadResult(network: failed ? nil : network, diagnostics: sorted)
  }

  // MARK: - Columns

  /// A column of a table: its key in the network file and the headers that name it (besides
  /// the key itself), as ``normalizedHeader(_:)`` gives them.
  public struct Column: Sendable {
    public var key: String
    public var aliases: [String]
    public var required: Bool
  }

  public static let actorColumns: [Column] = [
    Column(key: "id", aliases: ["kennung", "schluessel", "key"], required: true),
    Column(
      key: "name",
      aliases: ["organisation", "organization", "akteur", "akteurin", "bezeichnung", "akteursname"],
      required: true),
    Column(
      key: "type",
      aliases: ["typ", "art", "akteurstyp", "akteursart", "kategorie", "actortype"],
      required: true),
    Column(
      key: "short",
      aliases: ["kurz", "kuerzel", "kurzname", "abkuerzung", "kurzform", "shortname"],
      required: false),
    Column(key: "region", aliases: ["ort", "stadt", "gebiet"], required: false),
    Column(
      key: "tags",
      aliases: ["tag", "schlagworte", "schlagwoerter", "stichworte", "stichwoerter", "labels"],
      required: false),
    Column(
      key: "aliases",
      aliases: ["alias", "aliasse", "aliase", "auchgenannt", "anderenamen", "weiterenamen"],
      required: false),
    Column(key: "basis", aliases: ["grundlage", "herkunft"], required: false),
    Column(
      key: "note",
      aliases: ["notiz", "anmerkung", "anmerkungen", "bemerkung", "bemerkungen", "kommentar", "notes"],
      required: false),
    Column(key: "evidence", aliases: ["beleg", "zitat", "nachweis", "quote"], required: false),
    Column(key: "source", aliases: ["quelle", "quellen"], required: false),
    // issue 11: needs and offers as topics, one or more per cell (`;` or `|` between them).
    Column(key: "needs", aliases: ["need", "bedarf", "bedarfe", "braucht", "gesucht"], required: false),
    Column(key: "offers", aliases: ["offer", "angebot", "angebote", "bietet", "biete"], required: false),
  ]

  /// The claims sheet (issue 11): one need or offer per row, with its evidence.
  public static let claimColumns: [Column] = [
    Column(key: "actor", aliases: ["akteur", "akteurin", "organisation", "organization", "id", "kennung"], required: true),
    Column(
      key: "claim",
      aliases: ["bedarfangebot", "bedarfoderangebot", "needoffer", "needoroffer", "art", "kind", "typ", "type"],
      required: true),
    Column(key: "topic", aliases: ["thema", "themen", "topics"], required: true),
    Column(key: "evidence", aliases: ["beleg", "zitat", "nachweis", "quote"], required: false),
    Column(key: "source", aliases: ["quelle"], required: false),
    Column(key: "basis", aliases: ["grundlage", "herkunft"], required: false),
  ]

  public static let relationColumns: [Column] = [
    Column(key: "from", aliases: ["von", "source_actor", "quellakteur"], required: true),
    Column(key: "to", aliases: ["an", "nach", "zu", "target", "zielakteur"], required: true),
    Column(
      key: "kind",
      aliases: [
        "art", "typ", "type", "beziehung", "artderbeziehung", "beziehungsart", "beziehungstyp",
      ],
      required: true),
    Column(key: "weight", aliases: ["gewicht", "staerke", "intensitaet"], required: false),
    Column(key: "directed", aliases: ["gerichtet", "richtung"], required: false),
    Column(key: "status", aliases: ["stand", "zustand"], required: false),
    Column(key: "since", aliases: ["seit", "ab", "beginn"], required: false),
    Column(key: "source", aliases: ["quelle"], required: false),
    Column(key: "evidence", aliases: ["beleg", "zitat", "nachweis", "quote"], required: false),
    Column(key: "basis", aliases: ["grundlage", "herkunft"], required: false),
    Column(
      key: "note",
      aliases: ["notiz", "anmerkung", "anmerkungen", "bemerkung", "bemerkungen", "kommentar", "notes"],
      required: false),
  ]

  public static let sourceColumns: [Column] = [
    Column(key: "id", aliases: ["kennung"], required: true),
    Column(key: "title", aliases: ["titel", "name", "bezeichnung"], required: true),
    Column(key: "date", aliases: ["datum"], required: false),
    Column(key: "place", aliases: ["ort"], required: false),
    Column(key: "publisher", aliases: ["herausgeber", "herausgeberin", "verfasser"], required: false),
    Column(key: "file", aliases: ["datei", "dateiname"], required: false),
    Column(key: "url", aliases: ["link", "webseite", "adresse", "internetadresse"], required: false),
  ]

  /// Stakeholder keys of the file format that a spreadsheet cannot fill (they need topics or belong to
  /// drafts); a column so named is refused rather than imported as an attribute the writer
  /// could not write.
  static let reservedActorKeys: Set<String> = ["offsets", "review"]

  /// A header as compared: lowercase, `ä` → `ae`, `ö` → `oe`, `ü` → `ue`, `ß` → `ss`, only
  /// letters and digits (`Art der Beziehung` → `artderbeziehung`).
  public static func normalizedHeader(_ header: String) -> String {
    fold(header, separator: nil)
  }

  /// Lowercase, umlauts spelt out, runs of anything but letters and digits as one `separator`
  /// (dropped when nil), none at either end: ``VocabularyFolding/fold(_:separator:)``.
  static func fold(_ text: String, separator: Character?) -> String {
    VocabularyFolding.fold(text, separator: separator)
  }

  // MARK: - The importer

  private struct Importer {
    var diagnostics: [Diagnostic] = []
    /// Stakeholder ids, to the record that declares them.
    var actorIDs: [String: (table: String, line: Int)] = [:]
    var actorIndex: [String: Int] = [:]
    var actorIDOrder: [String] = []
    /// Name keys (``OrganizationName/key(_:)``) of names and short names to actor ids, for
    /// "did you mean" when a relation names an actor instead of giving its id.
    var actorNameKeys: [String: String] = [:]
    /// Sources from a sources table; nil when there is none (sources are then created).
    var sourceIDs: [String: Int]?
    var sourceIDOrder: [String] = []
    var sourceTitles: [String: String] = [:]
    /// Sources created from `source` values, by value.
    var createdSources: [Source] = []
    var createdByValue: [String: String] = [:]

    /// The record being read, so that messages about it can name its spreadsheet row.
    var currentRecord: CSVRecord?

    mutating func error(_ location: FileLocation, _ sentence: Sentence) {
      diagnostics.append(.error(at: location, withRow(sentence, location)))
    }

    mutating func error(
      _ location: FileLocation, _ phrase: Phrase, _ arguments: [String: Sentence.Value] = [:]
    ) {
      error(location, Sentence(phrase, arguments))
    }

    /// `COLUMN: message`.
    mutating func error(
      _ location: FileLocation, column: Sentence.Value, _ sentence: Sentence
    ) {
      error(location, .diagnosticInColumn, ["column": column, "message": .sentence(sentence)])
    }

    mutating func warning(
      _ location: FileLocation?, _ phrase: Phrase, _ arguments: [String: Sentence.Value] = [:]
    ) {
      let sentence = Sentence(phrase, arguments)
      diagnostics.append(.warning(at: location, location.map { withRow(sentence, $0) } ?? sentence))
    }

    /// The message with " (spreadsheet row N)" when it is about the current record and a quoted
    /// line break above it makes its row number differ from its line.
    func withRow(_ sentence: Sentence, _ location: FileLocation) -> Sentence {
      guard let record = currentRecord, record.line == location.line, record.row != record.line
      else { return sentence }
      return Sentence(
        .diagnosticSpreadsheetRow, ["message": .sentence(sentence), "row": .number(record.row)])
    }

    // MARK: Header

    struct Header {
      var table: CSVTable
      /// Key → 1-based column.
      var columns: [String: Int] = [:]
      /// Custom attributes (actors): header as written → column.
      var attributes: [(name: String, column: Int)] = []
      /// Whether every required column was found.
      var complete = true

      /// `column 3 ('kind')`, with the header as written in the file.
      func name(_ column: Int) -> Sentence.Value {
        let header = table.header.indices.contains(column - 1) ? table.header[column - 1] : ""
        return header.isEmpty
          ? .phrase(.diagnosticColumn, ["n": .number(column)])
          : .phrase(.diagnosticColumnNamed, ["n": .number(column), "header": .key(header)])
      }

      func value(_ record: CSVRecord, _ key: String) -> String? {
        guard let column = columns[key] else { return nil }
        let text = record[column]
        return text.isEmpty ? nil : text
      }
    }

    /// Maps the header of `table` to `columns`; reports missing, duplicate, reserved and unknown
    /// columns. `what` names the table in messages ("actors").
    mutating func header(
      _ table: CSVTable, _ schema: [Column], what: String, customAttributes: Bool,
      reserved: Set<String> = []
    ) -> Header {
      var header = Header(table: table)
      let tableName: Sentence.Value = .phrase(
        what == "actors"
          ? .diagnosticTableActors : what == "relations" ? .diagnosticTableRelations
          : what == "claims" ? .spreadsheetTableClaims : .diagnosticTableSources)
      let records: Sentence.Value = .phrase(
        what == "actors"
          ? .diagnosticRecordsActors
          : what == "relations" ? .diagnosticRecordsRelations
          : what == "claims" ? .spreadsheetRecordsClaims : .diagnosticRecordsSources)
      guard let first = table.records.first else {
        error(
          FileLocation(file: table.file, line: 1, column: 1), .diagnosticTableEmpty,
          ["table": tableName, "columns": .keys(schema.filter(\.required).map(\.key))])
        header.complete = false
        return header
      }
      var byAlias: [String: String] = [:]
      for column in schema {
        byAlias[column.key] = column.key
        for alias in column.aliases { byAlias[SpreadsheetImporter.fold(alias, separator: nil)] = column.key }
      }
      var attributeNames: [String: Int] = [:]
      var customColumns: [(FileLocation, [String: Sentence.Value])] = []
      for (k, written) in first.fields.enumerated() {
        let column = k + 1
        let location = table.location(first, column: column)
        let normalized = normalizedHeader(written)
        if normalized.isEmpty {
          // A nameless column is fine as long as it is empty (Excel's trailing delimiters).
          if let row = table.rows.first(where: { !$0[column].isEmpty }) {
            error(
              location, .diagnosticNamelessColumn,
              ["n": .number(column), "line": .number(row.line), "value": .quoted(row[column])])
          }
          continue
        }
        if let key = byAlias[normalized] {
          if let previous = header.columns[key] {
            error(
              location, .diagnosticColumnsSameKey,
              ["column": header.name(column), "previous": header.name(previous), "key": .key(key)])
          } else {
            header.columns[key] = column
          }
          continue
        }
        if reserved.contains(normalized) {
          error(
            location, .diagnosticReservedColumn,
            ["column": header.name(column), "key": .key(normalized), "name": .text(normalized)])
          continue
        }
        let known = schema.map(\.key)
        let suggestion = EditDistance.suggestion(for: normalized, among: known)
        if customAttributes {
          let name = written
          if let suggestion {
            warning(
              location, .diagnosticColumnAsAttribute,
              ["column": header.name(column), "suggestion": .key(suggestion), "name": .quoted(name)])
          } else {
            // Never silently (issue 11): say what the column became and what StakeMap reads
            // (once the header is known to be the actors table's, below).
            customColumns.append((location, [
              "column": header.name(column), "name": .quoted(name), "known": .text(known.joined(separator: ", ")),
            ]))
          }
          if let previous = attributeNames[name] {
            error(
              location, .diagnosticSameHeader,
              ["column": header.name(column), "previous": .number(previous)])
          } else {
            attributeNames[name] = column
            header.attributes.append((name, column))
          }
        } else {
          let filled = table.rows.filter { !$0[column].isEmpty }.count
          let hint: Sentence.Value =
            suggestion.map { .phrase(.diagnosticDidYouMean, ["suggestion": .key($0)]) } ?? ""
          if filled > 0 {
            warning(
              location, filled == 1 ? .diagnosticUnknownColumnOne : .diagnosticUnknownColumnOther,
              [
                "column": header.name(column), "hint": hint, "records": records,
                "n": .count(filled), "known": .text(known.joined(separator: ", ")),
              ])
          }
        }
      }
      let headers = first.fields.filter { !$0.isEmpty }
      let found: Sentence.Value = headers.isEmpty ? .phrase(.diagnosticFoundNothing) : .keys(headers)
      for column in schema where column.required && header.columns[column.key] == nil {
        header.complete = false
        var hint: Sentence.Value = ""
        if what == "actors" && header.table.header.contains(where: {
          ["from", "von"].contains(normalizedHeader($0))
        }) {
          hint = .phrase(.diagnosticHintRelationsFile)
        } else if what == "relations" && header.table.header.contains(where: {
          ["name", "type", "typ"].contains(normalizedHeader($0))
        }) {
          hint = .phrase(.diagnosticHintActorsFile)
        } else if first.fields.count == 1 && first.fields[0].contains(where: { ",;\t".contains($0) }) {
          hint = .phrase(.diagnosticHintSingleColumn)
        }
        error(
          FileLocation(file: table.file, line: first.line, column: 1), .diagnosticMissingColumn,
          ["key": .key(column.key), "table": tableName, "found": found, "hint": hint])
      }
      if header.complete {
        for (location, arguments) in customColumns {
          warning(location, .spreadsheetColumnAsAttribute, arguments)
        }
      }
      return header
    }

    /// Reports the first field past the header's last column that holds a value.
    mutating func checkWidth(_ record: CSVRecord, _ header: Header) {
      let width = header.table.header.count
      guard record.fields.count > width else { return }
      for column in (width + 1)...record.fields.count where !record[column].isEmpty {
        let delimiter: Sentence.Value =
          header.table.delimiter == "\t"
          ? .phrase(.diagnosticDelimiterTab) : .key(String(header.table.delimiter))
        error(
          header.table.location(record, column: column), .diagnosticTooManyFields,
          [
            "fields": .number(record.fields.count), "width": .number(width),
            "column": .number(column), "value": .quoted(record[column]), "delimiter": delimiter,
          ])
        return
      }
    }


    // MARK: Values

    /// A vocabulary term by id, label or alias (``VocabularyTerm/term(_:)``, as the network
    /// file reads them), or an error with the closest id.
    mutating func vocabulary<T: VocabularyTerm>(
      _ text: String, _ what: Phrase, _ type: T.Type, at location: FileLocation,
      column: Sentence.Value
    ) -> T? {
      if let value = T.term(text) { return value }
      error(
        location, column: column,
        NetworkDecoder.unknownTermSentence(
          what, text, values: T.idList, suggestion: T.suggestion(for: text)))
      return nil
    }

    func fold(_ text: String, separator: Character?) -> String {
      SpreadsheetImporter.fold(text, separator: separator)
    }

    /// `a; b | c` → `[a, b, c]`: trimmed, empty parts and repeats dropped.
    func list(_ text: String) -> [String] {
      var seen: Set<String> = []
      var out: [String] = []
      for part in text.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "\n" }) {
        let item = part.trimmingSpaces()
        if !item.isEmpty && seen.insert(item).inserted { out.append(item) }
      }
      return out
    }

    /// A weight: digits with an optional fraction and exponent; a decimal comma in files not
    /// separated by commas.
    mutating func weight(
      _ text: String, delimiter: Character, at location: FileLocation, column: Sentence.Value
    )
      -> Double?
    {
      var written = text
      let commaAllowed = delimiter != ","
      if commaAllowed, written.contains(","), !written.contains(".") {
        written = String(written.map { $0 == "," ? "." : $0 })
      }
      var valid = !written.isEmpty
      var seenDigit = false
      var seenDot = false
      var seenExponent = false
      var previous: Character = " "
      for (i, c) in written.enumerated() {
        switch c {
        case "0"..."9": seenDigit = true
        case "." where !seenDot && !seenExponent: seenDot = true
        case "e" where seenDigit && !seenExponent, "E" where seenDigit && !seenExponent:
          seenExponent = true
        case "+" where i == 0 || previous == "e" || previous == "E",
          "-" where i == 0 || previous == "e" || previous == "E":
          break
        default: valid = false
        }
        previous = c
      }
      if valid, seenDigit, let value = Double(written), NetworkDecoder.isValidWeight(value) { return value }
      var hint: Sentence.Value = ""
      if !commaAllowed && text.contains(",") {
        hint = .phrase(.diagnosticHintCommaSeparated)
      } else if valid, let value = Double(written), value <= 0 {
        hint = .phrase(.diagnosticHintWeightEmpty)
      }
      error(
        location, column: column,
        Sentence(.diagnosticWeight, ["found": .quoted(text), "hint": hint]))
      return nil
    }

    mutating func directed(_ text: String, at location: FileLocation, column: Sentence.Value)
      -> Bool?
    {
      switch fold(text, separator: "_") {
      case "yes", "y", "ja", "j", "true", "wahr", "1", "x", "directed", "gerichtet": return true
      case "no", "n", "nein", "false", "falsch", "0", "undirected", "ungerichtet": return false
      default:
        error(
          location, column: column, Sentence(.diagnosticExpectedYesNo, ["value": .quoted(text)]))
        return nil
      }
    }

    /// An id in a cell: valid syntax, else an error with a suggested spelling.
    mutating func identifier(
      _ text: String, _ kind: Phrase, at location: FileLocation, column: Sentence.Value
    ) -> Bool {
      if NetworkDecoder.isValidID(text) { return true }
      let slug = fold(text, separator: "_")
      let hint: Sentence.Value =
        slug.isEmpty ? "" : .phrase(.diagnosticHintForExample, ["example": .quoted(slug)])
      error(
        location, column: column,
        Sentence(
          .diagnosticJoin,
          ["message": .sentence(NetworkDecoder.invalidIDSentence(text, kind: kind)), "hint": hint]))
      return false
    }

    // MARK: Sources

    mutating func sources(_ table: CSVTable) -> [Source] {
      let header = header(table, sourceColumns, what: "sources", customAttributes: false)
      sourceIDs = [:]
      guard header.complete else { return [] }
      var sources: [Source] = []
      var declared: [String: Int] = [:]
      defer { currentRecord = nil }
      for record in table.rows where !record.isBlank {
        currentRecord = record
        checkWidth(record, header)
        let idColumn = header.columns["id"]!
        let titleColumn = header.columns["title"]!
        let idAt = table.location(record, column: idColumn)
        var id: String?
        if let text = header.value(record, "id") {
          if identifier(text, .diagnosticKindSource, at: idAt, column: header.name(idColumn)) {
            if let first = declared[text] {
              error(
                idAt, column: header.name(idColumn),
                Sentence(
                  .diagnosticDuplicateID,
                  [
                    "kind": .phrase(.diagnosticKindSource), "id": .quoted(text),
                    "place": .text("\(table.file):\(first):\(idColumn)"),
                  ]))
            } else {
              declared[text] = record.line
              id = text
            }
          }
        } else {
          error(idAt, .diagnosticEmptySourceID, ["column": header.name(idColumn)])
        }
        let title = header.value(record, "title")
        if title == nil {
          error(
            table.location(record, column: titleColumn), .diagnosticEmptySourceTitle,
            ["column": header.name(titleColumn)])
        }
        guard let id, let title else { continue }
        var source = Source(id: id, title: title, location: table.location(record, column: 1))
        source.date = header.value(record, "date")
        source.place = header.value(record, "place")
        source.publisher = header.value(record, "publisher")
        source.file = header.value(record, "file")
        source.url = header.value(record, "url")
        sourceIDs![id] = sources.count
        sourceIDOrder.append(id)
        sourceTitles[fold(title, separator: " ")] = id
        sources.append(source)
      }
      return sources
    }

    /// The source id a `source` cell names; creates a source when there is no sources table.
    mutating func sourceReference(
      _ text: String, at location: FileLocation, column: Sentence.Value, record: CSVRecord
    ) -> String? {
      if sourceIDs != nil {
        if sourceIDs![text] != nil { return text }
        if let id = sourceTitles[fold(text, separator: " ")] { return id }
        let hint =
          sourceIDOrder.isEmpty
          ? .phrase(.diagnosticHintNoSources)
          : NetworkDecoder.didYouMeanPart(EditDistance.suggestion(for: text, among: sourceIDOrder))
        error(
          location, column: column,
          Sentence(.diagnosticUnknownSourceID, ["id": .quoted(text), "hint": hint]))
        return nil
      }
      if let id = createdByValue[text] { return id }
      var id = NetworkDecoder.isValidID(text) ? text : String(fold(text, separator: "_").prefix(48))
      if id.isEmpty { id = "source" }
      let taken = Set(createdSources.map(\.id))
      if taken.contains(id) {
        var n = 2
        while taken.contains("\(id)_\(n)") { n += 1 }
        id = "\(id)_\(n)"
      }
      var source = Source(id: id, title: text, location: location)
      let lower = text.lowercased()
      if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
        source.url = text
      } else if !text.contains(" "), let dot = text.lastIndex(of: "."),
        text.distance(from: dot, to: text.endIndex) <= 5, dot != text.startIndex
      {
        source.file = text
      }
      createdSources.append(source)
      createdByValue[text] = id
      warning(
        location, .diagnosticInColumn,
        [
          "column": column,
          "message": .phrase(.diagnosticCreatedSource, ["id": .quoted(id), "title": .quoted(text)]),
        ])
      return id
    }

    /// `evidence` needs `source`.
    mutating func checkEvidence(
      _ evidence: String?, _ source: String?, _ record: CSVRecord, _ header: Header
    ) {
      guard evidence != nil, source == nil, let column = header.columns["evidence"] else { return }
      let fix: Sentence.Value =
        header.columns["source"].map { .phrase(.diagnosticFixFillIn, ["column": header.name($0)]) }
        ?? .phrase(.diagnosticFixAddSourceColumn)
      error(
        header.table.location(record, column: column), column: header.name(column),
        Sentence(.diagnosticEvidenceNeedsSourceCell, ["fix": fix]))
    }

    // MARK: Actors

    mutating func actors(_ table: CSVTable) -> [Stakeholder] {
      let header = header(
        table, actorColumns, what: "actors", customAttributes: true,
        reserved: SpreadsheetImporter.reservedActorKeys)
      guard header.complete else {
        actorIDs = [:]
        actorsUnusable = true
        return []
      }
      var actors: [Stakeholder] = []
      var nameKeys: [String: (id: String, line: Int)] = [:]
      let idColumn = header.columns["id"]!
      defer { currentRecord = nil }
      for record in table.rows where !record.isBlank {
        currentRecord = record
        checkWidth(record, header)
        let at = { (key: String) in table.location(record, column: header.columns[key]!) }
        let col = { (key: String) in header.name(header.columns[key]!) }
        var id: String?
        if let text = header.value(record, "id") {
          if identifier(text, .diagnosticKindActor, at: at("id"), column: col("id")) {
            if let first = actorIDs[text] {
              error(
                at("id"), column: col("id"),
                Sentence(
                  .diagnosticDuplicateID,
                  [
                    "kind": .phrase(.diagnosticKindActor), "id": .quoted(text),
                    "place": .text("\(first.table):\(first.line):\(idColumn)"),
                  ]))
            } else {
              id = text
            }
          }
        } else {
          error(at("id"), .diagnosticEmptyActorID, ["column": col("id")])
        }
        let name = header.value(record, "name")
        if name == nil {
          error(at("name"), .diagnosticEmptyActorName, ["column": col("name")])
        }
        var type: ActorType?
        if let text = header.value(record, "type") {
          type = vocabulary(
            text, .diagnosticTermActorType, ActorType.self, at: at("type"),
            column: col("type"))
        } else {
          error(
            at("type"), .diagnosticEmptyActorType,
            [
              "column": col("type"),
              "values": .text(ActorType.allCases.map(\.rawValue).joined(separator: ", ")),
            ])
        }
        var actor = Stakeholder(
          id: id ?? "", name: name ?? "", type: type ?? .other,
          location: table.location(record, column: 1))
        actor.short = header.value(record, "short")
        actor.region = header.value(record, "region")
        actor.tags = header.value(record, "tags").map(list) ?? []
        actor.aliases = header.value(record, "aliases").map(list) ?? []
        if let text = header.value(record, "basis") {
          actor.basis = vocabulary(
            text, .diagnosticTermBasis, Basis.self, at: at("basis"), column: col("basis"))
        }
        actor.note = header.value(record, "note")
        actor.evidence = header.value(record, "evidence")
        if let text = header.value(record, "source") {
          actor.source = sourceReference(text, at: at("source"), column: col("source"), record: record)
        }
        checkEvidence(actor.evidence, header.value(record, "source"), record, header)
        if let text = header.value(record, "needs") {
          actor.needs = list(text).compactMap { topic($0, at: at("needs"), column: col("needs")) }
            .map { TopicClaim(topic: $0) }
        }
        if let text = header.value(record, "offers") {
          actor.offers = list(text).compactMap { topic($0, at: at("offers"), column: col("offers")) }
            .map { TopicClaim(topic: $0) }
        }
        for (attribute, column) in header.attributes where !record[column].isEmpty {
          actor.attributes[attribute] = record[column]
        }
        guard let id else { continue }
        // Registered even when another cell is wrong, so that relations to it are checked.
        actorIDs[id] = (table.file, record.line)
        actorIndex[id] = actors.count
        actorIDOrder.append(id)
        if let name {
          let key = OrganizationName.key(name)
          if let first = nameKeys[key], !key.isEmpty {
            warning(
              at("name"), .diagnosticInColumn,
              [
                "column": col("name"),
                "message": .phrase(
                  .diagnosticSameName,
                  ["id": .quoted(id), "other": .quoted(first.id), "line": .number(first.line)]),
              ])
          } else {
            nameKeys[key] = (id, record.line)
          }
          for written in [name, actor.short].compactMap({ $0 }) + actor.aliases {
            let key = OrganizationName.key(written)
            if !key.isEmpty && actorNameKeys[key] == nil { actorNameKeys[key] = id }
          }
        }
        actors.append(actor)
      }
      return actors
    }

    var actorsUnusable = false

    /// The index of the actor a `from` / `to` cell names, or nil after reporting.
    mutating func actorReference(
      _ text: String, at location: FileLocation, column: Sentence.Value
    )
      -> Int?
    {
      if let index = actorIndex[text] { return index }
      if actorsUnusable { return nil }  // the actors file's header is already reported
      if actorIDs[text] != nil { return nil }  // declared in a row with errors
      var hint: Sentence.Value = ""
      if actorIDOrder.isEmpty {
        hint = .phrase(.diagnosticHintNoActors)
      } else if let id = actorIDOrder.first(where: { $0.lowercased() == text.lowercased() }) {
        hint = NetworkDecoder.didYouMeanPart(id)
      } else if let id = actorNameKeys[OrganizationName.key(text)] {
        hint = .phrase(.diagnosticHintNameForID, ["id": .quoted(id)])
      } else if let id = EditDistance.suggestion(for: text, among: actorIDOrder) {
        hint = NetworkDecoder.didYouMeanPart(id)
      }
      error(
        location, column: column,
        Sentence(.diagnosticUnknownActorIDCell, ["id": .quoted(text), "hint": hint]))
      return nil
    }

    // MARK: Needs and offers (issue 11)

    /// Topics named in `needs`/`offers` cells and the claims sheet, in order of appearance.
    var topics: [Topic] = []
    var topicIndex: [String: Int] = [:]

    /// The id of the topic a cell names: the text itself when it is a valid id, else its
    /// folded form (`Bezahlbarer Wohnraum` → `bezahlbarer_wohnraum`); a new topic is created
    /// with the text as its German and English name (reported once for all). Nil after an
    /// error (nothing left after folding).
    mutating func topic(_ text: String, at location: FileLocation, column: Sentence.Value) -> String? {
      let id = NetworkDecoder.isValidID(text) ? text : VocabularyFolding.fold(text)
      guard NetworkDecoder.isValidID(id) else {
        error(location, column: column, NetworkDecoder.invalidIDSentence(text, kind: .diagnosticKindTopic))
        return nil
      }
      if topicIndex[id] == nil {
        topicIndex[id] = topics.count
        topics.append(Topic(id: id, de: text, en: text))
      }
      return id
    }

    /// The claims sheet: each row adds a need or an offer to the actor it names (by id, or by
    /// name), with its evidence, source and basis.
    mutating func claims(_ table: CSVTable, into actors: inout [Stakeholder]) {
      let header = header(table, claimColumns, what: "claims", customAttributes: false)
      guard header.complete else { return }
      defer { currentRecord = nil }
      for record in table.rows where !record.isBlank {
        currentRecord = record
        checkWidth(record, header)
        let at = { (key: String) in table.location(record, column: header.columns[key]!) }
        let col = { (key: String) in header.name(header.columns[key]!) }
        var actor: Int?
        if let text = header.value(record, "actor") {
          if let id = actorIndex[text] == nil ? actorNameKeys[OrganizationName.key(text)] : nil {
            actor = actorIndex[id]
          } else {
            actor = actorReference(text, at: at("actor"), column: col("actor"))
          }
        } else {
          error(at("actor"), .diagnosticEmptyRelationEnd, ["column": col("actor"), "key": .key("actor")])
        }
        var isNeed: Bool?
        if let text = header.value(record, "claim") {
          switch VocabularyFolding.fold(text, separator: nil) {
          case "need", "needs", "bedarf", "bedarfe", "braucht", "gesucht", "sucht": isNeed = true
          case "offer", "offers", "angebot", "angebote", "bietet", "biete", "bieten": isNeed = false
          default:
            error(at("claim"), column: col("claim"), Sentence(.spreadsheetBadClaim, ["value": .quoted(text)]))
          }
        } else {
          error(at("claim"), column: col("claim"), Sentence(.spreadsheetBadClaim, ["value": .quoted("")]))
        }
        var claim = TopicClaim(topic: "")
        if let text = header.value(record, "topic") {
          claim.topic = topic(text, at: at("topic"), column: col("topic")) ?? ""
        } else {
          error(at("topic"), column: col("topic"), Sentence(.spreadsheetBadClaim, ["value": .quoted("")]))
        }
        claim.evidence = header.value(record, "evidence")
        if let text = header.value(record, "source") {
          claim.source = sourceReference(text, at: at("source"), column: col("source"), record: record)
        }
        if let text = header.value(record, "basis") {
          claim.basis = vocabulary(text, .diagnosticTermBasis, Basis.self, at: at("basis"), column: col("basis"))
        }
        checkEvidence(claim.evidence, header.value(record, "source"), record, header)
        guard let actor, let isNeed, !claim.topic.isEmpty else { continue }
        if isNeed { actors[actor].needs.append(claim) } else { actors[actor].offers.append(claim) }
      }
    }

    // MARK: Relations

    mutating func relations(_ table: CSVTable) -> [Relation] {
      let header = header(table, relationColumns, what: "relations", customAttributes: false)
      guard header.complete else { return [] }
      var relations: [Relation] = []
      var seen: [String: Int] = [:]
      defer { currentRecord = nil }
      for record in table.rows where !record.isBlank {
        currentRecord = record
        checkWidth(record, header)
        let at = { (key: String) in table.location(record, column: header.columns[key]!) }
        let col = { (key: String) in header.name(header.columns[key]!) }
        var ends: [Int?] = []
        for key in ["from", "to"] {
          if let text = header.value(record, key) {
            ends.append(actorReference(text, at: at(key), column: col(key)))
          } else {
            error(at(key), .diagnosticEmptyRelationEnd, ["column": col(key), "key": .key(key)])
            ends.append(nil)
          }
        }
        var kind: RelationKind?
        if let text = header.value(record, "kind") {
          kind = vocabulary(
            text, .diagnosticTermRelationKind, RelationKind.self, at: at("kind"),
            column: col("kind"))
        } else {
          error(
            at("kind"), .diagnosticEmptyRelationKind,
            [
              "column": col("kind"),
              "values": .text(RelationKind.allCases.map(\.rawValue).joined(separator: ", ")),
            ])
        }
        var relation = Relation(from: 0, to: 0, location: table.location(record, column: 1))
        var valid = true
        if let text = header.value(record, "weight") {
          if let weight = weight(text, delimiter: table.delimiter, at: at("weight"), column: col("weight")) {
            relation.weight = weight
          } else {
            valid = false
          }
        }
        if let text = header.value(record, "directed") {
          relation.directed = directed(text, at: at("directed"), column: col("directed")) ?? false
        }
        if let text = header.value(record, "status") {
          relation.status =
            vocabulary(
              text, .diagnosticTermStatus, RelationStatus.self, at: at("status"),
              column: col("status")) ?? .existing
        }
        relation.since = header.value(record, "since")
        if let text = header.value(record, "basis") {
          relation.basis = vocabulary(
            text, .diagnosticTermBasis, Basis.self, at: at("basis"), column: col("basis"))
        }
        relation.note = header.value(record, "note")
        relation.evidence = header.value(record, "evidence")
        if let text = header.value(record, "source") {
          relation.source = sourceReference(text, at: at("source"), column: col("source"), record: record)
        }
        checkEvidence(relation.evidence, header.value(record, "source"), record, header)
        guard let from = ends[0], let to = ends[1], let kind, valid else { continue }
        if from == to {
          error(
            at("to"), column: col("to"),
            Sentence(.diagnosticSelfRelation, ["id": .quoted(actorIDOrder[from])]))
          continue
        }
        relation.from = from
        relation.to = to
        relation.kind = kind
        let signature = [
          relation.directed ? "\(from)>\(to)" : "\(min(from, to))-\(max(from, to))",
          kind.rawValue, relation.status.rawValue, relation.evidence ?? "",
        ].joined(separator: "\u{1F}")
        if let first = seen[signature] {
          warning(
            table.location(record, column: 1), .diagnosticSameRelation, ["line": .number(first)])
        } else {
          seen[signature] = record.line
        }
        relations.append(relation)
      }
      return relations
    }
  }
}

extension StringProtocol {
  /// Without spaces and tabs at either end.
  func trimmingSpaces() -> String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return String(slice)
  }
}
