// swift-tools-version: 6.0
// StakeMap: stakeholder networks from workshop protocols: measured, gap-checked, rendered.
//
// Data flows one way through the modules:
//   StakeMapFormats (YAML/JSON readers, diagnostics) -> StakeMapModel (actors, relations, ...)
//   -> StakeMapGraph (CSR core) -> StakeMapAnalysis (centrality, ...)
//   -> StakeMapMaps (styling) -> StakeMapGraphviz (DOT writer, in-process renderer)
//   -> stakemap (thin CLI).
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

    .target(name: "StakeMapModel"),
    .target(name: "StakeMapFormats", dependencies: ["StakeMapModel", "CYAML"]),
    .target(name: "StakeMapGraph", dependencies: ["StakeMapModel"]),
    .target(name: "StakeMapAnalysis", dependencies: ["StakeMapGraph"]),
    // Gap analysis for planners: structure, brokerage, groups, fragility, needs, suggestions.
    .target(
      name: "StakeMapGaps",
      dependencies: ["StakeMapModel", "StakeMapGraph", "StakeMapAnalysis", "StakeMapFormats"]),
    .target(name: "StakeMapGraphviz", dependencies: ["CGraphviz"]),
    // Drafts from German protocols (rule-based, offline) and merging reviewed drafts.
    .target(name: "StakeMapExtraction", dependencies: ["StakeMapModel", "StakeMapFormats", "CYAML"]),
    .target(
      name: "StakeMapMaps",
      dependencies: ["StakeMapModel", "StakeMapGraph", "StakeMapAnalysis", "StakeMapGraphviz"]),
    // Reports for people: HTML (self-contained, CSP-hashed) and Markdown, with the map.
    .target(
      name: "StakeMapReports",
      dependencies: [
        "StakeMapModel", "StakeMapGraph", "StakeMapAnalysis", "StakeMapGaps", "StakeMapMaps",
        "StakeMapGraphviz", "StakeMapFormats",
      ]),
    .target(
      name: "StakeMap",
      dependencies: [
        "StakeMapModel", "StakeMapFormats", "StakeMapGraph", "StakeMapAnalysis",
        "StakeMapGraphviz", "StakeMapMaps", "StakeMapExtraction", "StakeMapGaps",
        "StakeMapReports",
      ]),
    .executableTarget(
      name: "stakemap",
      dependencies: ["StakeMap", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

    // Benchmarks (Scripts/benchmark.sh builds it in release mode and runs it beside igraph).
    .executableTarget(
      name: "stakemap-bench",
      dependencies: ["StakeMapAnalysis", "StakeMapGraph", "StakeMapFormats", "StakeMapModel"]),

    .testTarget(name: "StakeMapFormatsTests", dependencies: ["StakeMapFormats"]),
    .testTarget(name: "StakeMapGraphTests", dependencies: ["StakeMapGraph"]),
    .testTarget(name: "StakeMapModelTests", dependencies: ["StakeMapModel"]),
    .testTarget(name: "StakeMapGapsTests", dependencies: ["StakeMapGaps", "StakeMapFormats"]),
    .testTarget(
      name: "StakeMapExtractionTests", dependencies: ["StakeMapExtraction", "StakeMapFormats"],
      resources: [.copy("Gold"), .copy("Heldout")]),
    .testTarget(
      name: "StakeMapAnalysisTests", dependencies: ["StakeMapAnalysis", "StakeMapGraph"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "StakeMapGraphvizTests", dependencies: ["StakeMapGraphviz"]),
    .testTarget(name: "StakeMapMapsTests", dependencies: ["StakeMapMaps", "StakeMapFormats"]),
    .testTarget(
      name: "StakeMapReportsTests",
      dependencies: ["StakeMapReports", "StakeMapFormats", "StakeMapGaps", "StakeMapMaps"]),
    .testTarget(name: "StakeMapCLITests", dependencies: ["StakeMap"]),
  ]
)
