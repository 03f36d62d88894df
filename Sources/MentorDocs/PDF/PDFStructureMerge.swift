// The tagged structure of a combined PDF: every part's structure elements under one new
// Document element (a part's own Document becomes a Part), one parent tree holding every part's
// entries with its keys moved up by the keys the parts before it used (its pages' /StructParents
// and its annotations' /StructParent moved to match), element IDs prefixed with the part's
// number so they stay unique (with the /Headers of table cells that name them), and the parts'
// role and class maps merged. Only the small trees are kept in memory, never a part's elements.
import Foundation

/// Collects the parts' structure trees while PDFMerge copies their objects, and writes the new one.
final class PDFStructureMerge {
    /// New object numbers of the parts' top structure elements, in order.
    private var kids: [Int] = []
    /// Parent tree: new key → the value, written with new object numbers.
    private var parentTree: [(key: Int, value: [UInt8])] = []
    /// ID tree: prefixed ID → the element it names.
    private var ids: [(key: [UInt8], value: [UInt8])] = []
    private var roleMap: [(String, [UInt8])] = []
    private var classMap: [(String, [UInt8])] = []
    /// The first parent tree key still free.
    private(set) var nextKey = 0

    /// The part being appended: its old structure tree root, its key offset and ID prefix.
    private var root: Int?
    private var top: Set<Int> = []
    private var base = 0
    private var used = 0
    private var prefix: [UInt8] = []

    /// Whether any part had a structure tree.
    var isTagged: Bool { !kids.isEmpty }

    /// Limits that keep a damaged tree from sending the reader round for ever.
    static let maxDepth = 32, maxEntries = 1_000_000

    /// Starts part `part` (1-based): reads its structure tree root, if any. Returns the objects
    /// of its trees (root, parent tree and ID tree nodes), which are rebuilt and never copied.
    func begin(_ document: PDFDocument, catalog: PDFValue, part: Int) throws(PDFError) -> Set<Int> {
        root = nil
        top = []
        base = nextKey
        used = 0
        prefix = Array("p\(part)-".utf8)
        guard let number = catalog["StructTreeRoot"]?.reference,
              case let value = try document.object(number).value, case .dictionary = value else { return [] }
        root = number
        var nodes: Set<Int> = [number]
        for key in ["ParentTree", "IDTree"] {
            if let n = value[key]?.reference { try walkNodes(n, in: document, into: &nodes, depth: 0) }
        }
        return nodes
    }

    /// The new object number a reference to the part's old structure tree root takes: its top
    /// elements' /P.
    func parent(of old: Int, document: Int) -> Int? { old == root ? document : nil }

    /// Renders the part's trees with new object numbers (so `number` queues every element they
    /// reach for copying). Call after its pages are numbered.
    func collect(_ document: PDFDocument, number: (Int) -> Int?) throws(PDFError) {
        guard let root else { return }
        let value = try document.object(root).value
        let name = document.name
        // The top elements: the root's /K, a reference or an array of them.
        var items: [PDFValue] = []
        switch value["K"] {
        case .ref?: items = [value["K"]!]
        case .array(let array)?: items = array
        default: break
        }
        for item in items {
            guard let old = item.reference, let new = number(old) else { continue }
            top.insert(old)
            kids.append(new)
        }
        if let tree = value["ParentTree"] {
            var entries: [(PDFValue, PDFValue)] = []
            var seen = Set<Int>()
            try leaves(tree, key: "Nums", in: document, seen: &seen, into: &entries, depth: 0)
            for (key, entry) in entries {
                guard let k = key.integer, k >= 0, k < Self.maxEntries else { throw PDFError("\(name): a parent tree key is not a small whole number") }
                used = max(used, k + 1)
                parentTree.append((base + k, render(entry, number)))
            }
        }
        if let next = value["ParentTreeNextKey"]?.integer, next > 0, next < Self.maxEntries { used = max(used, next) }
        if let tree = value["IDTree"] {
            var entries: [(PDFValue, PDFValue)] = []
            var seen = Set<Int>()
            try leaves(tree, key: "Names", in: document, seen: &seen, into: &entries, depth: 0)
            for (key, entry) in entries {
                guard case .raw(let raw) = key, let bytes = PDFInfo.stringBytes(raw) else { throw PDFError("\(name): an ID tree key is not a string") }
                ids.append((prefix + bytes, render(entry, number)))
            }
        }
        for (key, map) in [("RoleMap", \PDFStructureMerge.roleMap), ("ClassMap", \PDFStructureMerge.classMap)] {
            var resolved = value[key]
            if let n = resolved?.reference { resolved = try document.object(n).value }
            guard case .dictionary(let entries)? = resolved else { continue }
            for entry in entries where !self[keyPath: map].contains(where: { $0.0 == entry.key }) {
                self[keyPath: map].append((entry.key, render(entry.value, number)))
            }
        }
    }

    /// Object `old` of the part as it is to be written: page and annotation keys into the parent
    /// tree moved by the part's offset (dropped if the part has no structure tree), IDs and the
    /// IDs table cells name prefixed, the part's own Document element made a Part.
    func adjust(_ value: PDFValue, old: Int) -> PDFValue {
        guard case .dictionary = value else { return value }
        var value = value
        for key in ["StructParents", "StructParent"] {
            guard let k = value[key]?.integer else { continue }
            if root == nil || k < 0 || k >= Self.maxEntries {
                value = value.removing(key)
            } else {
                used = max(used, k + 1)
                value = value.setting(key, .raw(Array(String(base + k).utf8)))
            }
        }
        guard root != nil, value["Type"]?.name == "StructElem" || (value["S"] != nil && value["P"] != nil) else { return value }
        if case .raw(let id)? = value["ID"], let bytes = PDFInfo.stringBytes(id) { value = value.setting("ID", Self.hex(prefix + bytes)) }
        if let attributes = value["A"] { value = value.setting("A", prefixingHeaders(attributes)) }
        if top.contains(old), value["S"]?.name == "Document" { value = value.setting("S", .raw(Array("/Part".utf8))) }
        return value
    }

    /// Ends the part: the keys it used are taken.
    func end() {
        if root != nil { nextKey = base + used }
        root = nil
    }

    /// Writes the new Document element (`document`), the trees and the structure tree root
    /// (`number`), taking further object numbers from `allocate`.
    func finish(root number: Int, document: Int, language: [UInt8]?, allocate: () -> Int,
                object: (Int, [UInt8]) throws -> Void) throws {
        var kidsText = ""
        for (i, kid) in kids.enumerated() { kidsText += (i % 16 == 15 ? "\n" : i > 0 ? " " : "") + "\(kid) 0 R" }
        let lang = language.map { "\n/Lang " + String(decoding: $0, as: UTF8.self) } ?? ""
        try object(document, Array("<</Type /StructElem\n/S /Document\n/P \(number) 0 R\n/K [\(kidsText)]\(lang)>>".utf8))

        let numbers = parentTree.sorted { $0.key < $1.key }.map { (Array(String($0.key).utf8), $0.value) }
        let parentTreeNumber = try tree("Nums", numbers, allocate: allocate, object: object)
        var body = Array("<</Type /StructTreeRoot\n/K \(document) 0 R\n/ParentTree \(parentTreeNumber) 0 R\n/ParentTreeNextKey \(nextKey)".utf8)
        if !ids.isEmpty {
            let names = ids.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { (Self.hex($0.key).bytes, $0.value) }
            body += Array("\n/IDTree \(try tree("Names", names, allocate: allocate, object: object)) 0 R".utf8)
        }
        for (key, map) in [("RoleMap", roleMap), ("ClassMap", classMap)] where !map.isEmpty {
            body += Array("\n/\(key) <<".utf8)
            for (name, value) in map { body += Array("/\(name) ".utf8) + value + [10] }
            body += Array(">>".utf8)
        }
        try object(number, body + Array(">>".utf8))
    }

    // MARK: Trees

    /// A number or name tree of `entries` (sorted): one node, or leaves of 512 under a root.
    private func tree(_ kind: String, _ entries: [([UInt8], [UInt8])], allocate: () -> Int,
                      object: (Int, [UInt8]) throws -> Void) throws -> Int {
        func leaf(_ slice: ArraySlice<([UInt8], [UInt8])>, limits: Bool) -> [UInt8] {
            var out = Array("<<".utf8)
            if limits, let first = slice.first, let last = slice.last { out += Array("/Limits [".utf8) + first.0 + [32] + last.0 + Array("]\n".utf8) }
            out += Array("/\(kind) [".utf8)
            for (i, (key, value)) in slice.enumerated() { out += (i > 0 ? [10] : []) + key + [32] + value }
            return out + Array("]>>".utf8)
        }
        let rootNumber = allocate()
        if entries.count <= 512 {
            try object(rootNumber, leaf(entries[...], limits: false))
            return rootNumber
        }
        var kids: [Int] = []
        for start in stride(from: 0, to: entries.count, by: 512) {
            let n = allocate()
            try object(n, leaf(entries[start..<min(entries.count, start + 512)], limits: true))
            kids.append(n)
        }
        try object(rootNumber, Array("<</Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))]>>".utf8))
        return rootNumber
    }

    /// The object numbers of a tree's nodes (those with /Kids, /Nums or /Names).
    private func walkNodes(_ number: Int, in document: PDFDocument, into nodes: inout Set<Int>, depth: Int) throws(PDFError) {
        guard depth < Self.maxDepth, nodes.count < Self.maxEntries, nodes.insert(number).inserted else { return }
        guard case .array(let kids)? = try document.object(number).value["Kids"] else { return }
        for kid in kids { if let n = kid.reference { try walkNodes(n, in: document, into: &nodes, depth: depth + 1) } }
    }

    /// The key/value pairs of a number (`Nums`) or name (`Names`) tree, in order.
    private func leaves(_ node: PDFValue, key: String, in document: PDFDocument, seen: inout Set<Int>,
                        into out: inout [(PDFValue, PDFValue)], depth: Int) throws(PDFError) {
        guard depth < Self.maxDepth else { throw PDFError("\(document.name): its structure trees are nested too deeply") }
        var node = node
        if let n = node.reference {
            guard seen.insert(n).inserted else { throw PDFError("\(document.name): its structure trees loop") }
            node = try document.object(n).value
        }
        if case .array(let pairs)? = node[key] {
            guard pairs.count % 2 == 0, out.count + pairs.count / 2 <= Self.maxEntries else {
                throw PDFError("\(document.name): a /\(key) array of its structure trees has an odd or too large count")
            }
            for i in stride(from: 0, to: pairs.count, by: 2) { out.append((pairs[i], pairs[i + 1])) }
        }
        if case .array(let kids)? = node["Kids"] {
            for kid in kids { try leaves(kid, key: key, in: document, seen: &seen, into: &out, depth: depth + 1) }
        }
    }

    // MARK: Values

    private func render(_ value: PDFValue, _ number: (Int) -> Int?) -> [UInt8] {
        var out: [UInt8] = []
        value.write(into: &out, number: number)
        return out
    }

    /// Attribute objects (a dictionary, or an array of them and revision numbers) with every ID
    /// in a /Headers array prefixed.
    private func prefixingHeaders(_ attributes: PDFValue) -> PDFValue {
        switch attributes {
        case .array(let items): return .array(items.map(prefixingHeaders))
        case .dictionary:
            guard case .array(let headers)? = attributes["Headers"] else { return attributes }
            return attributes.setting("Headers", .array(headers.map { header in
                if case .raw(let raw) = header, let bytes = PDFInfo.stringBytes(raw) { return Self.hex(prefix + bytes) }
                return header
            }))
        default: return attributes
        }
    }

    /// A hex string of `bytes`.
    static func hex(_ bytes: [UInt8]) -> PDFValue {
        let digits = Array("0123456789ABCDEF".utf8)
        return .raw([UInt8(ascii: "<")] + bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] } + [UInt8(ascii: ">")])
    }
}

extension PDFValue {
    /// A raw value's bytes.
    var bytes: [UInt8] { if case .raw(let b) = self { b } else { [] } }

    /// A dictionary without `key`.
    func removing(_ key: String) -> PDFValue {
        guard case .dictionary(var entries) = self else { return self }
        entries.removeAll { $0.key == key }
        return .dictionary(entries)
    }
}
