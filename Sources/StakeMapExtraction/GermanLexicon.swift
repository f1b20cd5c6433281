import StakeMapModel

/// The closed-class vocabulary the rules work with: articles, prepositions, pronouns, titles,
/// legal forms, institutional head nouns, month names, event nouns and a few cue words. No
/// names of organisations, people or places: those are recognised by rules, so that the
/// extractor works on protocols it has not seen.
enum GermanLexicon {
  // MARK: - Function words

  static let definiteArticles: Set<String> = ["der", "die", "das", "den", "dem", "des"]
  static let indefiniteArticles: Set<String> = [
    "ein", "eine", "einer", "eines", "einem", "einen", "kein", "keine", "keiner", "keines",
    "keinem", "keinen",
  ]
  /// Prepositions fused with an article: the case they govern.
  static let contractions: [String: GrammaticalCase] = [
    "im": .dative, "am": .dative, "vom": .dative, "zum": .dative, "beim": .dative,
    "zur": .dative, "ins": .accusative, "ans": .accusative, "aufs": .accusative,
    "fürs": .accusative, "übers": .accusative, "durchs": .accusative,
  ]
  static let prepositions: Set<String> = [
    "an", "auf", "aus", "außer", "bei", "bis", "durch", "für", "gegen", "gegenüber", "hinter",
    "in", "innerhalb", "außerhalb", "mit", "nach", "neben", "ohne", "seit", "statt", "trotz",
    "über", "um", "unter", "von", "vor", "während", "wegen", "zu", "zwischen", "laut", "gemäß",
    "ab", "per", "pro", "via", "samt", "dank", "inklusive", "bezüglich", "entlang",
  ]
  static let dativePrepositions: Set<String> = [
    "mit", "von", "zu", "aus", "bei", "nach", "seit", "gegenüber", "außer", "samt", "dank",
  ]
  static let genitivePrepositions: Set<String> = [
    "wegen", "während", "trotz", "statt", "innerhalb", "außerhalb", "bezüglich", "laut",
  ]
  static let pronouns: Set<String> = [
    "ich", "du", "er", "sie", "es", "wir", "ihr", "man", "sich", "uns", "mich", "mir", "dich",
    "dir", "ihm", "ihn", "ihnen", "euch", "dies", "diese", "dieser", "dieses", "diesem", "diesen",
    "jene", "jener", "jenes", "welche", "welcher", "welches", "welchem", "welchen", "was", "wer",
    "wem", "wen", "dessen", "deren", "denen", "sein", "seine", "seiner", "seinem", "seinen",
    "seines", "ihre", "ihrer", "ihrem", "ihren", "ihres", "unser", "unsere", "unserer",
    "unserem", "unseren", "alle", "allen", "aller", "alles", "jede", "jeder", "jedes", "jedem",
    "jeden", "viele", "vielen", "einige", "einigen", "mehrere", "mehreren", "beide", "beiden",
    "andere", "anderen", "anderer", "etwas", "nichts", "selbst", "wo", "wie", "hier", "dort",
  ]
  static let conjunctions: Set<String> = [
    "und", "oder", "sowie", "bzw", "aber", "sondern", "denn", "dass", "ob", "wenn", "weil", "als",
    "da", "damit", "sodass", "so", "doch", "jedoch", "sowohl", "weder", "noch", "entweder",
    "wobei", "während", "nachdem", "bevor", "indem", "falls", "obwohl", "um",
  ]
  /// Frequent verbs, auxiliaries and adverbs that end a name when met.
  static let commonVerbsAndAdverbs: Set<String> = [
    "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte",
    "hatten", "kann", "können", "soll", "sollen", "sollte", "sollten", "muss", "müssen", "darf",
    "gibt", "geben", "gab", "lud", "lädt", "bietet", "bieten", "besteht", "bestehen", "sei",
    "auch", "nur", "noch", "schon", "bereits", "sehr", "nun", "dann", "dabei", "dazu", "daher",
    "hierbei", "zudem", "ebenso", "immer", "nicht", "unter", "anderem", "etc", "usw", "ca",
    "beispiel", "beispielsweise", "insbesondere", "vor", "allem", "konkret", "zwar",
  ]

  /// The most frequent German words, for telling a German text from another language: about
  /// 30 % of the words of German prose are among them, about 1 % of English prose.
  static let commonGermanWords: Set<String> = [
    "der", "die", "das", "und", "ist", "nicht", "mit", "von", "zu", "den", "im", "für", "auf",
    "dem", "des", "ein", "eine", "einer", "einen", "sich", "auch", "es", "werden", "wird",
    "bei", "oder", "wir", "sind", "nach", "zum", "zur", "über", "wie", "aus", "als", "dass",
    "sie", "er", "noch", "hat", "haben", "wurde", "wurden", "kann", "können", "sowie", "durch",
    "vom", "am", "bis", "nur", "einem", "eines", "ich", "uns", "unsere", "ihre", "sein", "seit",
  ]

  static func isFunctionWord(_ lower: String) -> Bool {
    definiteArticles.contains(lower) || indefiniteArticles.contains(lower)
      || contractions[lower] != nil || prepositions.contains(lower) || pronouns.contains(lower)
      || conjunctions.contains(lower) || commonVerbsAndAdverbs.contains(lower)
  }

  /// Abbreviations after which a dot does not end a sentence.
  static let abbreviations: Set<String> = [
    "z", "b", "ca", "dr", "prof", "bzw", "usw", "etc", "ggf", "u", "a", "d", "h", "nr", "str",
    "vgl", "inkl", "evtl", "hr", "fr", "st", "mio", "mrd", "tel", "e", "v", "jh", "abs", "s",
    "ff", "o", "ä", "i", "dipl", "ing", "mag", "gem", "sog", "bspw", "z.b", "u.a", "d.h", "max",
    "min", "bzgl", "zzgl", "ehem", "verh", "geb", "gg", "allg", "insb", "einschl", "ggü",
  ]

  // MARK: - People

  /// Forms of address and academic titles: the capitalised words after them name a person.
  static let personTitles: Set<String> = PersonName.titles
  /// Role nouns: people named by their function are not actors.
  static let roleNouns: Set<String> = [
    "referent", "referentin", "referenten", "referent:innen", "beigeordnete", "beigeordneten",
    "beigeordneter", "bürgermeister", "bürgermeisterin", "oberbürgermeister",
    "oberbürgermeisterin", "vertreter", "vertreterin", "vertreter:in", "vertreter:innen",
    "moderator", "moderatorin", "leiter", "leiterin", "geschäftsführer", "geschäftsführerin",
    "sprecher", "sprecherin", "vorstand", "vorsitzende", "vorsitzender", "mitarbeiter",
    "mitarbeiterin", "mitarbeitende", "mitarbeiter:innen", "teilnehmende", "teilnehmer",
    "partner", "partnerin", "kooperationspartner", "mitglied", "mitglieder", "träger",
    "ansprechpartner", "ansprechpartnerin", "koordinator", "koordinatorin",
  ]

  // MARK: - Legal forms

  /// Legal forms as their token sequences (dots are tokens): `e . V .`, `eG`, `GmbH` …
  /// Matched case-sensitively except where noted, so that the preposition `ag` or the word
  /// `Ev` in a sentence is no legal form.
  static let legalFormSequences: [[String]] = [
    ["GmbH", "&", "Co", ".", "KG"], ["m", ".", "b", ".", "H", "."], ["e", ".", "V", "."], ["e", ".", "V"], ["e", "V", "."], ["eV"], ["e", ".", "G", "."],
    ["eG"], ["GmbH"], ["gGmbH"], ["mbH"], ["AG"], ["gAG"], ["KG"], ["OHG"], ["GbR"], ["UG"],
    ["gUG"], ["KGaA"], ["SE"], ["AöR"], ["KdöR"], ["e", ".", "K", "."], ["eK"],
  ]

  static func legalFormType(_ form: String) -> ActorType {
    switch String(form.filter { $0 != "." && $0 != " " }) {
    case "eV": .association
    case "eG": .cooperative
    case "gGmbH", "gUG", "gAG": .socialOrganization
    default: .other
    }
  }

  // MARK: - Institutional heads

  enum Gender: Sendable { case masculine, feminine, neuter }

  /// A head noun that makes a phrase an organisation when it has a name, a place, a legal
  /// form or a named complement.
  struct Head: Sendable {
    /// Lower case lemma (`amt`, `netzwerk`).
    var lemma: String
    var gender: Gender
    var type: ActorType
    /// Also the last part of compounds (`Sozialamt`, `Caritasverband`).
    var compounds: Bool = true
    /// Takes a prepositional name complement (`Amt für …`, `Netzwerk zur …`).
    var takesPreposition: Bool = false
    /// Takes an enumeration of fields (`Geschäftsbereich Arbeit, Soziales und Wohnen`).
    var takesEnumeration: Bool = false
    /// A compound of it alone, without any name, is an office of the place the text is about
    /// (`Stadtplanungsamt`); only accepted as a list item of its own.
    var bareCompoundIsOffice: Bool = false
    /// Also names places or facilities (`Zentrum`): a one-word expansion of an abbreviation
    /// with this head is no organisation (`NVZ (Nahversorgungszentrum)`).
    var alsoPlace: Bool = false
    /// Municipal heads (`Stadt`, `Landeshauptstadt`): their name is a place.
    var municipal: Bool = false
    /// Only a compound names a body (`Schuldnerberatung`, `Fachberatung X`); the word alone is
    /// an activity (`Beratung`).
    var onlyInCompounds: Bool = false

    /// Compounds of it also take a prepositional name (`Staatsministerium für …`,
    /// `Landesverband für …`); not so `…stelle`, `…zentrum`, `…büro` ("Anlaufstelle für
    /// Erstgespräche" describes, it does not name).
    var compoundTakesPreposition: Bool {
      takesPreposition && !["stelle", "zentrum", "büro", "gemeinschaft", "hilfe", "dienst"].contains(lemma)
    }
  }

  static let heads: [Head] = [
    Head(lemma: "amt", gender: .neuter, type: .publicAgency, takesPreposition: true,
         bareCompoundIsOffice: true),
    Head(lemma: "behörde", gender: .feminine, type: .publicAgency, takesPreposition: true),
    Head(lemma: "ministerium", gender: .neuter, type: .publicAgency, takesPreposition: true),
    Head(lemma: "dezernat", gender: .neuter, type: .publicAgency, takesPreposition: true,
         takesEnumeration: true),
    Head(lemma: "referat", gender: .neuter, type: .publicAgency,
         takesPreposition: true, takesEnumeration: true),
    Head(lemma: "geschäftsbereich", gender: .masculine, type: .publicAgency, compounds: false,
         takesPreposition: true, takesEnumeration: true),
    Head(lemma: "fachbereich", gender: .masculine, type: .publicAgency, compounds: false,
         takesPreposition: true, takesEnumeration: true),
    Head(lemma: "jobcenter", gender: .neuter, type: .publicAgency),
    Head(lemma: "stelle", gender: .feminine, type: .publicAgency, bareCompoundIsOffice: true),
    Head(lemma: "verwaltung", gender: .feminine, type: .municipality, municipal: true),
    Head(lemma: "stadt", gender: .feminine, type: .municipality, municipal: true),
    Head(lemma: "gemeinde", gender: .feminine, type: .municipality, municipal: true),
    Head(lemma: "landkreis", gender: .masculine, type: .municipality, municipal: true),
    Head(lemma: "kreis", gender: .masculine, type: .municipality, compounds: false,
         municipal: true),
    Head(lemma: "netzwerk", gender: .neuter, type: .network, takesPreposition: true),
    Head(lemma: "bündnis", gender: .neuter, type: .network, takesPreposition: true),
    Head(lemma: "syndikat", gender: .neuter, type: .network, takesPreposition: true),
    Head(lemma: "verbund", gender: .masculine, type: .network, takesPreposition: true),
    Head(lemma: "arbeitsgemeinschaft", gender: .feminine, type: .network,
         takesPreposition: true),
    Head(lemma: "genossenschaft", gender: .feminine, type: .cooperative, takesPreposition: true),
    Head(lemma: "kooperative", gender: .feminine, type: .cooperative),
    Head(lemma: "verein", gender: .masculine, type: .association, takesPreposition: true),
    Head(lemma: "verband", gender: .masculine, type: .association, takesPreposition: true),
    Head(lemma: "zentrum", gender: .neuter, type: .socialOrganization, takesPreposition: true,
         alsoPlace: true),
    Head(lemma: "stiftung", gender: .feminine, type: .socialOrganization, takesPreposition: true),
    Head(lemma: "agentur", gender: .feminine, type: .other, takesPreposition: true),
    Head(lemma: "initiative", gender: .feminine, type: .initiative, takesPreposition: true),
    Head(lemma: "gesellschaft", gender: .feminine, type: .other, takesPreposition: true),
    Head(lemma: "unternehmen", gender: .neuter, type: .other),
    Head(lemma: "gemeinschaft", gender: .feminine, type: .other),
    Head(lemma: "management", gender: .neuter, type: .socialOrganization),
    Head(lemma: "büro", gender: .neuter, type: .other, takesPreposition: true, alsoPlace: true),
    Head(lemma: "hilfe", gender: .feminine, type: .socialOrganization),
    Head(lemma: "werk", gender: .neuter, type: .socialOrganization),
    Head(lemma: "dienst", gender: .masculine, type: .socialOrganization),
    Head(lemma: "diakonie", gender: .feminine, type: .socialOrganization, compounds: false),
    Head(lemma: "caritas", gender: .feminine, type: .socialOrganization, compounds: false),
    Head(lemma: "wohlfahrt", gender: .feminine, type: .socialOrganization),
    Head(lemma: "mission", gender: .feminine, type: .socialOrganization),
    Head(lemma: "institut", gender: .neuter, type: .research, takesPreposition: true),
    Head(lemma: "universität", gender: .feminine, type: .research, takesPreposition: true),
    Head(lemma: "hochschule", gender: .feminine, type: .research, takesPreposition: true),
    Head(lemma: "akademie", gender: .feminine, type: .research, takesPreposition: true),
    Head(lemma: "partei", gender: .feminine, type: .politics),
    Head(lemma: "fraktion", gender: .feminine, type: .politics),
    Head(lemma: "beirat", gender: .masculine, type: .politics),
    Head(lemma: "kollektiv", gender: .neuter, type: .initiative),
    Head(lemma: "kammer", gender: .feminine, type: .other, takesPreposition: true),
    Head(lemma: "beratung", gender: .feminine, type: .socialOrganization, onlyInCompounds: true),
    Head(lemma: "zentrale", gender: .feminine, type: .other),
    Head(lemma: "forum", gender: .neuter, type: .network, compounds: false, takesPreposition: true),
    Head(lemma: "ausschuss", gender: .masculine, type: .politics, compounds: false,
         takesPreposition: true),
    Head(lemma: "arbeitskreis", gender: .masculine, type: .network, compounds: false,
         takesPreposition: true),
    Head(lemma: "stützpunkt", gender: .masculine, type: .other),
    Head(lemma: "freistaat", gender: .masculine, type: .municipality, compounds: false,
         municipal: true),
  ]

  /// Compounds that end like a head but are no organisations (`Ehrenamt`, `Stadtgesellschaft`,
  /// `Baustelle`), and words that merely end in the letters (`insgesamt`).
  static let headExceptions: Set<String> = [
    "ehrenamt", "hauptamt", "nebenamt", "gesamt", "insgesamt", "samt", "stadtgesellschaft",
    "zivilgesellschaft", "baustelle", "schnittstelle", "haltestelle", "feuerstelle",
    "arbeitsstelle", "stelle", "innenstadt", "altstadt", "großstadt", "kleinstadt", "vorstadt",
    "hausgemeinschaft", "wohngemeinschaft", "gemeinschaft", "lebensgemeinschaft",
    "erbengemeinschaft", "wohneigentumsgemeinschaft", "eigentümergemeinschaft", "selbsthilfe",
    "soforthilfe", "hilfe", "nachbarschaftshilfe", "unterstützungsdienst", "dienst",
    "verwaltung", "zentrum", "stadtzentrum", "ortszentrum", "einkaufszentrum", "management",
    "unternehmen", "gesellschaft", "büro", "initiative", "eigeninitiative", "mission",
    "handwerk", "bauwerk", "feuerwerk", "kunstwerk", "gemeinde", "kooperative", "regelwerk",
    "tagewerk", "lebenswerk", "mauerwerk", "fachwerk", "stockwerk", "schuhwerk", "zentrale",
    "kammer", "forum", "stützpunkt", "beratung", "rechtsberatung", "erstberatung",
    "sozialberatung", "einzelberatung", "energieberatung", "wohnberatung",
  ]

  private static let headsByLemma: [String: Head] = {
    var d: [String: Head] = [:]
    for h in heads { d[h.lemma] = h }
    return d
  }()

  /// Heads sorted longest lemma first, so that `arbeitsgemeinschaft` is found before
  /// `gemeinschaft`.
  private static let headsLongestFirst: [Head] = heads.sorted {
    $0.lemma.count != $1.lemma.count ? $0.lemma.count > $1.lemma.count : $0.lemma < $1.lemma
  }

  /// How a word matches a head.
  struct HeadMatch: Sendable {
    var head: Head
    /// The word is a compound (`Sozialamt`), not the head alone.
    var isCompound: Bool
    /// The compound's first part (`Sozial`, `DORV`), without a joining hyphen.
    var prefix: String
    /// Genitive singular (`Amtes`): the lemma form is `nominative`.
    var nominative: String
  }

  /// The head a singular noun (nominative or genitive) ends in, if any. Plurals
  /// (`Netzwerke`, `Initiativen`) do not match: they name kinds, not bodies.
  static func head(of token: Token) -> HeadMatch? {
    guard token.isWord, token.isCapitalized || token.lower.contains("-") else { return nil }
    let word = token.text
    let lower = token.lower
    if lower.hasSuffix("-") { return nil }
    for head in headsLongestFirst {
      for ending in genitiveEndings(head) {
        let form = head.lemma + ending
        guard lower.hasSuffix(form) else { continue }
        let prefixLength = lower.count - form.count
        let nominativeLower = String(lower.dropLast(ending.count))
        if headExceptions.contains(nominativeLower) && prefixLength > 0 { break }
        if prefixLength == 0 {
          if head.onlyInCompounds { return nil }
          return HeadMatch(
            head: head, isCompound: false, prefix: "",
            nominative: String(word.dropLast(ending.count)))
        }
        guard head.compounds || lower.dropLast(form.count).hasSuffix("-") else { break }
        var prefix = String(word.prefix(prefixLength))
        if prefix.hasSuffix("-") { prefix.removeLast() }
        guard prefix.count >= 2 else { break }
        return HeadMatch(
          head: head, isCompound: true, prefix: prefix,
          nominative: String(word.dropLast(ending.count)))
      }
    }
    return nil
  }

  /// The endings of the singular of a head: none, and the genitive -s / -es of masculine
  /// and neuter nouns (`Amtes`, `Vereins`, `Bündnisses`).
  private static func genitiveEndings(_ head: Head) -> [String] {
    guard head.gender != .feminine else { return [""] }
    if head.lemma.hasSuffix("nis") { return ["ses", ""] }
    if head.lemma.hasSuffix("s") { return ["es", ""] }
    return ["es", "s", ""]
  }

  static func headEntry(_ lemma: String) -> Head? { headsByLemma[lemma] }

  /// The actor type a head gives, refined by the compound's first part.
  static func type(of match: HeadMatch) -> ActorType {
    let prefix = match.prefix.lowercased()
    let housing = prefix.contains("wohn") || prefix.contains("bau") || prefix.contains("siedlung")
    switch match.head.lemma {
    case "gesellschaft", "unternehmen":
      return housing ? .housingCompany : .other
    case "genossenschaft":
      return .cooperative
    case "verein", "verband":
      let social = ["caritas", "diakon", "wohlfahrt", "sozial", "paritä", "arbeiterwohlfahrt"]
      return social.contains(where: prefix.contains) ? .socialOrganization : .association
    case "gemeinschaft":
      return housing ? .housingCompany : .other
    case "stelle":
      return prefix.contains("koordin") ? .other : .publicAgency
    default:
      return match.head.type
    }
  }

  // MARK: - Abbreviations

  /// Upper-case words that are no organisations: numerals, document and legal shorthand,
  /// emphasis.
  static let nonOrganizationAcronyms: Set<String> = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
    "XV", "PDF", "URL", "FAQ", "TOP", "CO", "CO2", "NRW", "BRD", "DDR", "USA", "UK", "SGB",
    "BGB", "WBS", "WG", "WGS", "ÖPNV", "ID", "IT", "PR", "OB", "BM", "OK", "PS", "NB", "EUR",
    "TV", "PC", "KW", "DIN", "ISO", "PLZ", "NICHT", "NUR", "AUCH", "WICHTIG", "ACHTUNG",
    "HINWEIS", "NEU", "ZIEL", "FRAGE", "INFO", "TIPP", "AG", "UG", "KG", "SE", "GMBH", "CA",
    "ZB", "UA", "DH", "USW", "ETC", "GGF", "BZW", "QM", "M2", "KDU", "EU", "DSGVO", "FAQS",
  ]

  /// Words that introduce an abbreviation after a name: „…, kurz NWID“, „(im Folgenden NWID)“.
  static let abbreviationIntroducers: Set<String> = ["kurz", "abgekürzt", "folgenden", "genannt"]

  // MARK: - Dates and events

  static let months: [String: Int] = [
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
  ]

  static let ordinalWords: [String: Int] = [
    "erste": 1, "ersten": 1, "erster": 1, "zweite": 2, "zweiten": 2, "zweiter": 2, "dritte": 3,
    "dritten": 3, "dritter": 3, "vierte": 4, "vierten": 4, "vierter": 4, "fünfte": 5,
    "fünften": 5, "fünfter": 5, "sechste": 6, "sechsten": 6, "sechster": 6,
  ]

  /// Event nouns (singular) and their kind. A two-word noun (`Runder Tisch`) is matched by its
  /// last word with an adjective before it.
  static let eventNouns: [String: EventKind] = [
    "workshop": .workshop, "werkstatt": .workshop, "zukunftswerkstatt": .workshop,
    "auftaktveranstaltung": .conference, "fachtag": .conference, "fachtagung": .conference,
    "tagung": .conference, "konferenz": .conference, "kongress": .conference,
    "abschlussveranstaltung": .conference, "sitzung": .meeting, "treffen": .meeting,
    "netzwerktreffen": .meeting, "gesprächsrunde": .meeting, "forum": .conference,
    "infoveranstaltung": .meeting, "informationsveranstaltung": .meeting,
  ]
}

enum GrammaticalCase: Sendable { case nominative, accusative, dative, genitive }
