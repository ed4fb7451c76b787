// server/basalt_main.cpp
//
// `basalt`, the admin command-line tool. Subcommands:
//   basalt init -D DIR [-U NAME] [-A METHOD] [--pwfile FILE]
//       Creates a data directory like initdb: refuses a non-empty directory,
//       creates it with mode 0700, initialises the store (superuser role,
//       databases `postgres` and one named after the superuser), then writes
//       basalt.conf and hba.conf. The superuser defaults to "basalt" and the
//       authentication method to trust (with initdb's warning).
//   basalt backup | verify | restore ...
//       Online base backups, their verification and point-in-time restore
//       (server/cli/backup_commands.hpp).
// Exit status: 0 on success, 1 on any error (message on stderr).
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <system_error>

#include <CLI/CLI.hpp>

#include "auth/hba.hpp"
#include "auth/scram.hpp"
#include "conf/sample_files.hpp"
#include "conf/settings.hpp"
#include "engine/engine.hpp"
#include "server/cli/backup_commands.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaultSuperuser = "basalt";

struct InitArgs {
  std::string data_dir;
  std::string username = kDefaultSuperuser;
  std::optional<std::string> auth;
  std::string pwfile;
};

// Raised for a user-facing failure; main prints "basalt init: error: <message>".
struct CliError {
  std::string message;
  std::string hint;
};

std::string OsUserName() {
  if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr) return pw->pw_name;
  return std::to_string(::geteuid());
}

// The shell-safe spelling of a path for the closing "basaltd -D X" line.
std::string ShellQuoted(const std::string& s) {
  if (s.find_first_of(" \t'\"\\$`") == std::string::npos) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string ReadPassword(const std::string& file) {
  std::ifstream in(file);
  if (!in) {
    throw CliError{"could not open file \"" + file + "\" for reading: " + std::strerror(errno), {}};
  }
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  if (line.empty()) throw CliError{"password file \"" + file + "\" is empty", {}};
  return line;
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw CliError{"could not write file \"" + path.string() + "\": " + std::strerror(errno), {}};
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
}

void Step(const std::string& what) {
  std::cout << what << " ... " << std::flush;
}

void Ok() { std::cout << "ok\n"; }

// Undoes a failed init the way initdb does: remove what we created.
class Cleanup {
 public:
  Cleanup(fs::path dir, bool created) : dir_(std::move(dir)), created_(created) {}
  ~Cleanup() {
    if (done_) return;
    std::error_code ec;
    if (created_) {
      std::cerr << "basalt init: removing data directory \"" << dir_.string() << "\"\n";
      fs::remove_all(dir_, ec);
    } else {
      std::cerr << "basalt init: removing contents of data directory \"" << dir_.string() << "\"\n";
      for (const auto& entry : fs::directory_iterator(dir_, ec)) fs::remove_all(entry.path(), ec);
    }
  }
  void Done() { done_ = true; }

 private:
  fs::path dir_;
  bool created_;
  bool done_ = false;
};

int RunInit(const InitArgs& args) {
  const std::string method = args.auth.value_or("trust");
  const auto parsed = basalt::auth::ParseAuthMethod(method);
  if (!parsed || *parsed == basalt::auth::AuthMethod::kCert) {
    throw CliError{"invalid authentication method \"" + method + "\" for \"local\" connections",
                   "Valid methods are trust, reject, password, md5 and scram-sha-256."};
  }
  const bool needs_password = *parsed == basalt::auth::AuthMethod::kPassword ||
                              *parsed == basalt::auth::AuthMethod::kMd5 ||
                              *parsed == basalt::auth::AuthMethod::kScramSha256;
  std::optional<std::string> password;
  if (!args.pwfile.empty()) password = ReadPassword(args.pwfile);
  if (needs_password && !password) {
    throw CliError{"must specify a password for the superuser to enable password authentication", {}};
  }
  if (args.username.empty()) throw CliError{"superuser name must not be empty", {}};
  if (args.username.starts_with("pg_")) {
    throw CliError{"superuser name \"" + args.username + "\" is disallowed; role names cannot begin with \"pg_\"", {}};
  }

  const fs::path dir = args.data_dir;
  std::error_code ec;
  const bool exists = fs::exists(dir, ec);
  if (exists) {
    if (!fs::is_directory(dir, ec)) throw CliError{"\"" + args.data_dir + "\" exists but is not a directory", {}};
    if (!fs::is_empty(dir, ec)) {
      throw CliError{"directory \"" + args.data_dir + "\" exists but is not empty",
                     "If you want to create a new database system, either remove or empty the directory \"" +
                         args.data_dir + "\" or run basalt init with an argument other than \"" + args.data_dir +
                         "\"."};
    }
  }

  const std::string zone = basalt::conf::SystemTimeZone();
  std::cout << "The files belonging to this database system will be owned by user \"" << OsUserName() << "\".\n"
            << "This user must also own the server process.\n\n"
            << "The superuser role will be \"" << args.username << "\".\n"
            << "The database cluster will use encoding \"UTF8\" and locale \"C.UTF-8\".\n\n";

  if (exists) {
    Step("fixing permissions on existing directory " + args.data_dir);
  } else {
    Step("creating directory " + args.data_dir);
    fs::create_directories(dir, ec);
    if (ec) throw CliError{"could not create directory \"" + args.data_dir + "\": " + ec.message(), {}};
  }
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) throw CliError{"could not change permissions of directory \"" + args.data_dir + "\": " + ec.message(), {}};
  Ok();

  Cleanup cleanup(dir, !exists);
  std::cout << "selecting default time zone ... " << zone << "\n";
  Step("initializing the store");
  basalt::engine::InitOptions options;
  options.superuser = args.username;
  options.auth_method = method;
  if (password) options.password_verifier = basalt::auth::MakeScramVerifier(*password);
  try {
    basalt::engine::Engine::InitDataDir(fs::absolute(dir), options);
  } catch (const basalt::engine::DbError& e) {
    std::cout << "\n";
    throw CliError{e.message(), e.hint().value_or("")};
  }
  Ok();

  Step("creating configuration files");
  WriteFile(dir / "basalt.conf", basalt::conf::SampleConfigFile({{"TimeZone", zone}, {"log_timezone", zone}}));
  WriteFile(dir / "hba.conf", basalt::conf::SampleHbaFile(method));
  Ok();
  cleanup.Done();

  if (!args.auth) {
    std::cerr << "\nbasalt init: warning: enabling \"trust\" authentication for local connections\n"
              << "basalt init: hint: You can change this by editing hba.conf or using the option -A, or --auth, "
                 "the next time you run basalt init.\n";
  }
  std::cout << "\nSuccess. You can now start the database server using:\n\n"
            << "    basaltd -D " << ShellQuoted(args.data_dir) << "\n\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"basalt: administration tool for Basalt, a PostgreSQL-compatible database server"};
  app.require_subcommand(1);

  InitArgs init;
  CLI::App* init_cmd = app.add_subcommand("init", "Create a new Basalt data directory (like initdb)");
  init_cmd->add_option("-D,--pgdata,--datadir", init.data_dir, "Location of the new data directory")->required();
  init_cmd->add_option("-U,--username", init.username, "Name of the superuser role (default: \"basalt\")");
  init_cmd->add_option("-A,--auth", init.auth,
                       "Authentication method written to hba.conf for local connections: trust (default), "
                       "reject, password, md5, scram-sha-256");
  init_cmd->add_option("--pwfile", init.pwfile, "Read the superuser's password from the first line of this file");

  basalt::server::cli::BackupCommands backup_commands(app);  // backup, verify, restore

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }

  if (auto rc = backup_commands.Run()) return *rc;
  try {
    if (*init_cmd) return RunInit(init);
  } catch (const CliError& e) {
    std::cerr << "basalt init: error: " << e.message << "\n";
    if (!e.hint.empty()) std::cerr << "basalt init: hint: " << e.hint << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "basalt init: error: " << e.what() << "\n";
    return 1;
  }
  return 1;
}
