// swift-tools-version: 6.0
// StakeMap: stakeholder networks from workshop protocols: measured, gap-checked, rendered.
//
// One module per concept; data flows one way (docs/ARCHITECTURE.md draws it). Each module and
// the modules it imports:
//
//   StakeMapText        –                                 words, number/list formats, escapers
//   StakeMapModel       Text                              the network and its vocabulary
//   StakeMapFormats     Model, Text, CYAML                readers, writers, atomic files
//   StakeMapGraph       Model                             CSR core, traversal, parallel loop, RNG
//   StakeMapAlgorithms  Graph, Model                      algorithms by family (numbers only)
//   StakeMapGaps        Algorithms, Graph, Model, Text    the gap report's numbers
//   StakeMapGraphviz    CGraphviz                         the libgvc wrapper
//   StakeMapMaps        Graphviz, Model, Text             map styling
//   StakeMapReports     Gaps, Maps, Graphviz, Algorithms, Graph, Model, Text   words for people
//   StakeMapExtraction  Formats, Model, Text              drafts from protocols, merge
//   StakeMap            all of the above                  the library (re-exports)
//   stakemap            StakeMap, ArgumentParser          the thin CLI
//
// Every target declares exactly the modules it imports. Internal helpers shared between
// modules use Swift's `package` access level: visible inside this package, invisible to users
// of the StakeMap library.
import PackageDescription

let package = Package(
  name: "StakeMap",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "StakeMap", targets: ["StakeMap"]),
    .executable(name: "stakemap", targets: ["stakemap"]),
  ],
  dependencies: [
    // The CLI's options, subcommands and --help. The only Swift package StakeMap depends on.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    // System libraries from Debian: libgraphviz-dev (rendering, in-process) and libyaml-dev
    // (YAML events with line and column for every value). See README "Dependencies".
    .systemLibrary(
      name: "CGraphviz", pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]),
    .systemLibrary(
      name: "CYAML", pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),

    // Words for people and text for machines: the catalogue, formats, escapers.
    .target(name: "StakeMapText"),
    // The network: actors, relations, events, sources, topics, the closed vocabulary.
    .target(name: "StakeMapModel", dependencies: ["StakeMapText"]),
    // Readers and writers: YAML, JSON, spreadsheets; diagnostics with positions; atomic files.
    .target(name: "StakeMapFormats", dependencies: ["StakeMapModel", "StakeMapText", "CYAML"]),
    // The compact graph (CSR, integer ids), traversal, parallel loop, RNG.
    .target(name: "StakeMapGraph", dependencies: ["StakeMapModel"]),
    // Algorithms by family: centrality, structure, brokerage, groups, fragility, link prediction.
    .target(name: "StakeMapAlgorithms", dependencies: ["StakeMapGraph", "StakeMapModel"]),
    // The gap report's numbers (what planners ask of a network), without its words.
    .target(
      name: "StakeMapGaps",
      dependencies: ["StakeMapModel", "StakeMapGraph", "StakeMapAlgorithms", "StakeMapText"]),
    // One careful wrapper around libgvc: DOT, escaping, in-process rendering.
    .target(name: "StakeMapGraphviz", dependencies: ["CGraphviz"]),
    // Map styling: colours, shapes, legends, views.
    .target(
      name: "StakeMapMaps", dependencies: ["StakeMapModel", "StakeMapGraphviz", "StakeMapText"]),
    // Words for people: the gaps text, HTML (self-contained, CSP-hashed) and Markdown reports.
    .target(
      name: "StakeMapReports",
      dependencies: [
        "StakeMapModel", "StakeMapGraph", "StakeMapAlgorithms", "StakeMapGaps", "StakeMapMaps",
        "StakeMapGraphviz", "StakeMapText",
      ]),
    // Drafts from German protocols (rule-based, offline) and merging reviewed drafts.
    .target(
      name: "StakeMapExtraction", dependencies: ["StakeMapModel", "StakeMapFormats", "StakeMapText"]),
    // Scoring extraction against hand annotations: a developer's tool, not in the library.
    .target(
      name: "StakeMapExtractionEvaluation",
      dependencies: ["StakeMapExtraction", "StakeMapModel", "StakeMapFormats"]),
    .target(
      name: "StakeMap",
      dependencies: [
        "StakeMapText", "StakeMapModel", "StakeMapFormats", "StakeMapGraph", "StakeMapAlgorithms",
        "StakeMapGaps", "StakeMapGraphviz", "StakeMapMaps", "StakeMapReports", "StakeMapExtraction",
      ]),
    .executableTarget(
      name: "stakemap",
      dependencies: ["StakeMap", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

    // Benchmarks (Scripts/benchmarks/centrality.sh builds it in release mode, beside igraph).
    .executableTarget(
      name: "stakemap-bench",
      dependencies: ["StakeMapAlgorithms", "StakeMapGraph", "StakeMapFormats", "StakeMapModel"]),
    // Fuzzing: the checks (a library, replayed by tests) and libFuzzer's entry point
    // (Scripts/fuzzing/run-fuzzers.sh builds it with -sanitize=fuzzer).
    .target(
      name: "StakeMapFuzzing",
      dependencies: [
        "StakeMapGraphviz", "StakeMapExtraction", "StakeMapFormats", "StakeMapModel", "StakeMapText",
      ]),
    .target(name: "CLibFuzzer"),
    .executableTarget(name: "stakemap-fuzz", dependencies: ["StakeMapFuzzing", "CLibFuzzer"]),
    // Extraction scores (Scripts/evaluation/evaluate-extract.sh).
    .executableTarget(
      name: "stakemap-evaluate",
      dependencies: ["StakeMapExtraction", "StakeMapExtractionEvaluation"]),

    // Tests mirror the sources: one test target per module, declaring exactly what it imports.
    // Helpers several test targets share (the protocols beside the repository).
    .target(
      name: "StakeMapTestSupport", dependencies: ["StakeMapModel"], path: "Tests/StakeMapTestSupport"),
    .testTarget(name: "StakeMapTextTests", dependencies: ["StakeMapText"]),
    .testTarget(
      name: "StakeMapFormatsTests", dependencies: ["StakeMapFormats", "StakeMapModel", "StakeMapText"]),
    .testTarget(name: "StakeMapGraphTests", dependencies: ["StakeMapGraph", "StakeMapModel"]),
    .testTarget(name: "StakeMapModelTests", dependencies: ["StakeMapModel", "StakeMapText"]),
    .testTarget(
      name: "StakeMapGapsTests",
      dependencies: ["StakeMapGaps", "StakeMapAlgorithms", "StakeMapGraph", "StakeMapModel", "StakeMapTestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "StakeMapExtractionTests",
      dependencies: [
        "StakeMapExtraction", "StakeMapExtractionEvaluation", "StakeMapFormats", "StakeMapModel",
        "StakeMapText", "StakeMapTestSupport",
      ],
      resources: [.copy("Gold"), .copy("Heldout"), .copy("Development"), .copy("Blind"), .copy("Blind2")]),
    .testTarget(
      name: "StakeMapAlgorithmsTests", dependencies: ["StakeMapAlgorithms", "StakeMapGraph"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "StakeMapGraphvizTests", dependencies: ["StakeMapGraphviz"]),
    .testTarget(
      name: "StakeMapMapsTests",
      dependencies: ["StakeMapMaps", "StakeMapGraphviz", "StakeMapModel", "StakeMapText"]),
    .testTarget(
      name: "StakeMapReportsTests",
      dependencies: [
        "StakeMapReports", "StakeMapGaps", "StakeMapMaps", "StakeMapFormats", "StakeMapModel",
        "StakeMapText", "StakeMapTestSupport",
      ]),
    .testTarget(
      name: "StakeMapCLITests", dependencies: ["StakeMap", "StakeMapText", "StakeMapTestSupport"],
      // The WebDriver script the interactive-map test runs with python3 (not a resource);
      // diff/: the NetworkX oracle of `stakemap diff` (Scripts/fixtures/make-diff-fixtures.py).
      exclude: ["WebDriver"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "StakeMapFuzzingTests", dependencies: ["StakeMapFuzzing"],
      resources: [.copy("Regressions")]),
  ]
)
