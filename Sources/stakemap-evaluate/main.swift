// Scores `stakemap extract` against hand annotations: precision, recall and F1 per protocol
// (actors, ties, events, needs, offers) and the micro-averaged total. A developer's tool, kept
// out of the StakeMap library and the stakemap command; Scripts/evaluation/evaluate-extract.sh
// builds and runs it.
//
//   stakemap-evaluate GOLD_DIR PROTOCOL_DIR [--details] [--sentence-ties]
import StakeMapExtraction
import StakeMapExtractionEvaluation

import Foundation

func fail(_ message: String, status: Int32) -> Never {
  FileHandle.standardError.write(Data("stakemap-evaluate: \(message)\n".utf8))
  exit(status)
}

var positional: [String] = []
var details = false
var contextTies = true
for argument in CommandLine.arguments.dropFirst() {
  switch argument {
  case "--details": details = true
  case "--sentence-ties": contextTies = false
  case let a where a.hasPrefix("-"):
    fail("unknown option \(a) (known: --details, --sentence-ties)", status: 2)
  default: positional.append(argument)
  }
}
guard positional.count == 2 else {
  fail("usage: stakemap-evaluate GOLD_DIR PROTOCOL_DIR [--details] [--sentence-ties]", status: 2)
}
do {
  let scores = try Evaluation.run(
    goldDirectory: positional[0], protocolDirectory: positional[1],
    options: ExtractionOptions(includeContextTies: contextTies))
  var text = Evaluation.table(scores)
  if details {
    for s in scores where !s.notes.isEmpty {
      text += "\n\(s.name):\n" + s.notes.map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
  }
  print(text, terminator: "")
} catch {
  fail("\(error)", status: 1)
}
