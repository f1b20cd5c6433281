import StakeMapModel

/// One entry point for every exchange format: the files to write for `output`, as
/// (path, bytes) pairs to be written all or nothing (``AtomicFile``).
public enum ExchangeWriter {
  public static func files(
    _ network: Network, format: ExchangeFormat, output: String
  ) -> [(path: String, bytes: [UInt8])] {
    let paths = format.outputPaths(output)
    // Each text becomes bytes at once, so that text and bytes of one file are alive together,
    // never those of all files (a 1,000,000-relation GEXF is 350 MB of text).
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    switch format {
    case .graphml: return [(paths[0], bytes(GraphMLWriter.write(network)))]
    case .gexf: return [(paths[0], bytes(GEXFWriter.write(network)))]
    case .nodeLink: return [(paths[0], bytes(NodeLinkWriter.write(network)))]
    case .pajek: return [(paths[0], bytes(PajekWriter.write(network)))]
    case .kumu:
      let (a, b) = KumuWriter.write(network)
      return [(paths[0], bytes(a)), (paths[1], bytes(b))]
    case .neo4j:
      let (a, b) = Neo4jWriter.write(network)
      return [(paths[0], bytes(a)), (paths[1], bytes(b))]
    case .graphframes:
      let (a, b) = GraphFramesWriter.write(network)
      return [(paths[0], bytes(a)), (paths[1], bytes(b))]
    }
  }
}
