// A path's folder from its text, as Foundation gives it, but without Foundation's trap on paths
// of one character (`init a` twice, `templates export T` twice ended in "Illegal instruction").
import Foundation
import Testing
@testable import MentorDocs

@Suite struct PathTextTests {
    @Test(arguments: [("a", ""), ("T", ""), (".", ""), ("./", ""), ("a/", ""), ("é", ""), (" ", ""),
                      ("/", "/"), ("", ""), ("/a", "/"), ("x/T", "x"), ("a/b/", "a"), ("./a", "."), ("a//b", "a"),
                      ("/tmp/pairs/pair.yaml", "/tmp/pairs")])
    func theFolderOfAPath(path: String, folder: String) {
        #expect(PathText.folder(of: path) == folder)
    }

    @Test func itAgreesWithFoundationWhereFoundationDoesNotTrap() {
        for path in ["ab", "ab/", "/ab", "x/yz", "a/b/c", "/a/b/", "./ab", "../ab", "a b/c d.yaml", "名前/ファイル.yaml"] {
            #expect(PathText.folder(of: path) == (path as NSString).deletingLastPathComponent, "\(path)")
        }
    }
}
