import CommandArguments
import Monitoring
import MonitoringStore
import Operations
#if canImport(Glibc)
import Glibc
#endif

extension Role: ArgumentValue {}

/// `imon users add|list|remove|password`: the portal's accounts in the store.
enum UsersCommand {
    static let store = CommandParameters.store
    static let name = Parameter.argument("name", help: "The account's name (letters, digits, '.', '-', '_').")

    static let spec = CommandSpec(
        "users", abstract: "The accounts of the submission portal (imon serve), kept in the store.",
        subcommands: [Add.spec, List.spec, Remove.spec, Password.spec])

    /// The password from standard input: asked twice on a terminal, otherwise its first line.
    static func readPassword() throws -> String {
        guard isatty(0) != 0 else {
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw CommandFailure(file: nil, location: "standard input", reason: "no password given")
            }
            return line
        }
        let first = ask("Password: "), second = ask("Password again: ")
        guard first == second else { throw CommandFailure(file: nil, location: "password", reason: "the two entries differ; nothing was changed") }
        return first
    }

    /// One line read from the terminal without showing it.
    private static func ask(_ prompt: String) -> String {
        var saved = termios()
        tcgetattr(0, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSANOW, &quiet)
        defer {
            tcsetattr(0, TCSANOW, &saved)
            Self.prompt("\n")
        }
        Self.prompt(prompt)
        return Swift.readLine(strippingNewline: true) ?? ""
    }

    /// Text for the person at the terminal, on standard error (standard output may be a file).
    private static func prompt(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func book(_ path: String) throws -> AccountBook {
        AccountBook(store: try openStore(path, create: true))
    }

    /// An account error or a store error as a command failure.
    static func failure(_ path: String, _ error: any Error) -> CommandFailure {
        if let account = error as? AccountError { return CommandFailure(file: nil, location: "users", reason: "\(account)") }
        return storeFailure(path, error)
    }

    struct Add: Command {
        static let role = Parameter.option("role", help: "department, coordinator or analyst.", choices: Role.choices, required: true)
        static let department = Parameter.option("department", help: "The department's code, for a department's account.")
        static let catalogue = CommandParameters.catalogue
        static let spec = CommandSpec(
            "add", abstract: "Add an account; the password is read from standard input (asked twice on a terminal).",
            parameters: [UsersCommand.name, role, department, UsersCommand.store, catalogue]) { try Add($0) }

        let name: String, role: Role, department: String?, store: String, catalogue: String?

        init(_ arguments: ParsedArguments) throws {
            name = try arguments.value(UsersCommand.name)
            role = try arguments.value(Self.role)
            department = try arguments.optionalValue(Self.department)
            store = try arguments.value(UsersCommand.store)
            catalogue = try arguments.optionalValue(Self.catalogue)
        }

        func run() throws {
            let catalogue = try CatalogueSource.load(self.catalogue)
            let password = try UsersCommand.readPassword()
            do {
                try UsersCommand.book(store).add(Account(name: name, role: role, department: department), password: password, catalogue: catalogue)
            } catch { throw UsersCommand.failure(store, error) }
            print("added \(name) (\(role.rawValue)\(department.map { ", department \($0)" } ?? ""))")
        }
    }

    struct List: Command {
        static let spec = CommandSpec("list", abstract: "List the accounts.", parameters: [UsersCommand.store]) { try List($0) }
        let store: String
        init(_ arguments: ParsedArguments) throws { store = try arguments.value(UsersCommand.store) }

        func run() throws {
            let accounts: [Account]
            do { accounts = try AccountBook(store: try openStoreForReading(store)).list() } catch { throw UsersCommand.failure(store, error) }
            for a in accounts { print("\(a.name.padding(20))  \(a.role.rawValue.padding(12))  \(a.department ?? "")") }
            if accounts.isEmpty { print("(no accounts)") }
        }
    }

    struct Remove: Command {
        static let spec = CommandSpec("remove", abstract: "Remove an account.", parameters: [UsersCommand.name, UsersCommand.store]) { try Remove($0) }
        let name: String, store: String
        init(_ arguments: ParsedArguments) throws {
            name = try arguments.value(UsersCommand.name)
            store = try arguments.value(UsersCommand.store)
        }

        func run() throws {
            do { try UsersCommand.book(store).remove(name) } catch { throw UsersCommand.failure(store, error) }
            print("removed \(name)")
        }
    }

    struct Password: Command {
        static let spec = CommandSpec("password", abstract: "Set an account's password (read as for add).",
                                      parameters: [UsersCommand.name, UsersCommand.store]) { try Password($0) }
        let name: String, store: String
        init(_ arguments: ParsedArguments) throws {
            name = try arguments.value(UsersCommand.name)
            store = try arguments.value(UsersCommand.store)
        }

        func run() throws {
            let password = try UsersCommand.readPassword()
            do { try UsersCommand.book(store).setPassword(password, of: name) } catch { throw UsersCommand.failure(store, error) }
            print("password of \(name) set")
        }
    }
}
