/// One plain-language finding for people, most important first (see ``GapReport/findings``).
public struct Finding: Sendable {
  public enum Topic: String, Sendable { case size, fragility, brokers, groups, needs, suggestions }
  public var topic: Topic
  public var text: String
}
