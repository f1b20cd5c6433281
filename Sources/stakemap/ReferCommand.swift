import ArgumentParser
import StakeMap

struct ReferCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refer",
    abstract: "Who can help with a topic: every actor that offers it, and how to get there.",
    discussion: """
      For Verweisberatung: a caller (an initiative, a resident, a partner) asks who can \
      help with a topic. TOPIC is a topic of the network's vocabulary (topics: in the \
      file), by id or by its German or English label, in any case, with or without \
      umlauts; a word that only one label contains is enough ('Fördermittel').

      Lists every actor that offers the topic, with the evidence of the offer, and the \
      actors that need it too. With --for ACTOR (an id, short name or name) the offers are \
      ranked by distance from that actor along existing ties, each with its chain of \
      introductions: the shortest path, and among equally short ones the path whose \
      weakest tie is strongest ("NWID – LHD (Kooperation), LHD – KS (Förderung); KS bietet \
      es an"). A topic nobody offers is said so, with the nearest topics that are offered. \
      An unknown topic or actor is an error that names the closest known ones.

      JSON (--format json): topic, for, offers [{actor, distance, path (actor ids from \
      ACTOR to the offerer), evidence {quote, source}}], also_needed_by [actor ids], \
      related_topics [topic ids].

      Examples:
        stakemap refer Graphs/dresden/dresden.yaml funding_advice
        stakemap refer Graphs/dresden/dresden.yaml Fördermittelberatung --for lokale_agenda_dd
        stakemap refer Graphs/dresden/dresden.yaml "group support" --for NWID --format json
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Argument(help: "The network file (.yaml, .yml or .json).")
  var file: String

  @Argument(help: ArgumentHelp("The topic: an id or a label of the network's topics.", valueName: "topic"))
  var topic: String

  @Option(
    name: .customLong("for"),
    help: ArgumentHelp("The actor asking: rank offers by distance from it and show the way.", valueName: "actor"))
  var asking: String?

  @Option(name: .shortAndLong, help: "Output format: text or json.")
  var format: Format = .text

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output (atomically).")
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Language of labels and messages: de or en (default: the network's language).",
      valueName: "lang"))
  var lang: Language?

  @Flag(name: .shortAndLong, help: "Do not print warnings about the network file.")
  var quiet = false

  func run() throws {
    let network = try NetworkLoading.load(file, quiet: quiet, lang: lang)
    let language = MessageLanguage.of(network, chosen: lang)
    let words = Words(language)
    var problems: [String] = []
    let topicID = ReferralLookup.topic(topic, in: network)
    if topicID == nil {
      let closest = ReferralLookup.closestTopics(to: topic, in: network)
      problems.append(
        closest.isEmpty
          ? words(.referNoTopics, ["topic": topic])
          : words(.referUnknownTopic, ["topic": topic, "closest": words.list(closest.map(topicName(network, language)))]))
    }
    var from: Int?
    if let asking {
      from = ReferralLookup.actor(asking, in: network)
      if from == nil {
        let closest = ReferralLookup.closestActors(to: asking, in: network)
        problems.append(words(.referUnknownActor, ["actor": asking, "closest": words.list(closest)]))
      }
    }
    guard problems.isEmpty, let topicID else {
      for problem in problems { Terminal.error(words(.cliError, ["message": problem])) }
      throw ExitCode(1)
    }
    let referral = Referral(network: network, topic: topicID, from: from)
    let text = format == .json ? referral.json(network: network) : referral.text(network: network, language: language)
    try OutputDestination.write(text, to: output, inputs: [file], language: language)
  }

  /// "funding_advice („Fördermittelberatung“)".
  func topicName(_ network: Network, _ language: Language) -> (String) -> String {
    { id in
      let words = Words(language)
      guard let t = network.topics.first(where: { $0.id == id }) else { return id }
      return "\(id) (\(words.quoted(t.label(language))))"
    }
  }
}
