// The mentoring programs whose paperwork mentordocs produces.

/// A program: it decides which forms exist and how they look.
public enum Program: String, CaseIterable, Sendable, Codable {
    case awmi, aset, caltrans, nace, generic

    /// The name printed on the program's forms.
    public var displayName: String {
        switch self {
        case .awmi: return "AWMI"
        case .aset: return "ASET"
        case .caltrans: return "Caltrans"
        case .nace: return "NACE"
        case .generic: return "Mentorship Program"
        }
    }

    /// The documents the program's handbook has forms for: what `render` and `blank` write by default.
    public var documents: [DocumentKind] {
        switch self {
        case .aset: return [.agreement, .confidentiality, .actionPlan, .checkIn]
        case .awmi: return [.agreement, .achievements, .meetingGuide]
        case .nace: return [.meetingGuide, .meetingChecklist, .roles]
        case .caltrans: return [.agreement, .goalsWorksheet, .developmentPlan, .checkup, .meetingLog, .codeOfPractice]
        case .generic: return [.roles]
        }
    }

    /// The handbook in which the program's own forms appear.
    public var handbook: String {
        switch self {
        case .awmi: return "AWMI Mentoring Program (2014)"
        case .aset: return "ASET Mentoring Resource Guide (2016)"
        case .caltrans: return "Caltrans Mentoring Handbook"
        case .nace: return "NACE Section Toolkit: Mentoring (2019)"
        case .generic: return "Mentorship Program: Roles and Expectations"
        }
    }
}
