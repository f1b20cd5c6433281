// The StakeMap library: one import for the whole pipeline. Each concept lives in its own module
// (see Package.swift and docs/ARCHITECTURE.md); this umbrella re-exports their public surface,
// as swift-collections' `Collections` does. The C modules and the extraction evaluation are not
// part of it; the Graphviz wrapper shows only rendering (formats, engines, errors): its DOT
// attribute structs are `package`, for the maps module alone.
@_exported import StakeMapAlgorithms
@_exported import StakeMapExtraction
@_exported import StakeMapFormats
@_exported import StakeMapGaps
@_exported import StakeMapGraph
@_exported import StakeMapGraphviz
@_exported import StakeMapMaps
@_exported import StakeMapModel
@_exported import StakeMapReports
@_exported import StakeMapText
