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
    actors: String, relations: String?, sources: String? = nil, options: Options = Options()
  ) -> NetworkReadResult {
    var diagnostics: [Diagnostic] = []
    var tables: [CSVTable?] = []
    for path in [sources, actors, relations] {
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
    if failed { return NetworkReadResult(network: nil, diagnostics: diagnostics) }
    var result = convert(
      actors: tables[1]!, relations: tables[2], sources: tables[0], options: options)
    result.diagnostics = diagnostics + result.diagnostics
    return result
  }

  /// Builds the network from tables already read.
  package static func convert(
    actors: CSVTable, relations: CSVTable?, sources: CSVTable?, options: Options = Options()
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
        .warning(
          at: nil,
          "no --title given: the network is titled \(NetworkDecoder.quoted(network.info.title))"))
    }
    if let sources { network.sources = importer.sources(sources) }
    network.actors = importer.actors(actors)
    if let relations { network.relations = importer.relations(relations) }
    network.sources += importer.createdSources
    let failed = importer.diagnostics.contains { $0.severity == .error }
    // Files in the order sources, actors, relations; by position within each file.
    let files = [sources?.file, actors.file, relations?.file].compactMap { $0 }
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
  static let reservedActorKeys: Set<String> = ["offers", "needs", "offsets", "review"]

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

    mutating func error(_ location: SourceLocation, _ message: String) {
      diagnostics.append(.error(at: location, message + rowHint(location)))
    }

    mutating func warning(_ location: SourceLocation?, _ message: String) {
      diagnostics.append(.warning(at: location, message + (location.map(rowHint) ?? "")))
    }

    /// " (spreadsheet row N)" for a message about the current record when a quoted line break
    /// above it makes its row number differ from its line.
    func rowHint(_ location: SourceLocation) -> String {
      guard let record = currentRecord, record.line == location.line, record.row != record.line
      else { return "" }
      return " (spreadsheet row \(record.row))"
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
      func name(_ column: Int) -> String {
        let header = table.header.indices.contains(column - 1) ? table.header[column - 1] : ""
        return header.isEmpty ? "column \(column)" : "column \(column) ('\(header)')"
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
      guard let first = table.records.first else {
        let expected = schema.filter(\.required).map { "'\($0.key)'" }.joined(separator: ", ")
        error(
          SourceLocation(file: table.file, line: 1, column: 1),
          "the \(what) file is empty: expected a header line naming the columns (\(expected), …)")
        header.complete = false
        return header
      }
      var byAlias: [String: String] = [:]
      for column in schema {
        byAlias[column.key] = column.key
        for alias in column.aliases { byAlias[SpreadsheetImporter.fold(alias, separator: nil)] = column.key }
      }
      var attributeNames: [String: Int] = [:]
      for (k, written) in first.fields.enumerated() {
        let column = k + 1
        let location = table.location(first, column: column)
        let normalized = normalizedHeader(written)
        if normalized.isEmpty {
          // A nameless column is fine as long as it is empty (Excel's trailing delimiters).
          if let row = table.rows.first(where: { !$0[column].isEmpty }) {
            error(
              location,
              "column \(column) has no name in the header, but line \(row.line) has a value in "
                + "it (\(NetworkDecoder.quoted(row[column]))): name the column or remove it")
          }
          continue
        }
        if let key = byAlias[normalized] {
          if let previous = header.columns[key] {
            error(
              location,
              "\(header.name(column)) and \(header.name(previous)) both mean '\(key)'; remove one")
          } else {
            header.columns[key] = column
          }
          continue
        }
        if reserved.contains(normalized) {
          error(
            location,
            "\(header.name(column)): '\(normalized)' cannot be imported from a spreadsheet; "
              + "remove the column, and add \(normalized) in the network file")
          continue
        }
        let known = schema.map(\.key)
        let suggestion = EditDistance.suggestion(for: normalized, among: known)
        if customAttributes {
          let name = written
          if let suggestion {
            warning(
              location,
              "unknown \(header.name(column)) (did you mean '\(suggestion)'?); imported "
                + "as the custom attribute \(NetworkDecoder.quoted(name))")
          }
          if let previous = attributeNames[name] {
            error(location, "\(header.name(column)) has the same header as column \(previous)")
          } else {
            attributeNames[name] = column
            header.attributes.append((name, column))
          }
        } else {
          let filled = table.rows.filter { !$0[column].isEmpty }.count
          let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
          if filled > 0 {
            warning(
              location,
              "unknown \(header.name(column))\(hint): \(what) have no such key; its "
                + "\(filled) value\(filled == 1 ? " is" : "s are") not imported (known columns: "
                + "\(known.joined(separator: ", ")))")
          }
        }
      }
      let found = first.fields.filter { !$0.isEmpty }.map { "'\($0)'" }.joined(separator: ", ")
      for column in schema where column.required && header.columns[column.key] == nil {
        header.complete = false
        var hint = ""
        if what == "actors" && header.table.header.contains(where: {
          ["from", "von"].contains(normalizedHeader($0))
        }) {
          hint = "; is this the relations file?"
        } else if what == "relations" && header.table.header.contains(where: {
          ["name", "type", "typ"].contains(normalizedHeader($0))
        }) {
          hint = "; is this the actors file?"
        } else if first.fields.count == 1 && first.fields[0].contains(where: { ",;\t".contains($0) }) {
          hint = "; the header line was read as a single column"
        }
        error(
          SourceLocation(file: table.file, line: first.line, column: 1),
          "missing required column '\(column.key)' in the \(what) file (the header has: "
            + "\(found.isEmpty ? "nothing" : found))\(hint)")
      }
      return header
    }

    /// Reports the first field past the header's last column that holds a value.
    mutating func checkWidth(_ record: CSVRecord, _ header: Header) {
      let width = header.table.header.count
      guard record.fields.count > width else { return }
      for column in (width + 1)...record.fields.count where !record[column].isEmpty {
        let delimiter = header.table.delimiter == "\t" ? "tab" : "'\(header.table.delimiter)'"
        error(
          header.table.location(record, column: column),
          "this row has \(record.fields.count) fields, the header \(width): column \(column) holds "
            + "\(NetworkDecoder.quoted(record[column])) but has no header (an unquoted "
            + "\(delimiter) inside a value? put the value in double quotes)")
        return
      }
    }


    // MARK: Values

    /// A vocabulary term by id, label or alias (``VocabularyTerm/term(_:)``, as the network
    /// file reads them), or an error with the closest id.
    mutating func vocabulary<T: VocabularyTerm>(
      _ text: String, _ what: String, _ type: T.Type, at location: SourceLocation, column: String
    ) -> T? {
      if let value = T.term(text) { return value }
      error(
        location,
        "\(column): "
          + NetworkDecoder.unknownTerm(
            what, text, expected: "expected one of " + T.idList, suggestion: T.suggestion(for: text)))
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
    mutating func weight(_ text: String, delimiter: Character, at location: SourceLocation, column: String)
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
        case "e", "E" where seenDigit && !seenExponent: seenExponent = true
        case "+", "-" where i == 0 || previous == "e" || previous == "E": break
        default: valid = false
        }
        previous = c
      }
      if valid, seenDigit, let value = Double(written), NetworkDecoder.isValidWeight(value) { return value }
      var hint = ""
      if !commaAllowed && text.contains(",") {
        hint = " (the file is comma-separated: write the decimal point, 1.5)"
      } else if valid, let value = Double(written), value <= 0 {
        hint = " (a weight is a tie's strength; leave the cell empty for the default 1)"
      }
      error(
        location,
        "\(column): " + NetworkDecoder.weightExpected + NetworkDecoder.quoted(text) + hint)
      return nil
    }

    mutating func directed(_ text: String, at location: SourceLocation, column: String) -> Bool? {
      switch fold(text, separator: "_") {
      case "yes", "y", "ja", "j", "true", "wahr", "1", "x", "directed", "gerichtet": return true
      case "no", "n", "nein", "false", "falsch", "0", "undirected", "ungerichtet": return false
      default:
        error(
          location,
          "\(column): expected yes or no (also ja/nein, true/false, 1/0), found "
            + NetworkDecoder.quoted(text))
        return nil
      }
    }

    /// An id in a cell: valid syntax, else an error with a suggested spelling.
    mutating func identifier(_ text: String, _ kind: String, at location: SourceLocation, column: String)
      -> Bool
    {
      if NetworkDecoder.isValidID(text) { return true }
      let slug = fold(text, separator: "_")
      let hint = slug.isEmpty ? "" : " (for example \(NetworkDecoder.quoted(slug)))"
      error(
        location,
        "\(column): " + NetworkDecoder.invalidID(text, kind: kind) + hint)
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
          if identifier(text, "source", at: idAt, column: header.name(idColumn)) {
            if let first = declared[text] {
              error(
                idAt,
                "\(header.name(idColumn)): duplicate source id \(NetworkDecoder.quoted(text)) "
                  + "(first declared at \(table.file):\(first):\(idColumn))")
            } else {
              declared[text] = record.line
              id = text
            }
          }
        } else {
          error(idAt, "\(header.name(idColumn)) is empty: every source needs an id")
        }
        let title = header.value(record, "title")
        if title == nil {
          error(
            table.location(record, column: titleColumn),
            "\(header.name(titleColumn)) is empty: every source needs a title")
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
      _ text: String, at location: SourceLocation, column: String, record: CSVRecord
    ) -> String? {
      if sourceIDs != nil {
        if sourceIDs![text] != nil { return text }
        if let id = sourceTitles[fold(text, separator: " ")] { return id }
        let hint =
          sourceIDOrder.isEmpty
          ? " (the sources file declares none)"
          : NetworkDecoder.didYouMean(EditDistance.suggestion(for: text, among: sourceIDOrder))
        error(location, "\(column): unknown source id \(NetworkDecoder.quoted(text))\(hint)")
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
        location,
        "\(column): no sources file given: created source \(NetworkDecoder.quoted(id)) titled "
          + "\(NetworkDecoder.quoted(text)) (describe sources with --sources SOURCES.csv)")
      return id
    }

    /// `evidence` needs `source`.
    mutating func checkEvidence(
      _ evidence: String?, _ source: String?, _ record: CSVRecord, _ header: Header
    ) {
      guard evidence != nil, source == nil, let column = header.columns["evidence"] else { return }
      let fix =
        header.columns["source"].map { "fill in \(header.name($0))" }
        ?? "add a 'source' column naming the document it quotes"
      error(
        header.table.location(record, column: column),
        "\(header.name(column)): evidence needs a source: \(fix)")
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
          if identifier(text, "actor", at: at("id"), column: col("id")) {
            if let first = actorIDs[text] {
              error(
                at("id"),
                "\(col("id")): duplicate actor id \(NetworkDecoder.quoted(text)) (first declared "
                  + "at \(first.table):\(first.line):\(idColumn))")
            } else {
              id = text
            }
          }
        } else {
          error(at("id"), "\(col("id")) is empty: every actor needs an id")
        }
        let name = header.value(record, "name")
        if name == nil {
          error(at("name"), "\(col("name")) is empty: every actor needs a name")
        }
        var type: ActorType?
        if let text = header.value(record, "type") {
          type = vocabulary(
            text, "actor type", ActorType.self, at: at("type"),
            column: col("type"))
        } else {
          error(
            at("type"),
            "\(col("type")) is empty: every actor needs a type (one of "
              + "\(ActorType.allCases.map(\.rawValue).joined(separator: ", ")))")
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
            text, "basis", Basis.self, at: at("basis"), column: col("basis"))
        }
        actor.note = header.value(record, "note")
        actor.evidence = header.value(record, "evidence")
        if let text = header.value(record, "source") {
          actor.source = sourceReference(text, at: at("source"), column: col("source"), record: record)
        }
        checkEvidence(actor.evidence, header.value(record, "source"), record, header)
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
              at("name"),
              "\(col("name")): actor \(NetworkDecoder.quoted(id)) has the same name as "
                + "\(NetworkDecoder.quoted(first.id)) (line \(first.line)): the same organisation "
                + "twice?")
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
    mutating func actorReference(_ text: String, at location: SourceLocation, column: String)
      -> Int?
    {
      if let index = actorIndex[text] { return index }
      if actorsUnusable { return nil }  // the actors file's header is already reported
      if actorIDs[text] != nil { return nil }  // declared in a row with errors
      var hint = ""
      if actorIDOrder.isEmpty {
        hint = " (the actors file declares none)"
      } else if let id = actorIDOrder.first(where: { $0.lowercased() == text.lowercased() }) {
        hint = NetworkDecoder.didYouMean(id)
      } else if let id = actorNameKeys[OrganizationName.key(text)] {
        hint = " (did you mean \(NetworkDecoder.quoted(id))? Relations name actors by id)"
      } else if let id = EditDistance.suggestion(for: text, among: actorIDOrder) {
        hint = NetworkDecoder.didYouMean(id)
      }
      error(location, "\(column): unknown actor id \(NetworkDecoder.quoted(text))\(hint)")
      return nil
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
            error(
              at(key),
              "\(col(key)) is empty: every relation needs '\(key)', an actor id")
            ends.append(nil)
          }
        }
        var kind: RelationKind?
        if let text = header.value(record, "kind") {
          kind = vocabulary(
            text, "relation kind", RelationKind.self, at: at("kind"),
            column: col("kind"))
        } else {
          error(
            at("kind"),
            "\(col("kind")) is empty: every relation needs a kind (one of "
              + "\(RelationKind.allCases.map(\.rawValue).joined(separator: ", ")))"
             )
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
              text, "status", RelationStatus.self, at: at("status"),
              column: col("status")) ?? .existing
        }
        relation.since = header.value(record, "since")
        if let text = header.value(record, "basis") {
          relation.basis = vocabulary(
            text, "basis", Basis.self, at: at("basis"), column: col("basis"))
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
            at("to"),
            "\(col("to")): a relation of actor \(NetworkDecoder.quoted(actorIDOrder[from])) with "
              + "itself")
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
            table.location(record, column: 1),
            "the same relation as line \(first) (both are imported, and their weights add up)")
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
