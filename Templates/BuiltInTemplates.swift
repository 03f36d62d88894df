// Makes Templates/ a SwiftPM target so that its program folders ship with the binary as a
// resource bundle (the built-in templates). Only the .xhtml files are templates.
import Foundation

/// The resource bundle holding the built-in templates.
public enum BuiltInTemplates {
    /// The bundle SwiftPM generated; on Linux its accessor stops the process when the bundle is
    /// missing, so the library looks beside the binary first and asks this only on Apple systems.
    public static var bundle: Bundle { Bundle.module }
}
