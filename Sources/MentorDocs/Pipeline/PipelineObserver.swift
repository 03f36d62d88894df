// What a caller of the pipeline hears while it works: the end of each stage (for `--timings`)
// and whether to stop before the next document (an interrupted batch).

/// Watches one worker's documents go through the pipeline; every requirement has a default.
public protocol PipelineObserver {
    /// A document's first stage begins.
    mutating func start()
    /// `stage` has ended; the next one begins.
    mutating func lap(_ stage: PipelineStage)
    /// Checked before each document: true leaves the partnership's remaining documents unwritten.
    var stopRequested: Bool { get }
}

extension PipelineObserver {
    public mutating func start() {}
    public mutating func lap(_ stage: PipelineStage) {}
    public var stopRequested: Bool { false }
}

/// An observer that hears nothing and never stops the pipeline.
public struct SilentObserver: PipelineObserver {
    /// Creates one.
    public init() {}
}
