// The rules that decide where a partnership's documents go, shared by every command: a program
// is required, an id may not take a name the output layout uses, and two ids that would share a
// folder on a case-insensitive file system collide (the first one read wins).
import Foundation

/// A partnership accepted for writing: its program, its id and the folder its documents go to.
public struct PartnershipTarget: Sendable {
    /// The program whose forms it uses.
    public let program: Program
    /// Its id (`Partnership.slugID()`), as given or derived.
    public let id: String
    /// Where the id is written (its value, its roster cell, or the partnership).
    public let idLocation: SourceLocation
    /// Whether the id was given or made from the names or the file's name.
    var idSource: Partnership.IDSource = .given

    /// The folder below the output folder, one safe path component.
    public var folder: String { OutputPaths.safeComponent(id) }
    /// The key two ids collide under (`OutputPaths.collisionKey`).
    var collisionKey: String { OutputPaths.collisionKey(id) }

    /// Names at the top of the output folder that the layout itself uses.
    static func isReserved(_ key: String) -> Bool {
        ["blank", "combined", "index.html", "manifest.json"].contains(key)
            || (key.hasPrefix("manifest.") && key.hasSuffix(".json"))
    }

    /// The target of `partnership`, or the located reason it cannot be written; `idLocation`
    /// overrides where its id is reported (a roster's cell).
    public static func make(for partnership: Partnership, idLocation: SourceLocation? = nil) -> Result<PartnershipTarget, Diagnostic> {
        guard let program = partnership.program else {
            return .failure(Diagnostic(at: partnership.location, "no program: add 'program:' with one of \(Program.allCases.map(\.rawValue).joined(separator: ", "))", path: "program"))
        }
        let id = partnership.slugID()
        let location = idLocation ?? partnership.idLocation
        let target = PartnershipTarget(program: program, id: id, idLocation: location, idSource: partnership.idSource)
        if isReserved(target.collisionKey) {
            return .failure(Diagnostic(at: location,
                "id '\(id)' would write into '\(target.folder)', a name the output layout uses (blank, combined, index.html, manifest files); choose another id",
                path: "id"))
        }
        return .success(target)
    }
}

extension Partnership {
    /// Where its id is written: its value when the file gives one, else the partnership.
    var idLocation: SourceLocation {
        if id != nil, let location = data["id"]?.location { return location }
        return location
    }
}

/// The output folders claimed so far in one run, in the order partnerships were read.
public struct FolderClaims: Sendable {
    private var owners: [String: PartnershipTarget] = [:]

    /// No folder claimed yet.
    public init() {}

    /// Claims `target`'s folder: nil when it is its own, else why it is not written.
    public mutating func claim(_ target: PartnershipTarget) -> Diagnostic? {
        if let first = owners[target.collisionKey] { return FolderClaims.collision(target, first: first) }
        owners[target.collisionKey] = target
        return nil
    }

    /// The message for a partnership whose folder an earlier one owns.
    static func collision(_ target: PartnershipTarget, first: PartnershipTarget) -> Diagnostic {
        var message: String
        switch target.idSource {
        case .given: message = "id '\(target.id)'"
        case .names: message = "the folder name '\(target.id)' (made from the two names: the file gives no id)"
        case .fileName: message = "the folder name '\(target.id)' (made from the file's name: it gives no id and no names)"
        }
        message += " is already used by the partnership at \(first.idLocation)"
        if first.id != target.id { message += " (id '\(first.id)'; both would be written to the folder '\(first.folder)')" }
        message += ", which is written; this one is not. Give each partnership its own id"
        return Diagnostic(at: target.idLocation, message, path: "id")
    }
}
