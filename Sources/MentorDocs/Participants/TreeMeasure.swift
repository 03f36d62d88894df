// The size limits, checked over Yams' composed tree before anything walks it in full: values
// counted as if aliases were expanded, and nesting depth.
import Yams

/// Counts a document's values with aliases expanded, without expanding them.
///
/// Yams' composer shares an aliased node instead of copying it, so a 432-byte "billion laughs"
/// file composes cheaply but would take billions of steps to walk. Sizes of anchored nodes are
/// memoized by anchor identity (and depth, which decides the depth limit), so the count costs
/// about as much as the file is long, and it stops as soon as a limit is passed.
struct TreeMeasure {
    let limits: ParticipantLoader.Limits
    let file: String
    let source: SourceText
    /// The document's value count, aliases expanded; valid after `check` returned nil.
    private(set) var count = 0

    private struct MemoKey: Hashable {
        var anchor: ObjectIdentifier
        var level: Int
    }
    private var memo: [MemoKey: Int] = [:]
    private var problem: Diagnostic?

    init(limits: ParticipantLoader.Limits, file: String, source: SourceText) {
        self.limits = limits
        self.file = file
        self.source = source
    }

    /// libyaml refuses deeper input anyway; the bound also keeps this walk's recursion small.
    var maxDepth: Int { min(max(limits.maxDepth, 1), 1_000) }

    /// The first limit the document passes, located; nil when it is within every limit.
    mutating func check(_ root: Node) -> Diagnostic? {
        count = size(root, level: 0, path: ValuePath())
        return problem
    }

    /// The node's size, or `maxNodes + 1` once the limit is passed (and `problem` is set).
    private mutating func size(_ node: Node, level: Int, path: ValuePath) -> Int {
        let cap = limits.maxNodes
        let key = node.anchor.map { MemoKey(anchor: ObjectIdentifier($0), level: level) }
        if let key, let known = memo[key] { return known }
        var total = 1
        switch node {
        case .scalar, .alias:
            break
        case .sequence(let sequence):
            if level + 1 > maxDepth { return fail(node, path, "nested more than \(maxDepth) levels deep") }
            for (i, child) in sequence.enumerated() {
                total += size(child, level: level + 1, path: path.appending(i))
                if problem != nil { return cap + 1 }
                if total > cap { return fail(node, path, tooMany) }
            }
        case .mapping(let mapping):
            if level + 1 > maxDepth { return fail(node, path, "nested more than \(maxDepth) levels deep") }
            for (k, v) in mapping {
                total += size(k, level: level + 1, path: path)
                if problem != nil { return cap + 1 }
                total += size(v, level: level + 1, path: path.appending(k.string ?? "?"))
                if problem != nil { return cap + 1 }
                if total > cap { return fail(node, path, tooMany) }
            }
        }
        if total > cap { return fail(node, path, tooMany) }
        if let key { memo[key] = total }
        return total
    }

    private var tooMany: String {
        "too many values: more than \(groupedDigits(limits.maxNodes)) in one partnership, aliases counted as expanded"
    }

    private mutating func fail(_ node: Node, _ path: ValuePath, _ message: String) -> Int {
        let line = node.mark?.line ?? 0, column = node.mark?.column ?? 0
        problem = Diagnostic(at: SourceLocation(file: file, line: line, column: column),
                             path.prefix + message, path: path.isEmpty ? nil : path.description,
                             sourceLine: source.excerpt(line, column: column))
        return limits.maxNodes + 1
    }
}
