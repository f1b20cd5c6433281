// StakeMapExtraction: drafts of networks from German workshop protocols, and the merge of
// reviewed drafts into networks.
//
// Everything here is deterministic and offline (rules, no model download). Every proposed item
// carries its verbatim evidence and character offsets and is marked for review; see
// docs/FORMAT.md, "Drafts and review marks".
