/// A key of the catalogue: one sentence or label that a person reads, the same key in every
/// language. The text behind it lives in one table per language (`Tables/German.swift`,
/// `Tables/English.swift`); code never spells user-facing words itself.
///
/// Conventions:
/// - Raw values are dotted paths, `area.name` (`report.sources.heading`); the area says who
///   shows the text (cli, map, report, gaps, vocabulary, common).
/// - Placeholders are named in braces, `{actor} braucht {topic}`, and filled by
///   ``Words/callAsFunction(_:_:)``. Every language's text of a phrase has the same placeholders
///   (a test checks it).
/// - Counted phrases come in pairs `….one` / `….other`, chosen by ``Words/count(_:one:other:)``.
/// - A new language is a new case of ``Language`` and a new table; a test fails while any
///   phrase is missing from it.
package enum Phrase: String, CaseIterable, Sendable {
  // MARK: Common: lists, quotes, numbers
  case commonListAnd = "common.list.and"
  case commonQuoteOpen = "common.quote.open"
  case commonQuoteClose = "common.quote.close"
  case commonDecimalMark = "common.decimal_mark"
  case commonMinus = "common.minus"
  case commonNoValue = "common.no_value"

  // MARK: Vocabulary: actor types (label, then aliases separated by "|")
  case typeHousingCompany = "type.housing_company"
  case typeHousingCompanyAliases = "type.housing_company.aliases"
  case typeCooperative = "type.cooperative"
  case typeCooperativeAliases = "type.cooperative.aliases"
  case typeSocialOrganization = "type.social_organization"
  case typeSocialOrganizationAliases = "type.social_organization.aliases"
  case typeMunicipality = "type.municipality"
  case typeMunicipalityAliases = "type.municipality.aliases"
  case typePublicAgency = "type.public_agency"
  case typePublicAgencyAliases = "type.public_agency.aliases"
  case typeNetwork = "type.network"
  case typeNetworkAliases = "type.network.aliases"
  case typeInitiative = "type.initiative"
  case typeInitiativeAliases = "type.initiative.aliases"
  case typeAssociation = "type.association"
  case typeAssociationAliases = "type.association.aliases"
  case typePolitics = "type.politics"
  case typePoliticsAliases = "type.politics.aliases"
  case typeResearch = "type.research"
  case typeResearchAliases = "type.research.aliases"
  case typeOther = "type.other"
  case typeOtherAliases = "type.other.aliases"

  // MARK: Vocabulary: relation kinds
  case kindCooperation = "kind.cooperation"
  case kindCooperationAliases = "kind.cooperation.aliases"
  case kindFunding = "kind.funding"
  case kindFundingAliases = "kind.funding.aliases"
  case kindSpaceProvision = "kind.space_provision"
  case kindSpaceProvisionAliases = "kind.space_provision.aliases"
  case kindPersonnel = "kind.personnel"
  case kindPersonnelAliases = "kind.personnel.aliases"
  case kindAdvice = "kind.advice"
  case kindAdviceAliases = "kind.advice.aliases"
  case kindMembership = "kind.membership"
  case kindMembershipAliases = "kind.membership.aliases"
  case kindReferral = "kind.referral"
  case kindReferralAliases = "kind.referral.aliases"
  case kindParticipation = "kind.participation"
  case kindParticipationAliases = "kind.participation.aliases"
  case kindKnowledgeTransfer = "kind.knowledge_transfer"
  case kindKnowledgeTransferAliases = "kind.knowledge_transfer.aliases"
  case kindOther = "kind.other"
  case kindOtherAliases = "kind.other.aliases"

  // MARK: Vocabulary: relation status
  case statusExisting = "status.existing"
  case statusExistingAliases = "status.existing.aliases"
  case statusPlanned = "status.planned"
  case statusPlannedAliases = "status.planned.aliases"
  case statusDesired = "status.desired"
  case statusDesiredAliases = "status.desired.aliases"
  case statusEnded = "status.ended"
  case statusEndedAliases = "status.ended.aliases"

  // MARK: Vocabulary: basis and event kinds
  case basisProtocol = "basis.protocol"
  case basisProtocolAliases = "basis.protocol.aliases"
  case basisWorldKnowledge = "basis.world_knowledge"
  case basisWorldKnowledgeAliases = "basis.world_knowledge.aliases"
  case eventWorkshop = "event.workshop"
  case eventWorkshopAliases = "event.workshop.aliases"
  case eventRoundTable = "event.round_table"
  case eventRoundTableAliases = "event.round_table.aliases"
  case eventConference = "event.conference"
  case eventConferenceAliases = "event.conference.aliases"
  case eventMeeting = "event.meeting"
  case eventMeetingAliases = "event.meeting.aliases"
  case eventOther = "event.other"
  case eventOtherAliases = "event.other.aliases"

  // MARK: Metrics (section owner: maps and CLI)

  // MARK: CLI

  // MARK: Maps

  // MARK: Gaps

  // MARK: Reports
}
