/// What a command line asks for.
public enum Invocation {
    /// Run this command, built from the values given.
    case run(any Command)
    /// Print this help on standard output.
    case help(String)
    /// Print this version on standard output.
    case version(String)
}
