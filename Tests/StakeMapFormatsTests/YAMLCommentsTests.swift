import Testing

@testable import StakeMapFormats

@Suite struct YAMLCommentsTests {
  @Test func findsComments() {
    #expect(YAMLComments.present(in: "# title\nactors: []\n"))
    #expect(YAMLComments.present(in: "actors: [] # none yet\n"))
    #expect(YAMLComments.present(in: Array("a: b\n  # indented\n".utf8)))
  }

  @Test func ignoresHashesThatAreNotComments() {
    #expect(!YAMLComments.present(in: "name: C#\n"))
    #expect(!YAMLComments.present(in: "name: \"a # b\"\n"))
    #expect(!YAMLComments.present(in: "name: 'a # b'\n"))
    #expect(!YAMLComments.present(in: "url: http://x.org/#top\n"))
    #expect(!YAMLComments.present(in: "note: |\n  # not a comment\n  text\nnext: 1\n"))
    #expect(!YAMLComments.present(in: "name: \"multi\n  line # still quoted\"\n"))
    #expect(!YAMLComments.present(in: Array("actors: []\n".utf8)))
  }

  @Test func aCommentAfterABlockScalarEnds() {
    #expect(YAMLComments.present(in: "note: >\n  text\n# after\n"))
  }

  /// A file saved with Windows line endings: "\r\n" is one Character in Swift.
  @Test func commentsInFilesWithWindowsLineEndings() {
    #expect(YAMLComments.present(in: "a: 1\r\n# a comment\r\nb: 2\r\n"))
    #expect(YAMLComments.present(in: Array("a: 1\r\n# a comment\r\n".utf8)))
    #expect(YAMLComments.present(in: "a: 1\r# old Mac\r"))
    #expect(!YAMLComments.present(in: "a: 1\r\nb: \"x # y\"\r\n"))
  }
}
