import StakeMap
import Testing

/// Every metric has a label and a meaning in every language (the catalogue's `metric.ID` and
/// `metric.ID.meaning`, looked up by the metric's id).
@Suite struct MetricLabelTests {
  @Test(arguments: Language.allCases)
  func everyMetricHasItsWords(_ language: Language) {
    for metric in Metric.allCases {
      #expect(!metric.label(language).hasPrefix("metric."), "\(metric) in \(language)")
      #expect(metric.meaning(language).hasSuffix("."), "\(metric) in \(language)")
    }
    #expect(Metric.degree.label(.de) == "Grad")
    #expect(Metric.degree.label(.en) == "Degree")
  }
}
