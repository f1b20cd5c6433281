import Foundation
import ArgumentParser
import StakeMap

struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Propose a draft network from a German workshop protocol (rules, offline).",
    discussion: """
      Reads a protocol (UTF-8 text, as in ../shared/protocols) and proposes:

        actors   organisations named by a legal form (e.V., e. V., eG, GmbH,
                 gGmbH, AG), by an institutional head with a name or place
                 (Amt für …, Stadt Leipzig, Netzwerk Neues Wohnen Dresden,
                 Geschäftsbereich …, Koordinationsstelle in Dresden), by an
                 abbreviation (NWID; "…, kurz NWID"; "Name (ABK)"), in the
                 bracket after a person ("Frau X (Lokale Agenda Dresden)") or
                 in a signature line. Inflected forms are put in the
                 nominative ("im Regionalen Netzwerk" → "Regionales
                 Netzwerk"); short forms and abbreviations become aliases.
        events   workshops, round tables, kick-offs named by number or title,
                 with their dates.
        ties     from a cue: Kooperation mit, kooperiert, gemeinsam mit,
                 zusammenarbeiten, unterstützt (finanziell), fördert, wird
                 von X gefördert, mit Mitteln der X, stellt … zur Verfügung,
                 beherbergt, in den Räumen der X, Partner, Mitglied,
                 Mitarbeit im, beteiligt sich am, beauftragt, initiiert,
                 Vortrag/Impuls at a host's event, "X und Y laden ein"
                 (co-hosts); "Amt … der Stadt X" (membership). One tie per
                 conjunct ("A und B … in Kooperation mit C": A–C, B–C);
                 "in Kooperation mit A und B" ties all three; "Folgende …
                 beteiligen sich am Netzwerk: A, B" ties each to the network.
                 A party may be named outside the sentence: "die
                 Genossenschaft", "der Verein", "Sie" (the actor named
                 before), "wir"/"uns" (the publisher, when the text names
                 it), the previous sentence's subject, the organisation
                 answering the questions, the host. Such ties say how they
                 were found (a comment above them in YAML). Status: planned
                 (plant, soll, künftig), desired (wünscht sich, möchte),
                 else existing.
        needs,   from the protocol's questions: Voraussetzungen, benötigte
        offers   Unterstützung or Ressourcen, Verbesserung → needs;
                 Handlungsfeld, bestehende Angebote, Aufgaben → offers. Each
                 gets a topic.

      Not proposed: people and roles (Frau …, Referent), places and venues, \
      generic words ("die Stadt", "die Wohnungswirtschaft"), and co-attendance: \
      actors listed together ("Teilnehmende waren X, Y und Z", "X und Y \
      bieten … an") are not tied. --no-context-ties keeps only ties whose \
      parties are both named in the sentence.

      Everything is a proposal: every actor, event, tie, need and offer \
      carries 'review: pending', its verbatim evidence and the evidence's \
      offsets in the protocol (Unicode characters from the start of the file, \
      end exclusive: text[start:end] in Python). The draft passes \
      'stakemap check'.

      Workflow:
        stakemap extract protocol.txt -o draft.yaml   # propose
        (set each 'review:' in draft.yaml to accepted or rejected, fix names)
        stakemap merge draft.yaml network.yaml        # take the accepted items

      Deterministic (the same text gives the same bytes) and offline: rules, \
      no model, no download. Precision and recall on hand-annotated \
      protocols: README, "Drafts from protocols".

      Examples:
        stakemap extract ../shared/protocols/004_a860dd64d078e31e.txt
        stakemap extract protokoll.txt -o entwurf.yaml --source-id p007
        stakemap extract protokoll.txt -o entwurf.json --no-context-ties
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json }

  @Argument(help: "The protocol: a UTF-8 text file.")
  var protocolFile: String

  @Option(name: .shortAndLong, help: "Write the draft to this file (atomically) instead of standard output.")
  var output: String?

  @Option(help: "Id of the protocol's source entry (default: from the file name, e.g. p000_3caed95846010113).")
  var sourceID: String?

  @Option(help: "yaml or json (default: from the extension of -o, else yaml).")
  var format: Format?

  @Flag(
    inversion: .prefixedNo,
    help: "Propose ties to a party named outside the sentence (an earlier name, the publisher, the respondent, the host).")
  var contextTies = true

  @Flag(help: "Replace an existing output file (it may hold review marks).")
  var force = false

  @Flag(name: .shortAndLong, help: "Print no summary on standard error.")
  var quiet = false

  func validate() throws {
    if let sourceID, sourceID.isEmpty || !sourceID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
      throw OptionError.make(.cliOptionSourceID)
    }
  }

  func run() throws {
    let options = ExtractionOptions(sourceID: sourceID, includeContextTies: contextTies)
    let draft: Draft
    do {
      draft = try ProtocolExtractor.extract(path: protocolFile, options: options)
    } catch {
      let words = MessageLanguage.words(nil)
      Terminal.error(words(.cliError, ["message": error.description(in: words.language)]))
      throw ExitCode(1)
    }
    let words = MessageLanguage.words(draft.network)
    let useJSON = format.map { $0 == .json } ?? (output?.lowercased().hasSuffix(".json") ?? false)
    // The draft must read back without errors; anything else is a bug, not the user's.
    let text = try NetworkLoading.verifiedText(
      draft.network, format: useJSON ? .json : .yaml, file: output ?? "draft", words: words,
      comments: draft.reviewComments)
    if let output {
      try OutputDestination.refuseInputs([output], inputs: [protocolFile], language: words.language)
    }
    // A draft may already carry a coordinator's review marks: never replace it unasked.
    if let output, output != "-", !force, FileManager.default.fileExists(atPath: output) {
      Terminal.error(words(.cliError, ["message": words(.cliExtractExists, ["file": output])]))
      throw ExitCode(1)
    }
    try OutputDestination.write(text, to: output, inputs: [protocolFile], language: words.language)
    if !quiet {
      let n = draft.network
      let offers = n.actors.reduce(0) { $0 + $1.offers.count }
      let needs = n.actors.reduce(0) { $0 + $1.needs.count }
      let items = [
        words.count(n.actors.count, one: .cliActorsOne, other: .cliActorsOther),
        words.count(n.relations.count, one: .cliTiesOne, other: .cliTiesOther),
        words.count(n.events.count, one: .cliEventsOne, other: .cliEventsOther),
        words.count(offers, one: .cliOffersOne, other: .cliOffersOther),
        words.count(needs, one: .cliNeedsOne, other: .cliNeedsOther),
      ]
      Terminal.error(words(.cliExtractDone, ["file": protocolFile, "items": words.list(items)]))
    }
  }
}
