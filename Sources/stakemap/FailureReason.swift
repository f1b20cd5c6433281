import StakeMap

/// What to tell the user about a failed render, in `language`: a limit (an engine too slow for
/// the map's size, too many nodes, a bitmap too large, a forbidden attribute) from the
/// catalogue with its figures; anything Graphviz itself reported keeps Graphviz's words.
func failureReason(_ error: any Error, language: Language) -> String {
  if let graphviz = error as? GraphvizError {
    return StakeholderMap.explanation(of: graphviz, language: language)
  }
  return "\(error)"
}
