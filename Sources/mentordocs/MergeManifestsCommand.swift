// `mentordocs merge-manifests DIR`: the manifests of a cohort's shards merged into one; see docs/batch.md.
import ArgumentParser
import Foundation
import MentorDocs

struct MergeManifestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-manifests",
        abstract: "Merge the shard manifests in DIR (manifest.K-of-N.json) into DIR/manifest.json.",
        discussion: "Exit status 0 when every shard is present and every document succeeded, 1 otherwise.")

    @Argument(help: "The output folder the shards wrote into.")
    var folder: String

    @Flag(help: "Also write the combined print files and DIR/index.html for the whole cohort.")
    var combine = false

    @Flag(help: "Rewrite the combined files even when their bytes are unchanged.")
    var force = false

    @Option(help: "Templates folder (for --combine; see 'render --help').")
    var templates: String?

    func run() throws {
        var renderer: Renderer?
        if combine {
            renderer = try Renderer(library: TemplateLibrary.standard(explicit: templates))
        }
        let summary: BatchSummary
        do {
            summary = try ManifestMerge.run(folder: folder, combineWith: renderer, force: force)
        } catch let error as MergeError {
            printError(error.description)
            throw ExitCode(1)
        }
        print(summary.line)
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
