// Generates a synthetic cohort of participant files for benchmarking `mentordocs batch`:
// realistic sizes (2-9 KB), names in many scripts, 0-12 meetings per pair, every program, and
// the same files for the same seed on every machine.
//
//   swiftc -O Benchmarks/GenerateCohort.swift -o generate-cohort
//   ./generate-cohort 10000 /dev/shm/cohort [--seed 42]
//
// Files go to DIR/group-NNN/pair-NNNNN.yaml, 500 to a folder.
import Foundation

/// SplitMix64: tiny, fast, and the same sequence everywhere for a seed.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
}

let givenNames: [[String]] = [
    ["Marguerite", "Tomasz", "Zoë", "José", "Łukasz", "Ingrid", "Søren", "Aoife", "Émilie", "Dagný", "Nguyễn Thị", "Kateřina"],
    ["Анна", "Дмитрий", "Ольга", "Сергей", "Наталья", "Игорь"],
    ["Νίκος", "Ελένη", "Γιώργος", "Μαρία"],
    ["فاطمة", "محمد", "ليلى", "عمر", "نور"],
    ["אורית", "יונתן", "מיכל"],
    ["अनीता", "राजेश", "प्रिया", "विक्रम"],
    ["秀英", "伟", "芳", "建国"],
    ["花子", "健太", "美咲", "翔"],
    ["민준", "서연", "지호", "하은"],
    ["สมชาย", "สุดา"],
    ["አበበ", "ሰላም"],
]
let familyNames: [[String]] = [
    ["Osei", "Lindqvist", "Núñez", "Łukasiewicz", "Ó Briain", "Van der Berg", "Kowalczyk", "Hernández", "Müller-Lüdenscheidt", "Thorsdóttir", "Lan", "Dvořáková"],
    ["Смирнова", "Иванов", "Кузнецова", "Попов"],
    ["Παπαδόπουλος", "Γεωργίου", "Οικονόμου"],
    ["الزهراء", "الحسيني", "حداد"],
    ["כהן", "לוי", "מזרחי"],
    ["शर्मा", "पटेल", "गुप्ता"],
    ["王", "李", "张", "刘"],
    ["佐藤", "鈴木", "高橋"],
    ["김", "이", "박"],
    ["ใจดี", "ศรีสุข"],
    ["ተስፋዬ", "ገብሬ"],
]
let titles = ["Senior Geomatics Technologist", "Junior Survey Technician", "Project Engineer", "Welding Inspector",
              "Transportation Planner", "Materials Lab Supervisor", "Career Services Advisor", "Data Analyst",
              "Structural Designer", "Environmental Scientist", "Right-of-Way Agent", "Assistant Professor"]
let organizations = ["Prairie Survey Group", "Foothills Mapping Ltd.", "District 4 Maintenance", "Northern Welding Institute",
                     "Caltrans Division of Design", "Lakeshore University Career Centre", "Société de génie Rive-Sud", "Østfold Kommune"]
let verbs = ["Earn", "Lead", "Write", "Plan", "Present", "Complete", "Review", "Coordinate", "Learn", "Shadow", "Build", "Draft"]
let objects = ["the professional practice exam", "a municipal survey project", "clear field reports", "a control survey",
               "the quarterly budget review", "a safety audit of the yard", "my first conference talk", "a grant proposal",
               "the bridge inspection checklist", "a mentoring circle for new hires", "the CET designation", "a GIS data model"]
let phrases = ["with my supervisor's sign-off", "before the end of the field season", "using my mentor's feedback",
               "in two evenings a week", "with a senior reviewer", "by the end of the quarter", "after the spring training",
               "together with the regional team", "and share the results at the staff meeting"]
let topics = ["Career backgrounds", "Expectations for the partnership", "Report writing", "Network adjustment basics",
              "Exam study plan", "Work-life balance", "Presenting to clients", "Conflict on the crew", "Budget planning",
              "Reading the regulations", "Negotiating a raise", "Networking at conferences", "Feedback on a draft"]
let modes = ["in-person", "email", "video", "phone", "other"]
let programs = ["aset", "awmi", "caltrans", "nace", "generic"]

func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
    String(format: "%04d-%02d-%02d", year, month, day)
}

/// A date `days` after 2025-01-01, ignoring month lengths beyond 28 days for simplicity.
func date(_ days: Int) -> String {
    let year = 2025 + days / 336
    let month = (days % 336) / 28 + 1
    let day = days % 28 + 1
    return iso(year, month, day)
}

func sentence(_ r: inout Random) -> String {
    "\(r.pick(verbs)) \(r.pick(objects)) \(r.pick(phrases))"
}

func person(_ r: inout Random, script: Int) -> (String, [String]) {
    let given = r.pick(givenNames[script]), family = r.pick(familyNames[script])
    // East Asian names family-first, as written.
    let name = (6...8).contains(script) ? "\(family) \(given)" : "\(given) \(family)"
    var lines = ["  name: \(quoted(name))"]
    lines.append("  email: \(quoted("person\(r.int(1000...9999))@example.org"))")
    if r.chance(70) { lines.append("  phone: \(quoted("780-555-\(r.int(1000...9999))"))") }
    lines.append("  title: \(quoted(r.pick(titles)))")
    lines.append("  organization: \(quoted(r.pick(organizations)))")
    return (name, lines)
}

func partnership(_ number: Int, _ r: inout Random) -> String {
    let program = programs[number % programs.count]
    var y: [String] = ["# Generated pair \(number) (benchmark cohort)", "program: \(program)",
                       "id: \(quoted(String(format: "cohort-%05d", number)))"]
    let (_, mentor) = person(&r, script: r.int(0...(givenNames.count - 1)))
    let (_, mentee) = person(&r, script: r.int(0...(givenNames.count - 1)))
    y.append("mentor:"); y += mentor
    y.append("mentee:"); y += mentee
    if r.chance(50) { y.append("  supervisor: \(quoted("Supervisor \(r.int(1...99))"))") }
    let start = r.int(0...300)
    y += ["term:", "  start: \(date(start))", "  months: \(r.pick([6, 9, 12, 18, 24]))"]
    y += ["schedule:", "  meetings_per_month: \(r.int(1...4))", "  contact: \(quoted(r.pick(["Weekly, by e-mail", "Every other Friday by video", "Monthly, in person"])))"]
    y.append("goals:")
    for _ in 0..<r.int(1...5) {
        y.append("  - goal: \(quoted(sentence(&r)))")
        y.append("    term: \(r.chance(70) ? "short" : "long")")
        if r.chance(50) {
            y.append("    objectives:")
            for _ in 0..<r.int(1...3) { y.append("      - \(quoted(sentence(&r)))") }
        }
        let actions = r.int(0...4)
        if actions > 0 {
            y.append("    actions:")
            for _ in 0..<actions {
                let s = start + r.int(0...120)
                y.append("      - action: \(quoted(sentence(&r)))")
                y.append("        how: \(quoted(sentence(&r)))")
                y.append("        start: \(date(s))")
                y.append("        done: \(date(s + r.int(7...90)))")
            }
        }
        if r.chance(40) {
            y.append("    timeframe: \(quoted("By the end of \(2026 + r.int(0...3))"))")
            y.append("    obstacles: \(quoted(sentence(&r)))")
            y.append("    evaluation: \(quoted(sentence(&r)))")
        }
    }
    y.append("expectations:")
    for _ in 0..<r.int(2...6) { y.append("  - \(quoted(sentence(&r)))") }
    y += ["role_expectations:", "  of_mentee:"]
    for _ in 0..<r.int(2...5) { y.append("    - \(quoted(sentence(&r)))") }
    y.append("  of_mentor:")
    for _ in 0..<r.int(2...5) { y.append("    - \(quoted(sentence(&r)))") }
    let meetings = r.int(0...12)
    if meetings > 0 {
        y.append("meetings:")
        var day = start
        for _ in 0..<meetings {
            day += r.int(3...30)
            y.append("  - date: \(date(day))")
            y.append("    hours: \(r.pick(["0.25", "0.5", "1", "1.5", "2", "3"]))")
            y.append("    mode: \(r.pick(modes))")
            y.append("    topics: [\((0..<r.int(1...3)).map { _ in quoted(r.pick(topics)) }.joined(separator: ", "))]")
            if r.chance(40) { y.append("    notes: \(quoted(sentence(&r) + ". " + sentence(&r) + "."))") }
            if r.chance(30) {
                y.append("    actions:")
                y.append("      - item: \(quoted(sentence(&r)))")
                y.append("        due: \(date(day + 14))")
            }
            if r.chance(50) { y.append("    next: \(date(day + r.int(7...30)))") }
        }
    }
    let achievements = r.int(0...4)
    if achievements > 0 {
        y.append("achievements:")
        for _ in 0..<achievements { y.append("  - \(quoted(sentence(&r)))") }
    }
    y += ["signed:", "  mentor: \(date(start))", "  mentee: \(date(start))"]
    y.append("status: \(quoted(sentence(&r) + "; " + sentence(&r) + "."))")
    return y.joined(separator: "\n") + "\n"
}

var arguments = Array(CommandLine.arguments.dropFirst())
var seed: UInt64 = 42
if let i = arguments.firstIndex(of: "--seed"), i + 1 < arguments.count, let s = UInt64(arguments[i + 1]) {
    seed = s
    arguments.removeSubrange(i...(i + 1))
}
guard arguments.count == 2, let count = Int(arguments[0]), count >= 0 else {
    FileHandle.standardError.write(Data("usage: generate-cohort COUNT DIR [--seed N]\n".utf8))
    exit(2)
}
let root = arguments[1]
var random = Random(state: seed)
var bytes = 0
for number in 1...max(1, count) where count > 0 {
    let folder = String(format: "%@/group-%03d", root, (number - 1) / 500 + 1)
    if (number - 1) % 500 == 0 {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    let text = partnership(number, &random)
    bytes += text.utf8.count
    try Data(text.utf8).write(to: URL(fileURLWithPath: String(format: "%@/pair-%05d.yaml", folder, number)))
}
print("generated \(count) pairs in \(root), \(bytes / max(1, count)) bytes per file on average")
