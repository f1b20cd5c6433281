// The German table of the catalogue (see ../Phrase.swift for the conventions). Sections follow
// Phrase.swift. Aliases are separated by "|"; readers accept them in any letter case.
extension Catalogue {
  static let german: [Phrase: String] = [
    // MARK: Common
    .commonListAnd: "und",
    .commonQuoteOpen: "„",
    .commonQuoteClose: "“",
    .commonDecimalMark: ",",
    .commonMinus: "−",
    .commonNoValue: "–",

    // MARK: Vocabulary: actor types
    .typeHousingCompany: "Wohnungsunternehmen",
    .typeHousingCompanyAliases: "Wohnungsgesellschaft|Wohnungsbaugesellschaft|Vermieter|Wohnungswirtschaft",
    .typeCooperative: "Genossenschaft",
    .typeCooperativeAliases: "Wohnungsgenossenschaft|Wohnungsbaugenossenschaft|eG",
    .typeSocialOrganization: "Soziale Organisation",
    .typeSocialOrganizationAliases: "Sozialträger|Wohlfahrtsverband|Träger|sozialer Träger|freier Träger|Sozialverband",
    .typeMunicipality: "Kommune",
    .typeMunicipalityAliases: "Stadt|Gemeinde|Stadtverwaltung|Kommunalverwaltung|Landkreis",
    .typePublicAgency: "Behörde / Amt",
    .typePublicAgencyAliases: "Behörde|Amt|Verwaltung|Dienststelle",
    .typeNetwork: "Netzwerk",
    .typeNetworkAliases: "Verbund|Bündnis|Arbeitskreis",
    .typeInitiative: "Initiative",
    .typeInitiativeAliases: "Bürgerinitiative|Wohnprojekt|Projektgruppe",
    .typeAssociation: "Verein / Verband",
    .typeAssociationAliases: "Verein|Verband|e.V.",
    .typePolitics: "Politik",
    .typePoliticsAliases: "Stadtrat|Fraktion|Partei",
    .typeResearch: "Forschung",
    .typeResearchAliases: "Hochschule|Universität|Wissenschaft|Institut",
    .typeOther: "Sonstige",
    .typeOtherAliases: "Sonstiges|Andere",

    // MARK: Vocabulary: relation kinds
    .kindCooperation: "Kooperation",
    .kindCooperationAliases: "Zusammenarbeit|Partnerschaft",
    .kindFunding: "Förderung",
    .kindFundingAliases: "Finanzierung|Zuschuss|Fördermittel",
    .kindSpaceProvision: "Räume",
    .kindSpaceProvisionAliases: "Raumvergabe|Raumbereitstellung|Raumüberlassung|Räumlichkeiten|Wohnraum",
    .kindPersonnel: "Personal",
    .kindPersonnelAliases: "Personalgestellung|Personalüberlassung",
    .kindAdvice: "Beratung",
    .kindAdviceAliases: "Fachberatung",
    .kindMembership: "Mitgliedschaft",
    .kindMembershipAliases: "Mitglied",
    .kindReferral: "Vermittlung",
    .kindReferralAliases: "Verweis|Verweisberatung|Weitervermittlung",
    .kindParticipation: "Teilnahme",
    .kindParticipationAliases: "Beteiligung",
    .kindKnowledgeTransfer: "Wissenstransfer",
    .kindKnowledgeTransferAliases: "Austausch|Fachaustausch",
    .kindOther: "Sonstige",
    .kindOtherAliases: "Sonstiges|Andere",

    // MARK: Vocabulary: relation status
    .statusExisting: "Bestehend",
    .statusExistingAliases: "besteht|existiert|laufend|aktiv|vorhanden",
    .statusPlanned: "Geplant",
    .statusPlannedAliases: "in Planung|vorgesehen",
    .statusDesired: "Gewünscht",
    .statusDesiredAliases: "erwünscht|Wunsch",
    .statusEnded: "Beendet",
    .statusEndedAliases: "abgeschlossen|ehemalig|früher",

    // MARK: Vocabulary: basis and event kinds
    .basisProtocol: "Protokoll",
    .basisProtocolAliases: "Beleg|Quelle",
    .basisWorldKnowledge: "Weltwissen",
    .basisWorldKnowledgeAliases: "Allgemeinwissen|Vorwissen",
    .eventWorkshop: "Workshop",
    .eventWorkshopAliases: "Werkstatt",
    .eventRoundTable: "Runder Tisch",
    .eventRoundTableAliases: "Gesprächsrunde",
    .eventConference: "Konferenz",
    .eventConferenceAliases: "Tagung|Fachtag",
    .eventMeeting: "Treffen",
    .eventMeetingAliases: "Sitzung|Besprechung",
    .eventOther: "Sonstige Veranstaltung",
    .eventOtherAliases: "Veranstaltung",

    // MARK: Metrics

    // MARK: CLI

    // MARK: Maps

    // MARK: Gaps

    // MARK: Reports
  ]
}
