// The StakeMap library: one import for the whole pipeline. Each concept lives in its own module
// (see Package.swift); this umbrella re-exports them, as swift-collections' `Collections` does.
@_exported import StakeMapAnalysis
@_exported import StakeMapFormats
@_exported import StakeMapGraph
@_exported import StakeMapGraphviz
@_exported import StakeMapMaps
@_exported import StakeMapModel
@_exported import StakeMapExtraction
@_exported import StakeMapGaps
@_exported import StakeMapReports
