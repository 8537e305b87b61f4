/// A command that ran and found problems it has already reported: ends the
/// program with exit status 1 and nothing more on standard error.
enum ExitStatus: Error {
    case problemsFound
}
