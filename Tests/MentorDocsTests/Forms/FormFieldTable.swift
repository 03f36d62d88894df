// The form-field table: for every program's own form, the fields of the handbook's form (section
// headings, field labels, column headers, scale labels, checklist items, signature and date lines)
// as our template labels them, in document order, each with the text the program's example file
// puts there (read through the loaded Partnership). The handbooks are in /work/shared/seeds/.
import Foundation
@testable import MentorDocs

enum FormFieldTable {
    /// One entry per program's own form (Program.documents).
    static let forms: [Form] = [
        asetAgreement, asetConfidentiality, asetActionPlan, asetCheckIn,
        awmiAgreement, awmiAchievements, awmiMeetingGuide,
        naceMeetingGuide, naceMeetingChecklist, naceRoles,
        caltransAgreement, caltransGoalsWorksheet, caltransDevelopmentPlan, caltransCheckup,
        caltransMeetingLog, caltransCodeOfPractice,
        genericRoles,
    ]

    // MARK: shared pieces

    /// The shared signature block (blocks#signatures): printed name, signature and date of each
    /// partner, the dates read from `dates` (`signed`, or `closing.signed` at the end of the term).
    static func signatures(dates: String = "signed") -> [Part] {
        [
            .column("Printed name", .all(.value("mentor.name"), .value("mentee.name"))),
            .column("Signature"),
            .column("Date", .all(.value("\(dates).mentor"), .value("\(dates).mentee"))),
            .fill("Mentor", .all(.value("mentor.name"), .value("\(dates).mentor"))),
            .fill("Mentee", .all(.value("mentee.name"), .value("\(dates).mentee"))),
        ]
    }
    static let signatures = signatures()

    static let mentorName: Get = .value("mentor.name")
    static let menteeName: Get = .value("mentee.name")
    /// `term.end` as written, else start + months (Partnership.term).
    static let termEnd: Get = .custom { scope in scope.partnership.term.end.map { [longDate($0)] } ?? [] }
    static let programName: Get = .custom { scope in scope.partnership.program.map { [$0.displayName] } ?? [] }
    static let isLong: @Sendable (Value) -> Bool = { $0["term"]?.text == "long" }
    static let isShort: @Sendable (Value) -> Bool = { $0["term"]?.text != "long" }

    /// The monthly check-in of the example: the latest month with meetings, its hours by form of
    /// contact and its number of meetings (worked out here from the meeting log).
    static func checkIn(_ scope: Scope) -> (month: String, hours: [String: Double], meetings: Int)? {
        let dated = scope.partnership.meetings.compactMap { m in m.date.map { ($0, m) } }
        guard let latest = dated.map(\.0).max() else { return nil }
        var hours: [String: Double] = [:]
        var meetings = 0
        for (date, meeting) in dated where date.year == latest.year && date.month == latest.month {
            meetings += 1
            let mode = meeting.mode ?? .other
            hours[mode.rawValue, default: 0] += meeting.hours ?? 0
            hours["total", default: 0] += meeting.hours ?? 0
        }
        return ("\(monthNames[latest.month - 1]) \(latest.year)", hours, meetings)
    }

    static func checkInHours(_ mode: String) -> Get {
        .custom { scope in checkIn(scope).map { [formatNumber($0.hours[mode] ?? 0)] } ?? [] }
    }

    // MARK: ASET (Mentoring Resource Guide, 2016)

    static let asetAgreement = Form(
        program: .aset, document: .agreement,
        handbook: "ASET Mentoring Partnership Agreement",
        parts: [
            .label("Mentoring Partnership Agreement"),
            .label("Mentor and mentee: go through this agreement together at your first meeting"),  // Mentors: / Mentees: 1-3
            .label("Goals and expectations"),                                   // GOALS AND EXPECTATIONS
            .fill("Mentor name:", mentorName),                                  // Mentor Name:
            .fill("Mentee name:", menteeName),                                  // Mentee Name:
            .fill("What we want this partnership to achieve", .each("goals", "goal")),     // Our goals ... are as follows:
            .fill("How we expect to reach these goals", .each("expectations")),            // Our expectations ... are as follows:
            .label("The mentee"),                                               // Mentee (responsibilities)
            .label("The mentor"),                                               // Mentor (responsibilities)
            .label("Meetings"),                                                 // Meetings
            .fill("Our partnership will run for at least", .value("term.months")),        // will last at least _ months
            .fill("month(s), from", .value("term.start")),
            .fill("to", termEnd),
            .fill("We will meet at least", .value("schedule.meetings_per_month")),          // meet at least _ times per month
            .fill("Between meetings we will keep in touch by phone or e-mail, at least this often:",
                  .value("schedule.contact")),                                  // contact ... no less than _
            .label("Progress"),                                                 // Progress
            .label("Ending the partnership"),                                   // TERMINATION
            .label("Signatures"),                                               // Mentee/Mentor Signature, Date
        ] + signatures + [
            .label("The mentee keeps the signed original and gives the mentor a copy."),  // Mentee: Please keep the original ...
        ],
        counts: [
            .list(after: "What we want this partnership to achieve", 3),
            .list(after: "How we expect to reach these goals", 3),
            .rows(column: "Printed name", [2]),
        ])

    static let asetConfidentiality = Form(
        program: .aset, document: .confidentiality,
        handbook: "ASET Mentoring Program Confidentiality Agreement",
        parts: [
            .label("Confidentiality Agreement"),
            .fill("Mentor name:", mentorName),                                  // MENTOR NAME
            .fill("Mentee name:", menteeName),                                  // MENTEE NAME
            .label("Our agreement"),                                            // the agreement text
            .label("Acknowledgement"),
            .label("By signing below, each of us confirms having read this agreement"), // I have read and understand ...
        ] + signatures,                                                         // SIGNATURE, DATE
        counts: [.rows(column: "Printed name", [2])])

    static let asetActionPlan = Form(
        program: .aset, document: .actionPlan,
        handbook: "ASET Mentoring Action Plan, steps 3-8",
        parts: [
            .label("Mentoring Action Plan"),
            .label("Using this plan"),                                          // How to Use: 1-3
            .label("Eight tips for setting goals"),                             // GOAL SETTING TIPS (eight)
            .label("Put first things first."),                                  // Prioritize
            .label("Spell out the steps."),                                     // Identify steps
            .label("Ask for support."),                                         // Seek feedback and support
            .label("Name the barriers."),                                       // Face your barriers
            .label("Bring your mentor in."),                                    // Involve others
            .label("Make every goal SMART:"),                                   // SMART goals
            .label("Look back."),                                               // Take time to reflect
            .label("Carry the learning forward."),                              // Transfer learning into next steps
            .label("Step 3: Short-term goals"),                                 // Step 3: goals and the challenges
            .each("goals", where: isShort, blank: 3, [
                .fill("Short-term goal #", .value("@.goal")),                   // Short-term Goal N:
                .fill("Challenges to overcome to reach it:", .value("@.challenges")),  // ... challenges that must be overcome
                .column("Action", .each("@.actions", "action")),                // Action N:
                .column("How to accomplish it (resources needed)", .each("@.actions", "how")),  // How to accomplish:
                .column("Starting date", .each("@.actions", "start")),          // Starting date:
                .column("Date of completion", .each("@.actions", "done")),      // Date of completion:
                .each("@.actions", blank: 2, [
                    .fill("Action #", .all(.value("@.action"), .value("@.how"), .value("@.start"), .value("@.done"))),
                ]),
            ]),
            .label("Step 4: Long-term professional goals"),                     // Step 4
            .column("Long-term SMART goal", .each("goals", "goal", where: isLong)),        // Set your Long-term SMART goals
            .column("Action steps", .each("goals", "steps", where: isLong)),               // Action Steps
            .column("Date or timeframe", .each("goals", "timeframe", where: isLong)),      // Date or timeframe
            .column("Obstacles and solutions", .each("goals", "obstacles", where: isLong)), // Obstacles and Solutions
            .column("Evaluation", .each("goals", "evaluation", where: isLong)),            // Evaluation
            .each("goals", where: isLong, blank: 3, [
                .fill("Long-term goal #:", .all(.value("@.goal"), .value("@.steps"), .value("@.timeframe"),
                                                .value("@.obstacles"), .value("@.evaluation"))),  // Long-term Goal N:
            ]),
            .fill("Step 5: Tasks that contribute to your long-term goals", .each("tasks.contributing")),
            .label("Step 6: Tasks that do not contribute to your long-term goals"),
            .column("Task", .each("tasks.not_contributing", "task")),
            .column("How to minimize, eliminate or delegate it", .each("tasks.not_contributing", "remedy")),
            .fill("Step 7: Skills, knowledge and experience to acquire", .each("skills")),
            .label("Step 8: Progress checkpoints"),
            .label("Progress checkpoint"),                                      // Progress Checkpoint N:
            .column("Date of checkpoint", .each("checkpoints", "date")),        // Date of Checkpoint:
            .column("Purpose: how it will happen, goals to complete or discuss", .each("checkpoints", "purpose")),  // Purpose:
            .each("checkpoints", blank: 3, [
                .fill("Checkpoint #", .all(.value("@.date"), .value("@.purpose"))),
            ]),
        ],
        counts: [
            .list(after: "Eight tips for setting goals", 8),
            .rows(column: "Action", [2, 2, 2]),            // three short-term goals, two actions each
            .rows(column: "Long-term SMART goal", [3]),    // three long-term goals
            .list(after: "Step 5: Tasks that contribute to your long-term goals", 2),
            .rows(column: "Task", [2]),
            .list(after: "Step 7: Skills, knowledge and experience to acquire", 3),
            .rows(column: "Date of checkpoint", [3]),
        ])

    static let asetCheckIn = Form(
        program: .aset, document: .checkIn,
        handbook: "ASET monthly check-in update (hours by form of contact)",
        parts: [
            .label("Monthly Check-in Update"),
            .fill("Mentor name:", mentorName),
            .fill("Mentee name:", menteeName),
            .fill("Month reported:", .custom { checkIn($0).map { [$0.month] } ?? [] }),
            .fill("Update sent by:"),                                           // a mentor's or a mentee's update
            .tick("Mentor", when: .equals("reported_by", "mentor")),
            .tick("Mentee", when: .equals("reported_by", "mentee")),
            .fill("Partnership status", .value("status")),                      // update on your partnership status
            .fill("Will the partnership continue?"),                            // whether ... going to continue
            .tick("Yes", when: .flag("continuing", true)),
            .tick("No", when: .flag("continuing", false)),
            .label("Hours mentoring in", .custom { checkIn($0).map { [$0.month] } ?? [] }),
            .label("Form of contact"),
            .column("Hours", .all(checkInHours("in-person"), checkInHours("email"), checkInHours("video"),
                                  checkInHours("phone"), checkInHours("other"), checkInHours("total"))),
            .fill("In person", checkInHours("in-person")),                      // In-Person: (hrs)
            .fill("E-mail", checkInHours("email")),                             // Email: (hrs)
            .fill("Video chat", checkInHours("video")),                         // Video Chat: (hrs)
            .fill("Phone", checkInHours("phone")),                              // Phone: (hrs)
            .fill("Other activity", checkInHours("other")),                     // Other activity: (hrs)
            .fill("Total hours mentoring", checkInHours("total")),              // Total Hours Mentoring in MONTH
            .fill("Number of meetings this month:", .custom { checkIn($0).map { ["\($0.meetings)"] } ?? [] }),
        ],
        counts: [.rows(column: "Form of contact", [6])])

    // MARK: AWMI (Mentoring Program, 2014)

    static let awmiAgreement = Form(
        program: .awmi, document: .agreement,
        handbook: "AWMI Mentoring Contract",
        parts: [
            .label("Mentoring Contract"),
            .fill("Mentee:", menteeName),
            .fill("Mentor:", mentorName),
            .fill("Term: from", .value("term.start")),                          // a specific period of time
            .fill("to", termEnd),
            .label("Treat this contract as a starting point"),                  // intended as a guideline
            .label("We enter this mentoring partnership of our own free will", programName),  // voluntarily ... AWMI
            .label("Complete the Planning column when the partnership begins.", .value("term.months")),  // fields ... 12-month period
            .column("Planning", .each("goals", "goal")),                        // PLANNING
            .label("Goals and expectations, written at the start"),             // (Use this space to list expectations/goals)
            .column("End of mentoring: achievements", .each("achievements")),   // END OF MENTORING - ACHIEVEMENTS
            .label("What succeeded, written at the end"),                       // (Use this space to log success)
            .fill("How we will work together", .each("expectations")),
            .fill("We will be in touch at least once every two months and meet", .value("schedule.meetings_per_year")),
            .label("Feedback"),
            .label("The mentor undertakes to speak candidly"),                  // honest, constructive feedback clause
        ] + signatures,                                                         // Date, Signature Mentee, Signature Mentor
        counts: [
            .rows(column: "Planning", [4]),                                    // one page blank (budget)
            .list(after: "How we will work together", 2),
            .rows(column: "Printed name", [2]),
        ])

    static let awmiAchievements = Form(
        program: .awmi, document: .achievements,
        handbook: "AWMI Mentoring Contract: End of Mentoring - Achievements",
        parts: [
            .label("End-of-Term Achievements"),
            .fill("Mentee:", menteeName),
            .fill("Mentor:", mentorName),
            .fill("Mentoring term: from", .value("term.start")),               // the 12-month period
            .fill("to", termEnd),
            .label("The plan and what came of it"),
            .label("No."),
            .column("Goal from our plan", .each("goals", "goal")),              // PLANNING
            .column("What was achieved", .each("achievements")),                // END OF MENTORING - ACHIEVEMENTS
            .column("Looking back", .value("closing.reflection")),              // comments
            .label("What worked, what you would do differently"),
            .column("Next steps", .value("closing.next_steps")),
            .label("Where the mentee goes from here"),
            .fill("Reviewed together on:", .value("closing.date")),             // Date:
        ] + signatures(dates: "closing.signed"),                                                         // Signature Mentee, Signature Mentor
        counts: [.rows(column: "Goal from our plan", [5])])

    static let awmiMeetingGuide = Form(
        program: .awmi, document: .meetingGuide,
        handbook: "AWMI Mentoring Meetings (first meeting agenda, subsequent meetings)",
        parts: [
            .label("Meeting Guide"),
            .fill("Mentee:", menteeName),
            .fill("Mentor:", mentorName),
            .label("The first meeting"),                                        // First Meeting
            .label("Meet in person if you possibly can."),                      // ideally face-to-face
            .label("The aim is to get to know one another"),                    // the objective
            .label("The mentee makes the first move"),                          // mentee contacts mentor
            .label("A suggested agenda"),                                       // Sample Agenda
            .label("Your careers so far and the fields each of you knows best"),
            .label("What each of you does in your present role"),
            .label("Where the mentee hopes to go, what they do well and what they want to develop"),
            .label("What each of you hopes to get from the partnership"),
            .label("Ground rules: how often and how you will meet, and what stays between you"),
            .label("Whether the mentee will keep a learning log or notes of your conversations"),
            .label("Questions to get the conversation going"),                  // possible discussion topics
            .label("Setting expectations."),                                    // Clarify expectations
            .label("Getting to know each other."),                              // Build the relationship
            .fill("First meeting held on:", .value("meetings.0.date")),
            .fill("What we agreed:", .value("meetings.0.notes")),
            .label("After the first meeting"),                                  // Subsequent Meetings
            .label("Be in touch at least once every two months."),
            .fill("Meet", .value("schedule.meetings_per_year")),                // meet six times over a year
            .label("Meeting face to face is best"),
            .label("If you are far apart"),                                     // tips for long-distance pairings
            .label("The mentee leads the partnership"),                         // mentee drives the process
            .label("Give every meeting a purpose and an agenda."),              // clear objectives and agenda
            .fill("Between meetings we will be in touch:", .value("schedule.contact")),
            .label("Our meetings this year"),
            .label("No."),
            .column("Date", .each("meetings", "date")),
            .column("How we met", .each("meetings", "mode")),
            .column("What we discussed", .eachJoined("meetings", "topics")),
        ],
        counts: [
            .list(after: "A suggested agenda", 6),
            .rows(column: "How we met", [6]),
        ])

    // MARK: NACE (Section Toolkit: Mentoring, 2019)

    static let naceMeetingGuide = Form(
        program: .nace, document: .meetingGuide,
        handbook: "NACE Mentor Program Meeting Guide, meetings 1-3",
        parts: [
            .label("Meeting Guide: The First Three Meetings"),
            .fill("Mentor:", mentorName),
            .fill("Mentee:", menteeName),
            .label("If you already know each other, skip whatever you have covered before."),  // Note: ... existing relationship
            .label("Meeting 1: Getting to know each other"),                    // Meeting 1: Getting Acquainted
            .fill("Date:", .value("meetings.0.date")),
            .label("The mentor puts these questions to the mentee and answers them too"),
            .label("How has your career unfolded so far?"),
            .label("What are your priorities at work at the moment?"),
            .label("What kind of work would you like to be doing later on?"),
            .label("What education and training have you had?"),
            .label("Which professional or industry associations are you a member of?"),
            .label("What do you do with your free time?"),
            .label("What hobbies do you have?"),
            .label("How do you learn best: in courses, or by doing?"),
            .label("Which of your career achievements so far makes you proudest?"),
            .label("What are you hoping to get from me as your mentor?"),
            .fill("Notes from meeting 1:", .value("meetings.0.notes")),
            .label("Before meeting 2"),                                         // Assignment for next Meeting
            .label("The mentee writes a short summary of how they mean to make the most of this mentoring"),
            .label("Meeting 2: Developmental needs, part 1"),
            .fill("Date:", .value("meetings.1.date")),
            .label("The mentor opens with feedback on the mentee's summary"),
            .label("Where are you strong, and where are you weaker?"),
            .label("For what about you or your work have people praised you?"),
            .label("What would others point to as your weak spots?"),
            .label("Which skills, knowledge and attitudes does your present job call for?"),
            .label("Which single skill, piece of knowledge or attitude, once learned, would most lift your performance"),
            .label("If you could change one thing about your working life so far, what would it be?"),
            .label("How will you tell that you have mastered what you set out to learn?"),
            .label("Who and what will feel the effect once you have mastered it?"),
            .label("Do you admire someone who already has this?"),
            .fill("Notes from meeting 2:", .value("meetings.1.notes")),
            .label("Before meeting 3"),
            .label("The mentee writes a summary of the areas they most need to develop"),
            .label("Meeting 3: Developmental needs, part 2"),
            .fill("Date:", .value("meetings.2.date")),
            .label("The mentor works from the mentee's summary of development goals."),
            .label("Looking at your development goals, where could I help you most?"),
            .label("Which skills, knowledge and attitudes matter most for reaching those goals?"),
            .label("Do you see these themes coming up again in your work, and how?"),
            .label("In which situations will you use this skill, knowledge or attitude most"),
            .label("With what kind of people will you be using it?"),
            .label("Who else might help you with this?"),
            .label("What information do you need to put it into practice"),
            .label("Which courses, books or articles on the subject have you read?"),
            .label("What do you want to learn first?"),
            .label("What do you see as the main issues in this subject?"),
            .label("What do other people think about those issues?"),
            .fill("Notes from meeting 3:", .value("meetings.2.notes")),
            .label("Before the next meeting"),
            .label("The mentee drafts a development plan"),
        ],
        counts: [
            .list(after: "Meeting 1: Getting to know each other", 10),
            .list(after: "Meeting 2: Developmental needs, part 1", 9),
            .list(after: "Meeting 3: Developmental needs, part 2", 11),
        ])

    static let naceMeetingChecklist = Form(
        program: .nace, document: .meetingChecklist,
        handbook: "NACE Mentor Meeting - Action Item and Check List",
        parts: [
            .label("Meeting Action Items and Checklist"),
            .each("meetings", blank: 1, [
                .fill("Meeting", .number),                                      // a sheet per meeting: blank, a line to write its number
                .fill("Mentor:", mentorName),                                   // Mentor: ___
                .fill("Mentee:", menteeName),                                   // Mentee: ___
                .fill("Meeting date:", .value("@.date")),                       // Meeting Date: ___
                .fill("Notes", .value("@.notes")),                              // Notes:
                .label("Action items"),
                .column("Action item", .each("@.actions", "item")),             // Action Items
                .column("Delivery date", .each("@.actions", "due")),            // Delivery Date
                .label("Before you leave, did you"),                            // Did you remember to:
                .tick("set the next meeting? When:", when: .present("@.next"), fill: true,
                      .value("@.next")),                                        // Establish Next Meeting - When:
                .tick("define the action items, each with its delivery date?",
                      when: .present("@.actions")),                             // Define Action Items and Delivery Dates
            ]),
        ],
        counts: [
            .sheets(1),
            .rows(column: "Action item", [5]),
        ])

    static let naceRoles = Form(
        program: .nace, document: .roles,
        handbook: "NACE Mentee Requirements (and the mentor's role)",
        parts: [
            .label("Roles and Mentee Requirements"),
            .fill("Mentor:", mentorName),
            .fill("Mentee:", menteeName),
            .label("What the mentee commits to"),                               // Mentee Requirements
            .label("Arrange our meetings, in person or online, as the two of us agree."),  // schedule face-to-face or virtual meetings
            .label("Keep in touch informally between meetings."),
            .label("Show up to every meeting we set."),                         // attend meetings
            .label("Work out where I am strong and where I am weaker."),        // identify strengths/weaknesses
            .label("Set goals for my professional development."),
            .label("Write a strategy document"),
            .label("Keep track of my progress against it."),                    // track progress
            .label("Keep to myself what is shared with me in confidence."),     // maintain confidences
            .label("Show, as the program goes on, how I am putting what I learn to use."),
            .label("What the mentor offers"),                                   // Mentoring Role
            .label("Set an example worth following."),                          // act as a role model
            .label("Stretch the mentee with real challenges."),                 // challenge the mentee
            .label("Hold the mentee to what we agree."),                        // hold mentee accountable
            .label("Help the mentee find the gaps in their skills."),           // help identify skill gaps
            .label("Give honest feedback."),
            .label("Pass on what I know"),                                      // share expertise
            .label("How we will keep in touch"),
            .fill("Meetings each month, at least:", .value("schedule.meetings_per_month")),
            .fill("Between meetings we will be in touch:", .value("schedule.contact")),  // communicate informally
        ] + signatures,
        counts: [
            .list(after: "What the mentee commits to", 9),
            .list(after: "What the mentor offers", 6),
        ])

    // MARK: Caltrans (Mentoring Handbook)

    static let caltransAgreement = Form(
        program: .caltrans, document: .agreement,
        handbook: "Caltrans Mentoring Contract",
        parts: [
            .label("Mentoring Contract"),
            .label("The partners"),
            .column("Name", .all(mentorName, menteeName)),                      // Mentor Name, Mentee Name
            .column("Position", .all(.value("mentor.title"), .value("mentee.title"))),
            .column("E-mail", .all(.value("mentor.email"), .value("mentee.email"))),
            .column("Phone", .all(.value("mentor.phone"), .value("mentee.phone"))),
            .fill("Mentor", .all(mentorName, .value("mentor.title"), .value("mentor.email"), .value("mentor.phone"))),
            .fill("Mentee", .all(menteeName, .value("mentee.title"), .value("mentee.email"), .value("mentee.phone"))),
            .fill("Mentee's supervisor:", .value("mentee.supervisor")),       // supervisor approval (policies)
            .label("Term and meetings"),
            .fill("Our partnership starts on", .value("term.start")),
            .fill("and ends on", .all(termEnd, .value("term.months"))),
            .fill("We will meet at least", .value("schedule.meetings_per_month")),
            .fill("times a month. Between meetings we will keep in touch:", .value("schedule.contact")),
            .label("What each of us undertakes"),                               // Responsibilities of the mentor and mentee
            .label("The mentor will"),                                          // Mentor
            .label("The mentee will"),                                          // Mentee
            .label("show the leadership competencies in practice"),             // model leadership competencies ...
            .label("take part in the program's organized events and activities"),
            .label("support the mentee in moving toward personal and career goals"),
            .label("talk openly about their own experience"),
            .label("let the mentee shadow them on the job"),
            .label("keep what we discuss confidential"),
            .label("open doors to useful personal and professional contacts"),
            .label("take part in the evaluation of the mentoring program"),
            .label("take part in the program's organized events and activities"),
            .label("set personal and career goals, with benchmarks"),
            .label("talk frankly about issues and weigh the advice offered"),
            .label("tell the mentor how the partnership is working for them"),  // provide feedback to mentor
            .label("respect the mentor's time and calendar"),
            .label("keep what we discuss confidential"),
            .label("take part in the evaluation of the mentoring program"),
            .label("mentor someone else in turn, when the time comes"),         // pass on the gift of mentoring
            .fill("Leadership competencies the mentor models and the mentee practises",
                  .each("competencies")),                                       // Leadership competencies to be modeled and practiced
            .fill("Parts of the mentee's development plan we will work on",
                  .each("development", "need")),                                // Elements of the mentee's development plan
            .fill("Our ground rules", .each("ground_rules")),                   // Mentoring relationship ground rules
            .label("Acknowledgement"),
            .label("Each of us has read the program's guidelines for mentoring relationships"),  // We have read and understand ...
            .fill("Mentor's initials:"),                                        // MENTOR INITIALS: never filled (SigningActsTests)
            .fill("Date:", .value("signed.mentor")),                            // DATE
            .fill("Mentee's initials:"),                                        // MENTEE INITIALS: never filled
            .fill("Date:", .value("signed.mentee")),                            // DATE
            .label("Signatures"),
        ] + signatures + [
            .label("Supervisor's approval"),
            .column("Printed name", .value("mentee.supervisor")),
            .column("Signature"),
            .column("Date", .value("signed.supervisor")),
            .fill("Supervisor", .all(.value("mentee.supervisor"), .value("signed.supervisor"))),
        ],
        counts: [
            .rows(column: "Name", [2]),
            .entries(column: "The mentor will", [8]),
            .entries(column: "The mentee will", [8]),
            .list(after: "Leadership competencies the mentor models and the mentee practises", 3),
            .list(after: "Parts of the mentee's development plan we will work on", 3),
            .list(after: "Our ground rules", 6),
        ])

    static let caltransGoalsWorksheet = Form(
        program: .caltrans, document: .goalsWorksheet,
        handbook: "Caltrans Goals, Objectives and Developmental Needs Worksheet",
        parts: [
            .label("Goals, Objectives and Developmental Needs Worksheet"),
            .fill("Mentee:", menteeName),
            .fill("Mentor:", mentorName),
            .label("Step 1: What matters to you"),                              // Step 1: Clarify purpose and values
            .fill("1. What do you enjoy doing?", .each("reflection.enjoy")),    // 1. Identify the things you enjoy doing
            .fill("2. Which causes do you care about most?", .each("reflection.causes")),
            .fill("3. Which values are most important to you?", .each("reflection.values")),
            .fill("4. If anything were possible, which three changes would you make at work?", .each("reflection.changes")),
            .fill("5. What would you rather stop doing, or do less of?", .each("reflection.stop")),
            .label("Step 2: Goals, objectives and developmental needs"),        // Step 2
            .column("Goal", .each("goals", "goal")),                            // Goals (5-10 years)
            .label("What you want your working or personal life to look like in the long run"),
            .column("Objectives", .each("goals", "objectives")),                // Objectives a. b. c.
            .label("For each goal: the concrete steps you will take to reach it, and by when"),
            .column("Developmental needs", .each("goals", "needs")),            // Developmental Needs
            .label("For each objective: the knowledge, skills, abilities or competencies you need"),
            .label("This worksheet is an example"),                             // This worksheet is a sample ...
        ],
        counts: [
            .sheets(2),
            .list(after: "1. What do you enjoy doing?", 4),
            .list(after: "2. Which causes do you care about most?", 3),
            .list(after: "3. Which values are most important to you?", 4),
            .list(after: "4. If anything were possible, which three changes would you make at work?", 3),
            .list(after: "5. What would you rather stop doing, or do less of?", 3),
            .rows(column: "Goal", [4]),                                         // four goals, as the handbook prints
            .entries(column: "Objectives", [3, 3, 3, 3]),                       // a, b, c
            .entries(column: "Developmental needs", [5, 5, 5, 5]),              // five bullets
        ])

    static let caltransDevelopmentPlan = Form(
        program: .caltrans, document: .developmentPlan,
        handbook: "Caltrans Mentee Development Plan",
        parts: [
            .each("development", blank: 1, [
                .label("Mentee Development Plan"),
                .fill("Mentee:", menteeName),
                .fill("Mentor:", mentorName),
                .fill("Need no.", .number),                                     // a separate sheet for each need
                .fill("The developmental need", .value("@.need")),              // State your development need:
                .fill("What will be different once you have met it?", .value("@.impact")),  // Explain the impact ...
                .column("Behaviours I will strengthen or start", .each("@.strengthen")),    // strengthen or initiate
                .column("Behaviours I will let go of", .each("@.let_go")),                  // let go of
                .column("Help I would like from my mentor to get past obstacles", .each("@.mentor_support")),
                .column("Help I would like from other people, inside or outside the organization, to get past obstacles",
                        .each("@.other_support")),
                .fill("Strategies to practise the new behaviours and back up the steps taken",
                      .each("@.strategies")),                                   // Strategies I will use ...
            ]),
        ],
        counts: [
            .sheets(1),
            .entries(column: "Behaviours I will strengthen or start", [3]),     // three bullets, as the handbook prints
            .entries(column: "Behaviours I will let go of", [3]),
            .entries(column: "Help I would like from my mentor to get past obstacles", [3]),
            .list(after: "Strategies to practise the new behaviours and back up the steps taken", 3),
        ])

    static let caltransCheckup = Form(
        program: .caltrans, document: .checkup,
        handbook: "Caltrans Relationship Checkup Worksheet",
        parts: [
            .each("checkups", blank: 1, [
                .label("Relationship Checkup Worksheet"),
                .fill("Name:", .custom { s in
                    [s.item?["by"]?.text == "mentor" ? s.partnership.mentorName : s.partnership.menteeName].compactMap { $0 }
                }),
                .fill("Date:", .value("@.date")),
                .fill("Filled in by:"),
                .tick("the mentor", when: .equals("@.by", "mentor")),
                .tick("the mentee", when: .equals("@.by", "mentee")),
                .fill("1. How long I have been meeting with my"),               // 1. I have been meeting with my (mentor) (mentee)
                .tick("mentor", when: .equals("@.by", "mentee")),
                .tick("mentee:", when: .equals("@.by", "mentor"), fill: true,
                      .value("term.start")),                                    // for ___ (amount of time)
                .fill("2. Hours we have met in all:", .custom { scope in        // 2. We have met for ___ (number of hours)
                    guard let day = scope.item?["date"]?.date else { return [] }
                    let hours = scope.partnership.meetings.filter { ($0.date.map { $0 <= day }) ?? false }.compactMap(\.hours).reduce(0, +)
                    return [formatNumber(hours)]
                }),
                .label("Statements 3 to 6: mark one box each."),
                .column("1 Strongly agree"),                                    // Strongly Agree 1
                .column("2 Agree"),
                .column("3 Neither agree nor disagree"),                        // Neither Agree/Disagree
                .column("4 Disagree"),
                .column("5 Strongly disagree"),
                .scale("3. We trust each other enough to work well together.", "@.trust"),
                .scale("4. If either of us has a problem, we would raise it with the other.", "@.speak_up"),
                .scale("5. The partnership is giving me what I hoped it would.", "@.expectations_met"),
                .scale("6. What we do together is built around the mentee's goals.", "@.goal_focused"),
                .fill("7. Activities we have completed", .each("@.activities")),
                .column("8. Constructive feedback I have given and received", .value("@.feedback")),
                .column("9. Changes of course we have made to improve the partnership", .value("@.corrections")),
                .fill("10. If I could change one thing about the way we work together, it would be", .value("@.wish")),
            ]),
        ],
        counts: [
            .sheets(1),
            .rows(column: "1 Strongly agree", [4]),
            .list(after: "7. Activities we have completed", 3),
        ])

    static let caltransMeetingLog = Form(
        program: .caltrans, document: .meetingLog,
        handbook: "Caltrans Mentoring Meeting Log Worksheet",
        parts: [
            .each("meetings", blank: 1, [
                .label("Meeting Log Worksheet"),
                .label("Keep one page for each meeting."),                      // copies of this page for each meeting
                .label("This worksheet is an example"),                         // a sample, to be modified
                .fill("Mentor:", mentorName),
                .fill("Mentee:", menteeName),
                .fill("Meeting no.", .number),                                  // copies of this page for each meeting
                .fill("Date:", .value("@.date")),                               // Date:
                .fill("Hours we met:", .value("@.hours")),                      // Number of hours met:
                .fill("How we met:"),
                .tick("in person", when: .equals("@.mode", "in-person")),
                .tick("video", when: .equals("@.mode", "video")),
                .tick("phone", when: .equals("@.mode", "phone")),
                .tick("e-mail", when: .equals("@.mode", "email")),
                .tick("other", when: .equals("@.mode", "other")),
                .fill("Topics we discussed", .each("@.topics")),                // Topic(s) discussed:
                .column("Goal the discussion or activity served", .value("@.goal")),  // Goal that discussion/activity related to:
                .column("Competency we worked on", .value("@.competency")),     // Competency worked on:
                .fill("Observations and comments", .value("@.notes")),          // Observations/comments:
                .label("Follow-up we agreed on"),                               // Agreed upon follow-up items:
                .column("Item", .each("@.actions", "item")),
                .column("Due by", .each("@.actions", "due")),
                .fill("Next meeting:", .value("@.next")),
            ]),
        ],
        counts: [
            .sheets(1),
            .list(after: "Topics we discussed", 3),
            .rows(column: "Item", [3]),
        ])

    static let caltransCodeOfPractice = Form(
        program: .caltrans, document: .codeOfPractice,
        handbook: "Caltrans Mentoring Code of Practice",
        parts: [
            .label("Mentoring Code of Practice"),
            .label("Every mentor and mentee in the", programName),
            .label("Confidentiality. What passes between us stays between us."),    // 1. Respect confidentiality.
            .label("Time. We value each other's time"),                             // 2. Respect each others' time.
            .label("The mentee's goals. Our work together serves the mentee's goals, not the mentor's."),  // 3.
            .label("Commitments. When one of us says we will do something, we do it."),  // 4. Follow through
            .label("Diversity. We are alert and respectful to differences"),        // 5. Be sensitive to diversity.
            .label("Honesty. Our feedback to each other is candid and truthful."),  // 6. Give honest feedback.
            .label("Integrity. Advice and guidance are offered only in ways we could defend"),  // 7.
            .label("Care. We build a relationship in which each of us feels supported."),  // 8.
            .label("Growth. Each of us commits to reaching our own full potential."),  // 9.
            .label("Our commitment"),
        ] + signatures,
        counts: [.list(after: "Mentoring Code of Practice", 9)])

    // MARK: Mentorship Program (Roles and Expectations)

    static let genericRoles = Form(
        program: .generic, document: .roles,
        handbook: "Mentorship Program: Roles and Expectations",
        parts: [
            .label("Roles and Expectations"),
            .fill("Mentor:", mentorName),
            .fill("Mentee:", menteeName),
            .label("The mentor"),                                               // Mentor
            .label("Agrees with the mentee on a mentoring agreement"),          // establish mentoring agreements
            .label("Stays in regular contact, as often as the agreement says."),
            .label("Helps the mentee put together an Individual Development Plan (IDP)."),
            .label("Offers advice, coaching and feedback at regular intervals."),
            .label("Keeps what is said within the partnership confidential."),
            .label("Gives an objective view when sharing their own perspective."),
            .label("Opens their network to the mentee"),
            .label("The mentee"),                                               // Mentee
            .label("Takes the first step and says what they expect from the partnership."),
            .label("Sets up the mentoring agreement with the mentor."),
            .label("Works with the mentor to identify which competencies are strong and which need work."),
            .label("Meets the mentor regularly"),
            .label("Listens actively when receiving feedback."),
            .label("Draws up an Individual Development Plan (IDP)."),
            .label("Keeps the partnership confidential."),
            .label("What we expect of each other"),                             // the expectations table; put it in writing
            .label("Here is what some mentors and mentees have said they hope for"),  // examples of expectations held by ...
            .label("Set them beside your own expectations: which do you share, and where do yours differ?"),  // How are these similar or different ...
            .label("A mentor would like the mentee to"),                        // As a mentor, I would like my mentee to (7 examples)
            .label("A mentee would like the mentor to"),                        // As a mentee, I would like my mentor to (9 examples)
            .label("lead the partnership and keep it moving"),
            .label("treat the partnership as a chance to widen their network"),
            .label("open the door to their organization"),
            .label("stand behind the mentee"),
            .column("Of the mentee", .each("role_expectations.of_mentee")),
            .label("As a mentor, I would like my mentee to:"),                  // column: As a mentor, I would like my mentee to
            .column("Of the mentor", .each("role_expectations.of_mentor")),
            .label("As a mentee, I would like my mentor to:"),                  // column: As a mentee, I would like my mentor to
            .label("What neither of us does for the other"),                    // things mentors and mentees DON'T DO
            .label("Judge the other's performance at work."),
            .label("Carry out the other's performance review."),
            .label("Arrange a promotion or a pay rise for the other."),
            .label("Speak to the other's manager on their behalf."),
        ] + signatures,
        counts: [
            .list(after: "The mentor", 7),
            .list(after: "The mentee", 7),
            .entries(column: "A mentor would like the mentee to", [7]),         // the handbook's 7 + 9 examples
            .entries(column: "A mentee would like the mentor to", [9]),
            .rows(column: "Of the mentee", [9]),
            .list(after: "What neither of us does for the other", 4),
        ])
}
