// The participant format (docs/participant-format.md) as data: one table drives both the
// loader's validation and the template loader's path checks.

/// The keys of the participant format and the values the renderer adds for templates.
enum ParticipantFormat {
    static let person: [Field] = [
        Field("name", .text), Field("initials", .text), Field("email", .text),
        Field("phone", .text), Field("title", .text), Field("organization", .text),
    ]
    static let programKeys = Program.allCases.map(\.rawValue)
    static let modes = MeetingMode.allCases.map(\.rawValue)
    static let scale: Shape = .integer(1...5)

    /// The shape of one partnership as a participant file writes it.
    public static let file: Shape = .record([
        Field("program", .choice(programKeys)),
        Field("id", .text),
        Field("mentor", .record(person)),
        Field("mentee", .record(person + [Field("supervisor", .text)])),
        Field("term", .record([
            Field("start", .date), Field("months", .integer(1...240)), Field("end", .date),
        ])),
        Field("schedule", .record([
            Field("meetings_per_month", .integer(0...100)), Field("contact", .text),
            Field("meetings_per_year", .integer(0...1000)),
        ])),
        Field("goals", .list(goal)),
        Field("expectations", .list(.text)),
        Field("role_expectations", .record([
            Field("of_mentee", .list(.text)), Field("of_mentor", .list(.text)),
        ])),
        Field("competencies", .list(.text)),
        Field("ground_rules", .list(.text)),
        Field("reflection", .record([
            Field("enjoy", .list(.text)), Field("causes", .list(.text)),
            Field("values", .list(.text)), Field("changes", .list(.text)),
            Field("stop", .list(.text)),
        ])),
        Field("development", .list(.record([
            Field("need", .text), Field("impact", .text),
            Field("strengthen", .list(.text)), Field("let_go", .list(.text)),
            Field("mentor_support", .list(.text)), Field("other_support", .list(.text)),
            Field("strategies", .list(.text)),
        ]))),
        Field("tasks", .record([
            Field("contributing", .list(.text)),
            Field("not_contributing", .list(.record([Field("task", .text), Field("remedy", .text)]))),
        ])),
        Field("skills", .list(.text)),
        Field("checkpoints", .list(.record([Field("date", .date), Field("purpose", .text)]))),
        Field("meetings", .list(meeting)),
        Field("checkups", .list(.record(checkup))),
        Field("achievements", .list(.text)),
        Field("closing", .record([
            Field("date", .date), Field("reflection", .text), Field("next_steps", .text),
            Field("signed", .record([Field("mentor", .date), Field("mentee", .date)])),
        ])),
        Field("signed", .record([
            Field("mentor", .date), Field("mentee", .date), Field("supervisor", .date),
        ])),
        Field("status", .text),
        Field("continuing", .bool),
        Field("reported_by", .choice(["mentor", "mentee"])),
    ])

    static let checkup: [Field] = [
        Field("date", .date), Field("by", .choice(["mentor", "mentee"])),
        Field("trust", scale), Field("speak_up", scale),
        Field("expectations_met", scale), Field("goal_focused", scale),
        Field("activities", .list(.text)), Field("feedback", .text),
        Field("corrections", .text), Field("wish", .text),
    ]

    static let goal: Shape = .record([
        Field("goal", .text), Field("term", .choice(["short", "long"])),
        Field("objectives", .list(.text)), Field("needs", .list(.text)),
        Field("actions", .list(.record([
            Field("action", .text), Field("how", .text), Field("start", .date), Field("done", .date),
        ]))),
        Field("steps", .text), Field("timeframe", .text), Field("obstacles", .text),
        Field("evaluation", .text),
        // ASET step 3: the challenges to overcome to reach a short-term goal (added later).
        Field("challenges", .text),
    ])

    static let meeting: Shape = .record([
        Field("date", .date), Field("hours", .number(minimum: 0)), Field("mode", .choice(modes)),
        Field("topics", .list(.text)), Field("goal", .text), Field("competency", .text),
        Field("notes", .text),
        Field("actions", .list(.record([Field("item", .text), Field("due", .date)]))),
        Field("next", .date),
    ])

    /// The shape templates see: the file's keys plus the values the renderer computes.
    public static let template: Shape = ComputedValues.templateShape(adding: file)
}
