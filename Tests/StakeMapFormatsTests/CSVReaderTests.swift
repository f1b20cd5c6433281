import StakeMapModel
import Testing

@testable import StakeMapFormats

/// CSV as spreadsheets write it, with the exact positions of records and of every problem.
@Suite struct CSVReaderTests {
  func parse(_ text: String, file: String = "t.csv") -> (CSVTable?, [String]) {
    parse(bytes: Array(text.utf8), file: file)
  }

  func parse(bytes: [UInt8], file: String = "t.csv") -> (CSVTable?, [String]) {
    let (table, diagnostics) = CSVReader.parse(bytes: bytes, file: file)
    return (
      table,
      diagnostics.map { d in
        let place = d.location.map { "\($0.line):\($0.column)" } ?? "-"
        return "\(place): \(d.severity.rawValue): \(d.message)"
      }
    )
  }

  @Test func commaSeparated() throws {
    let (table, messages) = parse("id,name,type\nnwid,Netzwerk,network\nlhd,Stadt,municipality\n")
    #expect(messages.isEmpty)
    let t = try #require(table)
    #expect(t.delimiter == ",")
    #expect(t.header == ["id", "name", "type"])
    #expect(t.rows.map(\.fields) == [["nwid", "Netzwerk", "network"], ["lhd", "Stadt", "municipality"]])
    #expect(t.rows.map(\.line) == [2, 3])
    #expect(t.rows.map(\.row) == [2, 3])
  }

  @Test(arguments: [
    ("a;b;c\n1;2;3\n", ";" as Character),
    ("a\tb\tc\n1\t2\t3\n", "\t"),
    ("a,b,c\n1,2,3\n", ","),
    // The header decides, outside quotes: one ';' against two ',' inside a quoted header.
    ("\"x,y,z\";b\n1;2\n", ";"),
    // No delimiter at all: one column, comma by default.
    ("name\nA\n", ","),
  ])
  func detectsTheDelimiterFromTheHeader(_ text: String, _ delimiter: Character) throws {
    let (table, messages) = parse(text)
    #expect(messages.isEmpty)
    #expect(try #require(table).delimiter == delimiter)
  }

  @Test func blankLinesBeforeTheHeader() throws {
    let (table, _) = parse("\n\r\nid;name\nx;X\n")
    let t = try #require(table)
    #expect(t.delimiter == ";")
    #expect(t.header == ["id", "name"])
    #expect(t.records.first?.line == 3)
  }

  @Test func excelSepLineNamesTheDelimiterAndIsSkipped() throws {
    let (table, messages) = parse("sep=,\na;b,c\n1;2,3\n")
    #expect(messages.isEmpty)
    let t = try #require(table)
    #expect(t.delimiter == ",")
    #expect(t.header == ["a;b", "c"])
    // Lines count from the top of the file, the sep line included; rows as a spreadsheet shows.
    #expect(t.records.map(\.line) == [2, 3])
    #expect(t.records.map(\.row) == [1, 2])
  }

  @Test func germanExcelBOMSemicolonCRLFQuotedNewline() throws {
    let text = "\u{FEFF}Name;Beleg;Gewicht\r\nGWG;\"Die GWG \"\"unterstützt\"\"\r\nfinanziell\";1,5\r\npiano;kurz;2\r\n"
    let (table, messages) = parse(text)
    #expect(messages.isEmpty)
    let t = try #require(table)
    #expect(t.delimiter == ";")
    #expect(t.header == ["Name", "Beleg", "Gewicht"], "the byte order mark is no part of the first header")
    #expect(t.rows.first?.fields == ["GWG", "Die GWG \"unterstützt\"\nfinanziell", "1,5"])
    // The quoted line break moves the next record to line 4, but it is spreadsheet row 3.
    #expect(t.rows.map(\.line) == [2, 4])
    #expect(t.rows.map(\.row) == [2, 3])
  }

  @Test func lineBreaksLFCRLFAndCR() throws {
    for text in ["a,b\n1,2\n3,4", "a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r3,4\r"] {
      let (table, messages) = parse(text)
      #expect(messages.isEmpty)
      let t = try #require(table)
      #expect(t.records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]], "\(text.debugDescription)")
      #expect(t.records.map(\.line) == [1, 2, 3])
    }
  }

  @Test func blankLinesAreSkippedButCountAsRows() throws {
    let (table, _) = parse("a,b\n\n1,2\n   \n3,4\n")
    let t = try #require(table)
    #expect(t.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
    #expect(t.rows.map(\.line) == [3, 5])
    #expect(t.rows.map(\.row) == [3, 5])
  }

  @Test func spacesAroundFieldsAndQuotes() throws {
    let (table, messages) = parse("a, b ,c\n  x  , \"y, z\"  ,\" keep \"\n")
    #expect(messages.isEmpty)
    let t = try #require(table)
    #expect(t.header == ["a", "b", "c"])
    #expect(t.rows.first?.fields == ["x", "y, z", " keep "])
  }

  @Test func quoteInsideAnUnquotedFieldIsKept() throws {
    let (table, messages) = parse("name,type\nVerein \"Wir\" e.V.,association\n")
    #expect(messages.isEmpty)
    #expect(try #require(table).rows.first?.fields == ["Verein \"Wir\" e.V.", "association"])
  }

  @Test func emptyQuotedFieldIsARecord() throws {
    let (table, _) = parse("a\n\"\"\n")
    #expect(try #require(table).rows.map(\.fields) == [[""]])
  }

  @Test func unterminatedQuoteIsAnErrorWhereTheRecordStarts() {
    let (table, messages) = parse("id;name;evidence\nnwid;NWID;ok\ngwg;GWG;\"Die GWG\nunterstützt;x\nmehr\n")
    #expect(table == nil)
    #expect(
      messages == [
        "3:3: error: column 3: a quoted field is never closed: a '\"' is missing, so the rest of "
          + "the file was read as part of this field"
      ])
  }

  @Test func unterminatedQuoteOnALaterLineOfTheRecordSaysWhere() {
    let (_, messages) = parse("a;b;c\n\"x\ny\";2;\"open\n")
    #expect(messages.count == 1)
    #expect(messages.first?.hasPrefix("2:3: error: column 3: a quoted field is never closed (it opens on line 3)") == true)
  }

  @Test func textAfterAClosingQuoteIsReportedEveryTime() {
    let (table, messages) = parse("a,b,c\n\"x\"y,2,3\n1,2,\"z\" w\n")
    #expect(table == nil)
    #expect(
      messages == [
        "2:1: error: column 1: text \"y\" after the closing quote of a quoted field; inside quotes "
          + "write a quote twice (\"\"), or quote the whole field",
        "3:3: error: column 3: text \"w\" after the closing quote of a quoted field; inside quotes "
          + "write a quote twice (\"\"), or quote the whole field",
      ])
  }

  @Test func latin1IsRefusedWithHowToSaveAsUTF8() {
    // "Mietshäuser" as Windows-1252 writes it: ä is the single byte 0xE4.
    var bytes = Array("id;name\nms;Miets".utf8)
    bytes += [0xE4]
    bytes += Array("user Syndikat\n".utf8)
    let (table, messages) = parse(bytes: bytes)
    #expect(table == nil)
    #expect(messages.count == 1)
    let message = messages.first ?? ""
    #expect(message.hasPrefix("2:2: error: column 2: the file is not UTF-8: byte 0xE4 ('ä' in Windows-1252) after \"Miets\""))
    #expect(message.contains("saved as Windows-1252/Latin-1? In Excel choose 'CSV UTF-8"))
  }

  @Test func utf16IsRefused() {
    let bytes: [UInt8] = [0xFF, 0xFE] + Array("id".utf8).flatMap { [$0, 0] }
    let (table, messages) = parse(bytes: bytes)
    #expect(table == nil)
    #expect(messages.first?.hasPrefix("1:1: error: the file is UTF-16") == true)
    // Without a byte order mark too.
    let (_, again) = parse(bytes: Array("id,name\na,b\n".utf8).flatMap { [$0, 0] })
    #expect(again.first?.hasPrefix("1:1: error: the file is UTF-16") == true)
  }

  @Test func emptyFileHasNoRecords() throws {
    let (table, messages) = parse("")
    #expect(messages.isEmpty)
    #expect(try #require(table).records.isEmpty)
  }

  @Test func fieldsPastTheEndReadEmpty() throws {
    let (table, _) = parse("a,b,c\n1\n")
    let row = try #require(table?.rows.first)
    #expect(row[1] == "1")
    #expect(row[3] == "")
    #expect(row[0] == "")
  }

  @Test func readsFilesAndNamesUnreadableOnes() throws {
    let dir = temporaryDirectory()
    defer { removeTree(dir) }
    let path = "\(dir)/a.csv"
    try AtomicFile.write("id;name\nx;X\n", to: path)
    let (table, diagnostics) = CSVReader.read(path: path)
    #expect(diagnostics.isEmpty)
    #expect(table?.file == path)
    #expect(table?.rows.first?.fields == ["x", "X"])
    let (missing, problems) = CSVReader.read(path: "\(dir)/missing.csv")
    #expect(missing == nil)
    #expect(problems.first?.message.contains("missing.csv") == true)
  }
}
