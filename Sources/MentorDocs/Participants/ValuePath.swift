// The key path of a value inside a partnership, printed as `goals[1].actions[0].done`.

/// Where a value sits in a partnership: keys and list indices from the document's root.
struct ValuePath: CustomStringConvertible {
    enum Component {
        case key(String)
        case index(Int)
    }

    var components: [Component] = []
    /// Whether list entries print as `.0` (a roster's column header) rather than `[0]`.
    var dottedIndices = false

    /// The path one key further down.
    func appending(_ key: String) -> ValuePath {
        ValuePath(components: components + [.key(key)], dottedIndices: dottedIndices)
    }
    /// The path one list entry further down.
    func appending(_ index: Int) -> ValuePath {
        ValuePath(components: components + [.index(index)], dottedIndices: dottedIndices)
    }

    var isEmpty: Bool { components.isEmpty }

    /// `goals[1].actions[0].done` (or `goals.1.actions.0.done`); empty for the document itself.
    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let i): text += dottedIndices ? ".\(i)" : "[\(i)]"
            }
        }
        return text
    }

    /// `path: ` before a message, or nothing at the document's root.
    var prefix: String { isEmpty ? "" : messageQuote(description, limit: 200) + ": " }
}
