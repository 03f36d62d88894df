// The documents every program can render.
import Foundation

/// One kind of document; every program renders every kind.
public enum DocumentKind: String, CaseIterable, Sendable, Codable {
    case agreement, confidentiality
    case actionPlan = "action-plan"
    case goalsWorksheet = "goals-worksheet"
    case developmentPlan = "development-plan"
    case meetingChecklist = "meeting-checklist"
    case meetingGuide = "meeting-guide"
    case meetingLog = "meeting-log"
    case checkup
    case checkIn = "check-in"
    case achievements, roles
    case codeOfPractice = "code-of-practice"

    /// The document's title, for running headers and listings.
    public var title: String {
        switch self {
        case .agreement: return "Mentoring Agreement"
        case .confidentiality: return "Confidentiality Agreement"
        case .actionPlan: return "Mentoring Action Plan"
        case .goalsWorksheet: return "Goals Worksheet"
        case .developmentPlan: return "Development Plan"
        case .meetingChecklist: return "Meeting Checklist"
        case .meetingGuide: return "Meeting Guide"
        case .meetingLog: return "Meeting Log"
        case .checkup: return "Relationship Checkup"
        case .checkIn: return "Monthly Check-in"
        case .achievements: return "End-of-Term Achievements"
        case .roles: return "Roles and Expectations"
        case .codeOfPractice: return "Code of Practice"
        }
    }

    /// Parses a comma-separated list (`agreement,check-in`, or `all`, in any case), suggesting a
    /// name for typos; a list naming no document (`""`, `,`) is a mistake, not "nothing", and a
    /// document named twice is listed once, where it is first named.
    public static func parseList(_ text: String) throws -> [DocumentKind] {
        if text.lowercased() == "all" { return allCases }
        let names = text.split(separator: ",").map { $0.trimmingSpaces.lowercased() }.filter { !$0.isEmpty }
        if names.isEmpty {
            throw UsageError.invalid("--doc needs at least one document name (or 'all'); valid: " + allCases.map(\.rawValue).joined(separator: ", "))
        }
        var kinds: [DocumentKind] = []
        for name in names {
            guard let kind = DocumentKind(rawValue: name) else {
                throw UsageError.unknownName(kind: "document", name: name,
                                             suggestion: Suggestions.nearest(to: name, in: allCases.map(\.rawValue)),
                                             valid: allCases.map(\.rawValue))
            }
            if !kinds.contains(kind) { kinds.append(kind) } // a document named twice is written once
        }
        return kinds
    }
}

/// A mistake in how the command was called (exit status 2).
public enum UsageError: Error, Sendable, CustomStringConvertible {
    case unknownName(kind: String, name: String, suggestion: String?, valid: [String])
    case invalid(String)

    public var description: String {
        switch self {
        case let .unknownName(kind, name, suggestion, valid):
            var text = "unknown \(kind) '\(name)'"
            if let suggestion { text += " (did you mean '\(suggestion)'?)" }
            return text + "; valid: " + valid.joined(separator: ", ")
        case .invalid(let message): return message
        }
    }
}
