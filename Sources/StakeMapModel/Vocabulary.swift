/// The closed vocabularies of the network file (SPEC §1). Raw values are the spellings used in
/// files; every case has a German and an English label for maps and reports.
import StakeMapText

/// What kind of organisation an actor is.
public enum ActorType: String, CaseIterable, Sendable, Hashable, Codable {
  case housingCompany = "housing_company"
  case cooperative
  case socialOrganization = "social_organization"
  case municipality
  case publicAgency = "public_agency"
  case network
  case initiative
  case association
  case politics
  case research
  case other

  public func label(_ language: Language) -> String {
    switch (self, language) {
    case (.housingCompany, .de): "Wohnungsunternehmen"
    case (.housingCompany, .en): "Housing company"
    case (.cooperative, .de): "Genossenschaft"
    case (.cooperative, .en): "Cooperative"
    case (.socialOrganization, .de): "Soziale Organisation"
    case (.socialOrganization, .en): "Social organisation"
    case (.municipality, .de): "Kommune"
    case (.municipality, .en): "Municipality"
    case (.publicAgency, .de): "Behörde / Amt"
    case (.publicAgency, .en): "Public agency"
    case (.network, .de): "Netzwerk"
    case (.network, .en): "Network"
    case (.initiative, .de): "Initiative"
    case (.initiative, .en): "Initiative"
    case (.association, .de): "Verein / Verband"
    case (.association, .en): "Association"
    case (.politics, .de): "Politik"
    case (.politics, .en): "Politics"
    case (.research, .de): "Forschung"
    case (.research, .en): "Research"
    case (.other, .de): "Sonstige"
    case (.other, .en): "Other"
    }
  }
}

/// What a relation is about.
public enum RelationKind: String, CaseIterable, Sendable, Hashable, Codable {
  case cooperation
  case funding
  case spaceProvision = "space_provision"
  case personnel
  case advice
  case membership
  case referral
  case participation
  case knowledgeTransfer = "knowledge_transfer"
  case other

  public func label(_ language: Language) -> String {
    switch (self, language) {
    case (.cooperation, .de): "Kooperation"
    case (.cooperation, .en): "Cooperation"
    case (.funding, .de): "Förderung"
    case (.funding, .en): "Funding"
    case (.spaceProvision, .de): "Räume"
    case (.spaceProvision, .en): "Space provision"
    case (.personnel, .de): "Personal"
    case (.personnel, .en): "Personnel"
    case (.advice, .de): "Beratung"
    case (.advice, .en): "Advice"
    case (.membership, .de): "Mitgliedschaft"
    case (.membership, .en): "Membership"
    case (.referral, .de): "Vermittlung"
    case (.referral, .en): "Referral"
    case (.participation, .de): "Teilnahme"
    case (.participation, .en): "Participation"
    case (.knowledgeTransfer, .de): "Wissenstransfer"
    case (.knowledgeTransfer, .en): "Knowledge transfer"
    case (.other, .de): "Sonstige"
    case (.other, .en): "Other"
    }
  }
}

/// Whether a tie exists, is planned, is wished for, or has ended.
public enum RelationStatus: String, CaseIterable, Sendable, Hashable, Codable {
  case existing, planned, desired, ended
}

/// Where a statement comes from: a protocol, or the editors' own knowledge of the world.
///
/// The protocols are the evidence; anything added from general knowledge (an actor's type, a
/// tie everyone knows of) is marked `world_knowledge` so that maps and reports can say so.
public enum Basis: String, CaseIterable, Sendable, Hashable, Codable {
  case protocolText = "protocol"
  case worldKnowledge = "world_knowledge"
}

/// Kinds of events (two-mode actor–event data).
public enum EventKind: String, CaseIterable, Sendable, Hashable, Codable {
  case workshop
  case roundTable = "round_table"
  case conference
  case meeting
  case other
}
