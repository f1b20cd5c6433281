import StakeMapModel

/// One entry point for every exchange format: the files to write for `output`, as
/// (path, bytes) pairs to be written all or nothing (``AtomicFile``).
public enum ExchangeWriter {
  public static func files(
    _ network: Network, format: ExchangeFormat, output: String
  ) -> [(path: String, bytes: [UInt8])] {
    let paths = format.outputPaths(output)
    let texts: [String]
    switch format {
    case .graphml: texts = [GraphMLWriter.write(network)]
    case .gexf: texts = [GEXFWriter.write(network)]
    case .nodeLink: texts = [NodeLinkWriter.write(network)]
    case .pajek: texts = [PajekWriter.write(network)]
    case .kumu:
      let (a, b) = KumuWriter.write(network)
      texts = [a, b]
    case .neo4j:
      let (a, b) = Neo4jWriter.write(network)
      texts = [a, b]
    case .graphframes:
      let (a, b) = GraphFramesWriter.write(network)
      texts = [a, b]
    }
    return zip(paths, texts).map { ($0, Array($1.utf8)) }
  }
}
