// The English table of the catalogue (see ../Phrase.swift for the conventions). Sections follow
// Phrase.swift. Aliases are separated by "|"; readers accept them in any letter case.
extension Catalogue {
  static let english: [Phrase: String] = [
    // MARK: Common
    .commonListAnd: "and",
    .commonQuoteOpen: "“",
    .commonQuoteClose: "”",
    .commonDecimalMark: ".",
    .commonMinus: "−",
    .commonNoValue: "–",

    // MARK: Vocabulary: actor types
    .typeHousingCompany: "Housing company",
    .typeHousingCompanyAliases: "landlord|housing association",
    .typeCooperative: "Cooperative",
    .typeCooperativeAliases: "housing cooperative|co-op",
    .typeSocialOrganization: "Social organisation",
    .typeSocialOrganizationAliases: "social organization|welfare organisation|welfare organization|social provider",
    .typeMunicipality: "Municipality",
    .typeMunicipalityAliases: "city|town|council|local authority",
    .typePublicAgency: "Public agency",
    .typePublicAgencyAliases: "agency|authority|office",
    .typeNetwork: "Network",
    .typeNetworkAliases: "alliance|coalition",
    .typeInitiative: "Initiative",
    .typeInitiativeAliases: "citizens' initiative|grassroots group",
    .typeAssociation: "Association",
    .typeAssociationAliases: "club|federation",
    .typePolitics: "Politics",
    .typePoliticsAliases: "political party|councillors",
    .typeResearch: "Research",
    .typeResearchAliases: "university|institute|academia",
    .typeOther: "Other",
    .typeOtherAliases: "misc",

    // MARK: Vocabulary: relation kinds
    .kindCooperation: "Cooperation",
    .kindCooperationAliases: "collaboration|partnership",
    .kindFunding: "Funding",
    .kindFundingAliases: "financing|grant",
    .kindSpaceProvision: "Space provision",
    .kindSpaceProvisionAliases: "space|rooms|premises",
    .kindPersonnel: "Personnel",
    .kindPersonnelAliases: "staff|staffing",
    .kindAdvice: "Advice",
    .kindAdviceAliases: "consulting|counselling",
    .kindMembership: "Membership",
    .kindMembershipAliases: "member",
    .kindReferral: "Referral",
    .kindReferralAliases: "signposting",
    .kindParticipation: "Participation",
    .kindParticipationAliases: "attendance",
    .kindKnowledgeTransfer: "Knowledge transfer",
    .kindKnowledgeTransferAliases: "exchange|knowledge exchange",
    .kindOther: "Other",
    .kindOtherAliases: "misc",

    // MARK: Vocabulary: relation status
    .statusExisting: "Existing",
    .statusExistingAliases: "active|ongoing|current",
    .statusPlanned: "Planned",
    .statusPlannedAliases: "intended",
    .statusDesired: "Desired",
    .statusDesiredAliases: "wished|wanted",
    .statusEnded: "Ended",
    .statusEndedAliases: "former|finished",

    // MARK: Vocabulary: basis and event kinds
    .basisProtocol: "Protocol",
    .basisProtocolAliases: "source text",
    .basisWorldKnowledge: "World knowledge",
    .basisWorldKnowledgeAliases: "general knowledge",
    .eventWorkshop: "Workshop",
    .eventWorkshopAliases: "",
    .eventRoundTable: "Round table",
    .eventRoundTableAliases: "",
    .eventConference: "Conference",
    .eventConferenceAliases: "symposium",
    .eventMeeting: "Meeting",
    .eventMeetingAliases: "session",
    .eventOther: "Other event",
    .eventOtherAliases: "event",

    // MARK: Metrics

    // MARK: CLI

    // MARK: Maps

    // MARK: Gaps

    // MARK: Reports
  ]
}
