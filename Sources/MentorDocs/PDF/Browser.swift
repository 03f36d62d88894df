// One headless Chromium process for a whole run, its DevTools pipe on fds 3 and 4. The browser
// lives in its own process group and dies with mentordocs, even when mentordocs is SIGKILLed.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why PDFs cannot be printed: no browser, or the browser failed.
public struct PDFError: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// An error with its message.
    public init(_ description: String) { self.description = description }
}

/// A running Chromium and the two ends of its DevTools pipe.
final class Browser: @unchecked Sendable {
    let pid: pid_t
    /// Our end of the pipe the browser reads (its fd 3).
    let input: Int32
    /// Our end of the pipe the browser writes (its fd 4).
    let output: Int32
    private let profile: String
    private let lock = NSLock()
    private var stopped = false

    /// The Chromium to run: `$CHROMIUM`, else `chromium` (Debian) or `chromium-browser` on PATH.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["CHROMIUM"], !explicit.isEmpty {
            return access(explicit, X_OK) == 0 ? explicit : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["chromium", "chromium-browser"] {
            for folder in path.split(separator: ":") where access("\(folder)/\(name)", X_OK) == 0 {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Why no browser was found: `$CHROMIUM` naming no program, else none installed.
    static func missing(environment: [String: String]) -> PDFError {
        if let explicit = environment["CHROMIUM"], !explicit.isEmpty {
            return PDFError("CHROMIUM is set to '\(messageQuote(explicit))', which is not a program that can be run: set it to Chromium's path, or unset it to use the chromium on PATH")
        }
        return missing
    }

    /// The error a run gets when no browser is installed.
    static let missing = PDFError("PDF output needs Chromium, which is not installed: install the Debian package 'chromium' (apt-get install chromium), or set CHROMIUM to its path; HTML and XHTML output do not need it")

    // The document is our own validated HTML without scripts, so the sandbox (which cannot run
    // as root or in most containers) is left off; the network is cut off instead: no proxy, and
    // every host name resolves to nothing. One process: the pages' renderer and the print
    // compositor run as threads of the browser, where Chromium otherwise forks a compositor
    // process for every print job and ends it after (38% of the CPU a PDF cost; see
    // docs/performance.md). Nothing else is loaded into it: no other site, no script.
    static let flags = ["--headless", "--single-process", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                        "--disable-extensions", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--mute-audio",
                        "--disable-domain-reliability", "--no-proxy-server", "--host-resolver-rules=MAP * ~NOTFOUND",
                        "--remote-debugging-pipe"]

    /// Starts `executable` headless with a private profile folder.
    init(executable: String) throws(PDFError) {
        // Writing to a browser that has died must be an error, not the end of mentordocs.
        signal(SIGPIPE, SIG_IGN)
        Browser.removeAbandonedProfiles()
        var template = Array((NSTemporaryDirectory() + "/\(Browser.profilePrefix)\(getpid()).XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw PDFError("cannot make a temporary folder for the browser: \(String(cString: strerror(errno)))") }
        profile = String(cString: made)

        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else {
            rmdir(profile)
            throw PDFError("cannot make the browser's pipes: \(String(cString: strerror(errno)))")
        }
        // Above 10, so moving them onto 3 and 4 in the child never overwrites one with the other.
        let childRead = fcntl(toBrowser[0], F_DUPFD_CLOEXEC, 10), childWrite = fcntl(fromBrowser[1], F_DUPFD_CLOEXEC, 10)
        close(toBrowser[0]); close(fromBrowser[1])
        _ = fcntl(toBrowser[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fromBrowser[0], F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, childRead, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrite, 4)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (so a terminal's ^C reaches only mentordocs, which then closes
        // the browser) and default signal handling, whatever mentordocs has installed.
        var defaults = sigset_t(), none = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGTERM, SIGPIPE, SIGHUP, SIGXFSZ] { sigaddset(&defaults, sig) }
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        // setpriv (util-linux) sets PR_SET_PDEATHSIG and execs Chromium, so the kernel kills the
        // browser when mentordocs dies, SIGKILL included; posix_spawn has no hook for prctl.
        var arguments: [String] = []
        if access("/usr/bin/setpriv", X_OK) == 0 { arguments = ["/usr/bin/setpriv", "--pdeathsig", "KILL", "--"] }
        arguments += [executable] + Browser.flags + ["--user-data-dir=\(profile)", "about:blank"]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, arguments[0], &actions, &attributes, argv, environ)
        close(childRead); close(childWrite)
        guard status == 0 else {
            close(toBrowser[1]); close(fromBrowser[0])
            rmdir(profile)
            throw PDFError("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        input = toBrowser[1]
        output = fromBrowser[0]
    }

    static let profilePrefix = "mentordocs-chromium-"

    /// Profile folders of runs that were killed (their mentordocs is gone): removed, since no
    /// one else will. A folder is named for the process that made it.
    static func removeAbandonedProfiles() {
        let folder = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(profilePrefix) {
            guard let owner = Int32(name.dropFirst(profilePrefix.count).prefix { $0 != "." }) else { continue }
            if kill(owner, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        }
    }

    /// Ends the browser and every process it started, and removes its profile folder. The
    /// browser is asked to close over the pipe first; what is left after a moment is killed.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        if stopped { return }
        stopped = true
        close(input)
        kill(-pid, SIGTERM)
        var status: Int32 = 0
        var waited = false
        for _ in 0..<50 {
            if waitpid(pid, &status, WNOHANG) == pid { waited = true; break }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)
        if !waited { waitpid(pid, &status, 0) }
        // Its helpers die with the group's SIGKILL; give the kernel a moment to finish them.
        for _ in 0..<50 where kill(-pid, 0) == 0 { usleep(10_000) }
        close(output)
        try? FileManager.default.removeItem(atPath: profile)
    }

    deinit { stop() }
}
