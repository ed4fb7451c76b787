// basalt.conf parsing (postgresql.conf syntax) and BASALT_* environment overrides.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "conf/sample_files.hpp"
#include "conf/settings.hpp"

using basalt::conf::ApplyConfigText;
using basalt::conf::ApplyEnvironment;
using basalt::conf::ConfigEntry;
using basalt::conf::ParseConfigText;
using basalt::conf::SetResult;
using basalt::conf::Settings;
using basalt::conf::SettingSource;

namespace {

std::vector<ConfigEntry> Parse(std::string_view text) {
  std::vector<ConfigEntry> out;
  SetResult r = ParseConfigText(text, "test.conf", out);
  INFO(r.message);
  REQUIRE(r.ok());
  return out;
}

std::string ParseError(std::string_view text) {
  std::vector<ConfigEntry> out;
  return ParseConfigText(text, "test.conf", out).message;
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() / ("basalt_conf_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  void Write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
};

}  // namespace

TEST_CASE("config syntax: names, equals, values, comments", "[conf][file]") {
  auto e = Parse(
      "# comment line\n"
      "port = 5433\n"
      "listen_addresses '*'   # trailing comment\n"
      "\n"
      "   work_mem=128MB\n"
      "random_page_cost = 1.5\n"
      "log_min_duration_statement = -1\n"
      "timezone = Europe/Berlin\n"
      "hba_file = 'a''b\\\\c\\td'\n"
      "myapp.flag = on\n"
      "shared_buffers = 0x10\n"
      "seq_page_cost = .5\n"
      "last = 1");
  REQUIRE(e.size() == 11);
  CHECK(e[0].name == "port");
  CHECK(e[0].value == "5433");
  CHECK(e[0].line == 2);
  CHECK(e[1].value == "*");
  CHECK(e[1].line == 3);
  CHECK(e[2].name == "work_mem");
  CHECK(e[2].value == "128MB");
  CHECK(e[2].line == 5);
  CHECK(e[3].value == "1.5");
  CHECK(e[4].value == "-1");
  CHECK(e[5].value == "Europe/Berlin");
  CHECK(e[6].value == "a'b\\c\td");
  CHECK(e[7].name == "myapp.flag");
  CHECK(e[8].value == "0x10");
  CHECK(e[9].value == ".5");
  CHECK(e[10].name == "last");
  CHECK(e[10].line == 13);
}

TEST_CASE("config syntax errors name the file, line and token", "[conf][file]") {
  CHECK(ParseError("port = 5433\nwork_mem = 5 MB\n") == "syntax error in file \"test.conf\" line 2, near token \"MB\"");
  CHECK(ParseError("port =\n") == "syntax error in file \"test.conf\" line 1, near end of line");
  CHECK(ParseError("= 5\n") == "syntax error in file \"test.conf\" line 1, near token \"=\"");
  CHECK(ParseError("\n\nx = 'unterminated\n") == "syntax error in file \"test.conf\" line 3, near token \"'\"");
  CHECK(ParseError("data_directory = /var/lib\n") == "syntax error in file \"test.conf\" line 1, near token \"/\"");
  CHECK(ParseError("a = 1e5\n") == "syntax error in file \"test.conf\" line 1, near token \"5\"");
}

TEST_CASE("applying a config file", "[conf][file]") {
  Settings s;
  SetResult r = ApplyConfigText(
      "port = 6000\nmax_connections = 50\nwork_mem = '8MB'\nDateStyle = 'sql, dmy'\nfsync = off\n", "/x/basalt.conf", s);
  REQUIRE(r.ok());
  CHECK(s.GetInt("port") == 6000);
  CHECK(s.GetInt("max_connections") == 50);
  CHECK(s.GetInt("work_mem") == 8192);
  CHECK(s.Get("datestyle") == "SQL, DMY");
  CHECK_FALSE(s.GetBool("fsync"));
  CHECK(s.Describe("port")->source == SettingSource::kConfigFile);
  CHECK(s.Describe("port")->reset_value == "6000");

  Settings t;
  r = ApplyConfigText("port = 1\n\nnope = 3\n", "/x/basalt.conf", t);
  CHECK(r.status == SetResult::Status::kUnknownName);
  CHECK(r.message == "unrecognized configuration parameter \"nope\" in file \"/x/basalt.conf\" line 3");
  r = ApplyConfigText("port = abc\n", "/x/basalt.conf", t);
  CHECK(r.message == "invalid value for parameter \"port\": \"abc\" in file \"/x/basalt.conf\" line 1");
  r = ApplyConfigText("port = 70000\n", "/x/basalt.conf", t);
  CHECK(r.message ==
        "70000 is outside the valid range for parameter \"port\" (1 .. 65535) in file \"/x/basalt.conf\" line 1");
  r = ApplyConfigText("server_version = '1'\n", "/x/basalt.conf", t);
  CHECK(r.status == SetResult::Status::kCannotChange);
}

TEST_CASE("include directives and file errors", "[conf][file]") {
  TempDir dir;
  dir.Write("basalt.conf", "port = 6001\ninclude 'extra.conf'\ninclude_if_exists 'missing.conf'\ninclude_dir 'conf.d'\n");
  dir.Write("extra.conf", "work_mem = 2MB\n");
  std::filesystem::create_directories(dir.path / "conf.d");
  dir.Write("conf.d/01-a.conf", "extra_float_digits = 2\n");
  dir.Write("conf.d/02-b.conf", "extra_float_digits = 3\n");
  dir.Write("conf.d/ignored.txt", "garbage here\n");
  Settings s;
  SetResult r = basalt::conf::LoadConfigFile(dir.path / "basalt.conf", s);
  INFO(r.message);
  REQUIRE(r.ok());
  CHECK(s.GetInt("port") == 6001);
  CHECK(s.GetInt("work_mem") == 2048);
  CHECK(s.GetInt("extra_float_digits") == 3);

  r = basalt::conf::LoadConfigFile(dir.path / "absent.conf", s);
  CHECK(r.message == "could not open configuration file \"" + (dir.path / "absent.conf").string() +
                         "\": No such file or directory");
  dir.Write("loop.conf", "include 'loop.conf'\n");
  r = basalt::conf::LoadConfigFile(dir.path / "loop.conf", s);
  CHECK_FALSE(r.ok());
  CHECK(r.message.find("maximum nesting depth exceeded") != std::string::npos);
}

TEST_CASE("BASALT_* environment variables", "[conf][env]") {
  Settings s;
  REQUIRE(ApplyConfigText("port = 6000\nwork_mem = 8MB\n", "basalt.conf", s).ok());
  SetResult r = ApplyEnvironment(s, {{"BASALT_PORT", "7000"},
                                     {"BASALT_MAX_CONNECTIONS", "20"},
                                     {"BASALT_DATESTYLE", "German"},
                                     {"BASALT_SOURCE_DIR", "/src"},
                                     {"PGPORT", "1"},
                                     {"BASALT", "/bin/basalt"}});
  REQUIRE(r.ok());
  CHECK(s.GetInt("port") == 7000);  // environment beats the config file
  CHECK(s.GetInt("max_connections") == 20);
  CHECK(s.Get("DateStyle") == "German, DMY");
  CHECK(s.Describe("port")->source == SettingSource::kEnvironment);
  // The command line beats the environment; a later config file does not.
  REQUIRE(s.Set("port", "7100", SettingSource::kCommandLine).ok());
  REQUIRE(ApplyConfigText("port = 6000\n", "basalt.conf", s).ok());
  CHECK(s.GetInt("port") == 7100);

  r = ApplyEnvironment(s, {{"BASALT_WORK_MEM", "lots"}});
  CHECK(r.message == "invalid value for parameter \"work_mem\": \"lots\" in environment variable BASALT_WORK_MEM");

  ::setenv("BASALT_EXTRA_FLOAT_DIGITS", "3", 1);
  Settings t;
  REQUIRE(ApplyEnvironment(t).ok());
  ::unsetenv("BASALT_EXTRA_FLOAT_DIGITS");
  CHECK(t.GetInt("extra_float_digits") == 3);
}

TEST_CASE("the sample basalt.conf parses and matches the defaults", "[conf][sample]") {
  const std::string text = basalt::conf::SampleConfigFile({{"port", "6543"}, {"application_name", "it's"}});
  Settings s;
  SetResult r = ApplyConfigText(text, "basalt.conf", s);
  INFO(r.message);
  REQUIRE(r.ok());
  CHECK(s.GetInt("port") == 6543);
  CHECK(s.Get("application_name") == "it's");
  const Settings defaults;
  for (const auto& info : defaults.All()) {
    if (info.name == "port" || info.name == "application_name") continue;
    INFO(info.name);
    CHECK(s.Get(info.name) == info.display);
  }
  CHECK(text.find("\nlisten_addresses = 'localhost'") != std::string::npos);
  CHECK(text.find("\nport = 6543") != std::string::npos);
  CHECK(text.find("\n#work_mem = 4MB") != std::string::npos);
  CHECK(text.find("\nDateStyle = 'iso, mdy'") != std::string::npos);
  CHECK(text.find("server_version") == std::string::npos);
}
