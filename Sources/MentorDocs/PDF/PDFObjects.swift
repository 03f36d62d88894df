// Reading the objects of a PDF written by Chromium (and updated by PDFInfo): classic
// cross-reference tables chained by /Prev, objects parsed into values whose indirect references
// can be renumbered, and streams located by their /Length. Anything else (cross-reference
// streams, object streams, encryption) is refused with a clear error rather than guessed at.
import Foundation

/// A PDF value; `raw` holds a number, name, string, boolean or null exactly as written.
enum PDFValue {
    case raw([UInt8])
    case ref(Int)
    case array([PDFValue])
    case dictionary([PDFEntry])

    /// The entry `key` of a dictionary.
    subscript(key: String) -> PDFValue? {
        guard case .dictionary(let entries) = self else { return nil }
        return entries.last { $0.key == key }?.value
    }

    /// The object number of a reference.
    var reference: Int? { if case .ref(let n) = self { n } else { nil } }

    /// The integer a raw value spells.
    var integer: Int? { if case .raw(let bytes) = self { Int(String(decoding: bytes, as: UTF8.self)) } else { nil } }

    /// The name a raw value spells, without its slash.
    var name: String? {
        guard case .raw(let bytes) = self, bytes.first == UInt8(ascii: "/") else { return nil }
        return String(decoding: bytes.dropFirst(), as: UTF8.self)
    }

    /// A dictionary with `key` set to `value` (replacing any entry of that key).
    func setting(_ key: String, _ value: PDFValue) -> PDFValue {
        guard case .dictionary(var entries) = self else { return self }
        entries.removeAll { $0.key == key }
        entries.append(PDFEntry(key: key, value: value))
        return .dictionary(entries)
    }

    /// Every object number this value refers to.
    func references(into out: inout [Int]) {
        switch self {
        case .raw: break
        case .ref(let n): out.append(n)
        case .array(let items): for item in items { item.references(into: &out) }
        case .dictionary(let entries): for entry in entries { entry.value.references(into: &out) }
        }
    }

    /// The value as PDF syntax, each reference renumbered by `number` (`null` where it gives nil).
    func write(into out: inout [UInt8], number: (Int) -> Int?) {
        switch self {
        case .raw(let bytes): out += bytes
        case .ref(let n):
            if let m = number(n) { out += Array("\(m) 0 R".utf8) } else { out += Array("null".utf8) }
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: " ")) }
                item.write(into: &out, number: number)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let entries):
            out += Array("<<".utf8)
            for entry in entries {
                out += Array("/\(entry.key) ".utf8)
                entry.value.write(into: &out, number: number)
                out.append(10)
            }
            out += Array(">>".utf8)
        }
    }
}

/// A dictionary entry.
struct PDFEntry {
    var key: String
    var value: PDFValue
}

/// One object of a PDF: its value and, for a stream, where its bytes are.
struct PDFObject {
    var value: PDFValue
    var stream: Range<Int>?
}

/// The objects of one PDF held in memory, found through its cross-reference tables.
struct PDFDocument {
    let bytes: [UInt8]
    /// Object number → byte offset, newest section first; free objects are absent.
    private(set) var offsets: [Int: Int] = [:]
    /// The newest trailer.
    let trailer: PDFValue

    /// Reads the cross-reference chain of `bytes`; `name` is used in errors.
    init(_ bytes: [UInt8], name: String) throws(PDFError) {
        self.bytes = bytes
        guard bytes.starts(with: Array("%PDF-".utf8)) else { throw PDFError("\(name) is not a PDF (it does not start with %PDF-)") }
        guard let start = PDFInfo.lastXref(bytes) else { throw PDFError("\(name) has no startxref at its end") }
        var section: Int? = start
        var seen = Set<Int>()
        var newest: PDFValue?
        var free = Set<Int>()
        while let at = section {
            guard seen.insert(at).inserted, seen.count <= 1000 else { throw PDFError("\(name): its cross-reference sections loop") }
            guard at < bytes.count, bytes[at...].starts(with: Array("xref".utf8)) else {
                throw PDFError("\(name) uses a cross-reference stream (PDF 1.5 or later); only classic xref tables, as Chromium writes, can be combined")
            }
            var lexer = PDFLexer(bytes: bytes, position: at + 4)
            while true {
                lexer.skip()
                if lexer.peek(Array("trailer".utf8)) { lexer.position += 7; break }
                guard let first = lexer.integer(), let count = lexer.integer(), (0..<10_000_000).contains(first), (0..<10_000_000).contains(count) else {
                    throw PDFError("\(name): a cross-reference table at byte \(at) cannot be read")
                }
                for i in 0..<count {
                    guard let offset = lexer.integer(), lexer.integer() != nil, let kind = lexer.word() else {
                        throw PDFError("\(name): a cross-reference entry at byte \(lexer.position) cannot be read")
                    }
                    let number = first + i
                    guard offsets[number] == nil, !free.contains(number) else { continue }
                    if kind == "n" { offsets[number] = offset } else { free.insert(number) }
                }
            }
            let trailer = try lexer.value(name: name)
            guard case .dictionary = trailer else { throw PDFError("\(name): its trailer is not a dictionary") }
            if trailer["XRefStm"] != nil { throw PDFError("\(name) is a hybrid file with a cross-reference stream; it cannot be combined") }
            if newest == nil { newest = trailer }
            section = trailer["Prev"]?.integer
        }
        trailer = newest!
        if trailer["Encrypt"] != nil { throw PDFError("\(name) is encrypted; it cannot be combined") }
        self.name = name
    }

    let name: String

    /// Object `number`, parsed; a stream's indirect /Length is followed one step only, so an
    /// object cannot send the reader round in circles.
    func object(_ number: Int, followingLength: Bool = true) throws(PDFError) -> PDFObject {
        guard let offset = offsets[number], offset < bytes.count else { throw PDFError("\(name): object \(number) is not in its cross-reference table") }
        var lexer = PDFLexer(bytes: bytes, position: offset)
        guard lexer.integer() == number, lexer.integer() != nil, lexer.word() == "obj" else {
            throw PDFError("\(name): object \(number) is not where its cross-reference table says (byte \(offset))")
        }
        let value = try lexer.value(name: name)
        lexer.skip()
        guard lexer.peek(Array("stream".utf8)) else { return PDFObject(value: value, stream: nil) }
        lexer.position += 6
        if lexer.position < bytes.count, bytes[lexer.position] == 13 { lexer.position += 1 }
        if lexer.position < bytes.count, bytes[lexer.position] == 10 { lexer.position += 1 }
        let length: Int?
        if let n = value["Length"]?.reference {
            length = followingLength ? try object(n, followingLength: false).value.integer : nil
        } else {
            length = value["Length"]?.integer
        }
        guard let length, length >= 0, length <= bytes.count - lexer.position else {
            throw PDFError("\(name): the stream of object \(number) has no usable /Length")
        }
        let range = lexer.position..<(lexer.position + length)
        var after = PDFLexer(bytes: bytes, position: range.upperBound)
        after.skip()
        guard after.peek(Array("endstream".utf8)) else { throw PDFError("\(name): the stream of object \(number) does not end where its /Length says") }
        return PDFObject(value: value, stream: range)
    }
}

/// PDF syntax: whitespace, comments, numbers, names, strings, arrays, dictionaries, references.
struct PDFLexer {
    let bytes: [UInt8]
    var position: Int

    static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 || c == 12 || c == 0 }
    static func isDelimiter(_ c: UInt8) -> Bool { "()<>[]{}/%".utf8.contains(c) }

    mutating func skip() {
        while position < bytes.count {
            if Self.isSpace(bytes[position]) {
                position += 1
            } else if bytes[position] == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 10, bytes[position] != 13 { position += 1 }
            } else {
                return
            }
        }
    }

    func peek(_ word: [UInt8]) -> Bool { bytes[position...].starts(with: word) }

    /// The next regular characters (a number or keyword) as text.
    mutating func word() -> String? {
        skip()
        let start = position
        while position < bytes.count, !Self.isSpace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
        return position > start ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
    }

    mutating func integer() -> Int? {
        let save = position
        if let w = word(), let n = Int(w) { return n }
        position = save
        return nil
    }

    /// One value; nesting is bounded so no input can exhaust the stack.
    mutating func value(name: String, depth: Int = 0) throws(PDFError) -> PDFValue {
        guard depth < 100 else { throw PDFError("\(name): values nested too deeply at byte \(position)") }
        skip()
        guard position < bytes.count else { throw PDFError("\(name): the file ends inside a value") }
        let start = position
        let c = bytes[position]
        switch c {
        case UInt8(ascii: "<") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "<"):
            position += 2
            var entries: [PDFEntry] = []
            while true {
                skip()
                if peek(Array(">>".utf8)) { position += 2; return .dictionary(entries) }
                guard position < bytes.count, bytes[position] == UInt8(ascii: "/"), case .raw(let key) = try value(name: name, depth: depth + 1) else {
                    throw PDFError("\(name): a dictionary key is not a name at byte \(position)")
                }
                entries.append(PDFEntry(key: String(decoding: key.dropFirst(), as: UTF8.self), value: try value(name: name, depth: depth + 1)))
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [PDFValue] = []
            while true {
                skip()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
                items.append(try value(name: name, depth: depth + 1))
            }
        case UInt8(ascii: "<"):
            guard let end = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else { throw PDFError("\(name): a hex string never ends") }
            position = end + 1
            return .raw(Array(bytes[start..<position]))
        case UInt8(ascii: "("):
            var nesting = 0
            while position < bytes.count {
                let ch = bytes[position]
                if ch == UInt8(ascii: "\\") { position += 2; continue }
                if ch == UInt8(ascii: "(") { nesting += 1 }
                if ch == UInt8(ascii: ")") { nesting -= 1; if nesting == 0 { position += 1; return .raw(Array(bytes[start..<position])) } }
                position += 1
            }
            throw PDFError("\(name): a string never ends")
        case UInt8(ascii: "/"):
            position += 1
            while position < bytes.count, !Self.isSpace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
            return .raw(Array(bytes[start..<position]))
        default:
            guard let w = word() else { throw PDFError("\(name): unexpected '\(Character(Unicode.Scalar(c)))' at byte \(start)") }
            if let n = Int(w), n >= 0 {
                let save = position
                if integer() != nil, word() == "R" { return .ref(n) }
                position = save
            }
            return .raw(Array(w.utf8))
        }
    }
}
