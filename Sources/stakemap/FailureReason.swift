import StakeMap

/// What to tell the user about a failed render: a limit StakeMap itself enforced (engine too
/// slow for the map's size, too many nodes, a bitmap too large) is already a sentence in the
/// user's language; anything Graphviz reported keeps Graphviz's own words and stage.
func failureReason(_ error: any Error) -> String {
  if let graphviz = error as? GraphvizError, graphviz.stage == .limits { return graphviz.message }
  return "\(error)"
}
