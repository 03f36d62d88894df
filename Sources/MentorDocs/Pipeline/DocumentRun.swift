// `render` and `blank`: documents written one after the other into one output folder through the
// pipeline, each reported to the caller as it is done, so the command line only prints.
import Foundation

/// Something a run reports as it goes.
public enum RunEvent: Sendable {
    /// A problem that did not stop the input (an unknown key).
    case warning(Diagnostic)
    /// An input, partnership or document that was not written, with why.
    case failure(String)
    /// A document that went through the pipeline (written, unchanged or failed).
    case document(DocumentResult)
}

/// What a run did, for its summary line.
public struct RunSummary: Sendable {
    /// Documents on disk now (written or already up to date).
    public var documents = 0
    /// Of those, documents whose bytes were already there.
    public var unchanged = 0
    /// Inputs, partnerships and documents that failed.
    public var failed = 0
    /// Warnings about partnerships that were read (reported as they were found).
    public var warnings = 0
    /// The folders documents were written to, in order, each once.
    public var folders: [String] = []
    /// The first document written, to suggest opening it.
    public var firstDocument: String?

    mutating func count(_ result: DocumentResult) {
        switch result.status {
        case .failed: failed += 1
        case .written, .unchanged:
            documents += 1
            if result.status == .unchanged { unchanged += 1 }
            let folder = PathText.folder(of: result.path)
            if folders.last != folder, !folders.contains(folder) { folders.append(folder) }
            if firstDocument == nil { firstDocument = result.path }
        }
    }

    /// "4 documents in Output/2026-aset-007/", "8 documents in 2 folders in Output/", then failures
    /// and warnings.
    public func line(outputFolder: String) -> String {
        var text = documents == 1 ? "1 document" : "\(documents) documents"
        if folders.count == 1 { text += " in \(folders[0])/" }
        else if folders.count > 1 { text += " in \(folders.count) folders in \(outputFolder)/" }
        if unchanged > 0 { text += " (\(unchanged == documents ? "all" : "\(unchanged)") already up to date)" }
        if failed > 0 { text += "; \(failed) failed" }
        if warnings > 0 { text += "; \(warnings) \(warnings == 1 ? "warning" : "warnings") (above)" }
        return text
    }
}

/// Documents written in order into one output folder, with the shared id rules.
public struct DocumentRun: Sendable {
    /// The path every document takes.
    public let pipeline: DocumentPipeline
    /// Where documents go.
    public let folder: OutputFolder

    /// A run of `pipeline` into `folder`.
    public init(pipeline: DocumentPipeline, folder: OutputFolder) {
        self.pipeline = pipeline
        self.folder = folder
    }

    /// Every partnership of `files`, read by `loader`, to `DIR/<id>/<document>`.
    public func render(_ files: [String], loader: ParticipantLoader, report: (RunEvent) -> Void) -> RunSummary {
        var summary = RunSummary()
        var claims = FolderClaims()
        var observer = SilentObserver()
        var consistency = ConsistencyCheck(month: pipeline.options.month)
        for file in files {
            for outcome in loader.load(contentsOf: file) {
                switch outcome {
                case .failure(let problems):
                    report(.failure(problems.description))
                    summary.failed += 1
                    summary.warnings += problems.diagnostics.count { $0.severity == .warning }
                case .success(let partnership):
                    let warnings = partnership.warnings + consistency.warnings(for: partnership)
                    warnings.forEach { report(.warning($0)) }
                    summary.warnings += warnings.count
                    let target: PartnershipTarget
                    switch PartnershipTarget.make(for: partnership) {
                    case .failure(let problem):
                        report(.failure(problem.description))
                        summary.failed += 1
                        continue
                    case .success(let accepted): target = accepted
                    }
                    if let problem = claims.claim(target) {
                        report(.failure(problem.description))
                        summary.failed += 1
                        continue
                    }
                    for result in pipeline.write(partnership, to: target, in: folder, observer: &observer) {
                        summary.count(result)
                        report(.document(result))
                    }
                }
            }
        }
        return summary
    }

    /// The blank forms of `programs` to `DIR/blank/<program>/<document>`.
    public func blank(_ programs: [Program], report: (RunEvent) -> Void) -> RunSummary {
        var summary = RunSummary()
        var observer = SilentObserver()
        for program in programs {
            for result in pipeline.writeBlank(program, in: folder, observer: &observer) {
                summary.count(result)
                report(.document(result))
            }
        }
        return summary
    }
}
