import StakeMapModel
import StakeMapText

/// A table read from a CSV file: the records in file order, the header first.
///
/// Positions (docs/SPREADSHEETS.md, "Positions in messages"):
/// - ``CSVRecord/line`` is the 1-based line of the file on which the record *starts*. Line
///   breaks inside quoted fields count, so a record after a multi-line field starts on a later
///   line than its spreadsheet row number; ``CSVRecord/row`` is that row number (the record's
///   1-based place in the table as a spreadsheet shows it, the header being row 1, blank lines
///   counted, an Excel `sep=` line not).
/// - A field's column is its 1-based field number in the record (`A` = 1, `B` = 2, …), not a
///   character offset: spreadsheet users count cells, not characters.
///
/// Diagnostics about a field use `file:line:column` with these numbers, so
/// `akteure.csv:4:3` is the third field of the record starting on line 4.
package struct CSVTable: Sendable, Equatable {
  /// The file name diagnostics give.
  package var file: String
  /// The field separator: `,`, `;` or a tab.
  package var delimiter: Character
  /// Every record, the header first. Blank lines are not records.
  package var records: [CSVRecord]

  package init(file: String, delimiter: Character, records: [CSVRecord]) {
    self.file = file
    self.delimiter = delimiter
    self.records = records
  }

  /// The header (the first record), empty for an empty file.
  package var header: [String] { records.first?.fields ?? [] }

  /// The records after the header.
  package var rows: ArraySlice<CSVRecord> { records.dropFirst() }

  /// The position of field `column` (1-based) of `record`.
  package func location(_ record: CSVRecord, column: Int) -> FileLocation {
    FileLocation(file: file, line: record.line, column: column)
  }
}

/// One record (row) of a CSV file.
package struct CSVRecord: Sendable, Equatable {
  /// The 1-based line on which the record starts.
  package var line: Int
  /// The 1-based row number a spreadsheet shows for it (header = 1).
  package var row: Int
  /// The fields, in order; column `c` (1-based) is `fields[c - 1]`. Unquoted fields lose
  /// surrounding spaces and tabs; quoted fields are kept exactly, with line breaks as `\n`.
  package var fields: [String]

  package init(line: Int, row: Int, fields: [String]) {
    self.line = line
    self.row = row
    self.fields = fields
  }

  /// Field `column` (1-based), or "" past the end of the record.
  package subscript(column: Int) -> String {
    column >= 1 && column <= fields.count ? fields[column - 1] : ""
  }

  /// Whether every field is empty (an empty spreadsheet row, `;;;;`).
  package var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
}

/// Reads CSV files as spreadsheets write them: RFC 4180, plus what Excel does in Germany.
///
/// - Encoding: UTF-8, with or without a byte order mark. UTF-16 and bytes that are not UTF-8
///   (a file saved as Windows-1252/Latin-1) are refused with a message that says how to save the
///   file from Excel ("CSV UTF-8").
/// - Delimiter: detected from the header line, outside quotes: the most frequent of `;`, `,`
///   and tab (`;` wins ties, as German Excel writes it; `,` when the header has none). An Excel
///   first line `sep=;` names it explicitly and is skipped.
/// - Line breaks: CRLF, LF or CR. Blank lines are skipped.
/// - Quotes: a field that starts with `"` (after optional spaces) is quoted; it may contain
///   delimiters and line breaks, and `""` stands for one `"`. Spaces after the closing quote are
///   allowed; any other text there is an error. A quoted field still open at the end of the file
///   is an error at the record where it opened. A `"` inside an unquoted field (`Verein "Wir"`)
///   is kept as written.
///
/// Every problem is a ``Diagnostic`` at `file:line:column` (see ``CSVTable`` for the numbers);
/// the table is nil when there is an error.
///
/// Complexity: O(file size).
package enum CSVReader {
  /// Reads the file at `path`; an unreadable file gives one error naming it.
  package static func read(path: String) -> (table: CSVTable?, diagnostics: [Diagnostic]) {
    let bytes: [UInt8]
    do {
      bytes = try InputFile.contents(of: path)
    } catch {
      return (nil, [.error(at: nil, error.sentence)])
    }
    return parse(bytes: bytes, file: path)
  }

  /// Reads CSV `bytes`; `file` is the name diagnostics give.
  package static func parse(bytes: [UInt8], file: String) -> (
    table: CSVTable?, diagnostics: [Diagnostic]
  ) {
    var parser = Parser(bytes: bytes, file: file)
    let records = parser.run()
    let failed = parser.diagnostics.contains { $0.severity == .error }
    return (
      failed ? nil : CSVTable(file: file, delimiter: Character(Unicode.Scalar(parser.delimiter)), records: records),
      parser.diagnostics
    )
  }

  /// The delimiter of a header line (the first line that is not blank): the most frequent of
  /// `;`, `,`, tab outside quotes; `;` on ties; `,` when there is none.
  static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
    var counts: [UInt8: Int] = [semicolon: 0, comma: 0, tab: 0]
    var inQuotes = false
    let start = bytes.firstIndex { $0 != lf && $0 != cr && $0 != space } ?? bytes.endIndex
    for byte in bytes[start...] {
      if byte == quote {
        inQuotes.toggle()
      } else if !inQuotes {
        if byte == lf || byte == cr { break }
        if counts[byte] != nil { counts[byte]! += 1 }
      }
    }
    let best = [semicolon, tab, comma].max { counts[$0]! < counts[$1]! }!
    return counts[best]! == 0 ? comma : best
  }

  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")
  static let semicolon = UInt8(ascii: ";")
  static let tab = UInt8(ascii: "\t")
  static let space = UInt8(ascii: " ")
  static let lf = UInt8(ascii: "\n")
  static let cr = UInt8(ascii: "\r")

  private struct Parser {
    let bytes: [UInt8]
    let file: String
    var diagnostics: [Diagnostic] = []
    var delimiter: UInt8 = comma
    var index = 0
    var line = 1
    /// Spreadsheet row of the next record.
    var row = 1
    var encodingReported = false

    init(bytes: [UInt8], file: String) {
      self.bytes = bytes
      self.file = file
    }

    mutating func error(
      _ line: Int, _ column: Int, _ phrase: Phrase, _ arguments: [String: Sentence.Value] = [:]
    ) {
      diagnostics.append(
        .error(
          at: FileLocation(file: file, line: line, column: column), Sentence(phrase, arguments)))
    }

    mutating func run() -> [CSVRecord] {
      if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        || looksLikeUTF16()
      {
        error(1, 1, .diagnosticCSVUTF16)
        return []
      }
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
      // Excel's "sep=;" line names the delimiter.
      if let sep = separatorLine() {
        delimiter = sep
      } else {
        delimiter = CSVReader.detectDelimiter(bytes[index...])
      }
      var records: [CSVRecord] = []
      while index < bytes.count {
        let start = line
        guard let fields = record() else { break }
        if fields.count == 1 && fields[0].bytes.isEmpty && !fields[0].quoted {
          row += 1  // a blank line: an empty spreadsheet row
          continue
        }
        var texts: [String] = []
        texts.reserveCapacity(fields.count)
        for (k, field) in fields.enumerated() {
          if let text = decode(field.bytes, line: field.line, record: start, column: k + 1) {
            texts.append(text)
          } else {
            texts.append("")
          }
        }
        records.append(CSVRecord(line: start, row: row, fields: texts))
        row += 1
      }
      return records
    }

    /// UTF-16 without a byte order mark: many NUL bytes early on.
    func looksLikeUTF16() -> Bool {
      let head = bytes.prefix(64)
      return head.count >= 4 && head.count { $0 == 0 } * 4 >= head.count
    }

    /// `sep=X` as the whole first line: returns X and moves past the line.
    mutating func separatorLine() -> UInt8? {
      let prefix = Array("sep=".utf8)
      guard bytes[index...].starts(with: prefix), index + 4 < bytes.count else { return nil }
      let candidate = bytes[index + 4]
      guard [comma, semicolon, tab, UInt8(ascii: "|")].contains(candidate) else { return nil }
      var end = index + 5
      guard end == bytes.count || bytes[end] == lf || bytes[end] == cr else { return nil }
      if end < bytes.count && bytes[end] == cr { end += 1 }
      if end < bytes.count && bytes[end] == lf { end += 1 }
      index = end
      line += 1
      return candidate
    }

    struct RawField {
      var bytes: [UInt8] = []
      var quoted = false
      /// The line the field starts on.
      var line: Int
    }

    /// Consumes one record and its line break. Nil after an unrecoverable error (an open quote
    /// at the end of the file).
    mutating func record() -> [RawField]? {
      let recordLine = line
      var fields: [RawField] = []
      while true {
        var field = RawField(line: line)
        let column = fields.count + 1
        // Spaces before an opening quote do not count.
        var probe = index
        while probe < bytes.count && isBlank(bytes[probe]) { probe += 1 }
        if probe < bytes.count && bytes[probe] == quote {
          index = probe + 1
          field.quoted = true
          let openedOn = line
          var closed = false
          while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
              if index + 1 < bytes.count && bytes[index + 1] == quote {
                field.bytes.append(quote)
                index += 2
                continue
              }
              index += 1
              closed = true
              break
            }
            if byte == cr || byte == lf {
              consumeLineBreak()
              field.bytes.append(lf)
              continue
            }
            field.bytes.append(byte)
            index += 1
          }
          if !closed {
            let opened: Sentence.Value =
              openedOn == recordLine
              ? "" : .phrase(.diagnosticCSVOpensOnLine, ["line": .number(openedOn)])
            error(
              recordLine, column, .diagnosticCSVUnclosedQuote,
              ["column": .number(column), "opened": opened])
            return nil
          }
          // After the closing quote: spaces, then a delimiter or the end of the line.
          while index < bytes.count && isBlank(bytes[index]) { index += 1 }
          if index < bytes.count && bytes[index] != delimiter && bytes[index] != cr
            && bytes[index] != lf
          {
            var extra: [UInt8] = []
            while index < bytes.count && bytes[index] != delimiter && bytes[index] != cr
              && bytes[index] != lf
            {
              extra.append(bytes[index])
              index += 1
            }
            let text = String(decoding: extra, as: UTF8.self)
            error(
              recordLine, column, .diagnosticCSVTextAfterQuote,
              ["column": .number(column), "text": .quoted(text)])
            field.bytes.append(contentsOf: extra)
          }
        } else {
          while index < bytes.count && bytes[index] != delimiter && bytes[index] != cr
            && bytes[index] != lf
          {
            field.bytes.append(bytes[index])
            index += 1
          }
          trim(&field.bytes)
        }
        fields.append(field)
        if index < bytes.count && bytes[index] == delimiter {
          index += 1
          continue
        }
        if index < bytes.count { consumeLineBreak() }
        return fields
      }
    }

    func isBlank(_ byte: UInt8) -> Bool {
      (byte == space || byte == tab) && byte != delimiter
    }

    func trim(_ field: inout [UInt8]) {
      while let last = field.last, isBlank(last) { field.removeLast() }
      var start = 0
      while start < field.count && isBlank(field[start]) { start += 1 }
      if start > 0 { field.removeFirst(start) }
    }

    /// Consumes CRLF, LF or CR at `index` and counts the line.
    mutating func consumeLineBreak() {
      if bytes[index] == cr {
        index += 1
        if index < bytes.count && bytes[index] == lf { index += 1 }
      } else {
        index += 1
      }
      line += 1
    }

    /// A field's text; nil after reporting bytes that are not UTF-8 (once per file).
    mutating func decode(_ field: [UInt8], line fieldLine: Int, record: Int, column: Int)
      -> String?
    {
      if let text = String(validating: field, as: UTF8.self) { return text }
      guard !encodingReported else { return nil }
      encodingReported = true
      var decoder = UTF8()
      var iterator = field.makeIterator()
      var offset = 0
      var bad: UInt8 = field.first ?? 0
      var valid: [UInt8] = []
      loop: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
          let n = UTF8.width(scalar)
          valid.append(contentsOf: field[offset..<offset + n])
          offset += n
        case .emptyInput: break loop
        case .error:
          bad = field[min(offset, field.count - 1)]
          break loop
        }
      }
      // What the byte means in Windows-1252, the usual culprit.
      let latin: Sentence.Value =
        TextEncoding.windows1252(bad).map { .phrase(.diagnosticCSVWindows1252, ["character": .text(String($0))]) }
        ?? ""
      let before = String(decoding: valid.suffix(24), as: UTF8.self)
      let context: Sentence.Value =
        before.isEmpty ? "" : .phrase(.diagnosticCSVAfter, ["text": .quoted(before)])
      error(
        record, column, .diagnosticCSVNotUTF8,
        [
          "column": .number(column), "byte": .text(String(bad, radix: 16, uppercase: true)),
          "latin": latin, "context": context,
          "line": fieldLine != record ? .phrase(.diagnosticCSVOnLine, ["line": .number(fieldLine)]) : "",
        ])
      return nil
    }
  }
}
