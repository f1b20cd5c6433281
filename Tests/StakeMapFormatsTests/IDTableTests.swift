import Testing

@testable import StakeMapFormats

@Suite struct IDTableTests {
  @Test func growsFindsAndRefusesDuplicates() throws {
    // Ids of every length around the 8-byte steps of the hash, plus non-ASCII ones.
    let ids = (0..<3000).map { i in
      i % 3 == 0 ? "ä\(i)" : String(repeating: "x", count: i % 19) + "\(i)"
    }
    let list =
      "[" + (ids + ids.prefix(10)).map { "\"\($0)\"" }.joined(separator: ",") + ", \"nope\"]"
    let tree = try #require(jsonTree(list).value)
    let root = try #require(tree.root)
    var table = IDTable(capacity: 1)
    for i in ids.indices {
      #expect(table.insert(tree.element(root, i), in: tree) == nil)
    }
    #expect(table.count == ids.count)
    for i in 0..<10 {
      // The same text again names the first entry and adds nothing.
      #expect(table.insert(tree.element(root, ids.count + i), in: tree) == i)
    }
    #expect(table.count == ids.count)
    for i in ids.indices {
      #expect(table.find(tree.element(root, i), in: tree) == i)
    }
    #expect(table.find(tree.element(root, ids.count + 10), in: tree) == nil)
    // Where each id was declared outlives the tree (a streamed read drops it).
    #expect(table.location(5, file: "f") == tree.location(tree.element(root, 5), file: "f"))
    #expect(table.location(2_999, file: "f") == tree.location(tree.element(root, 2_999), file: "f"))
  }
}
