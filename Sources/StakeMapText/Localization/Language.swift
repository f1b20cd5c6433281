/// The language of generated text (labels, legends, summaries).
public enum Language: String, CaseIterable, Sendable, Hashable, Codable {
  case de, en
}
