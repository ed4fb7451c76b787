// Settings: parsing, display, error texts and contexts, checked against what
// PostgreSQL 15 answers for the same SET/SHOW (see conf/README.md).
#include <catch2/catch.hpp>

#include "conf/setting_registry.hpp"
#include "conf/settings.hpp"

using basalt::conf::FindSettingDef;
using basalt::conf::SetResult;
using basalt::conf::SetScope;
using basalt::conf::Settings;
using basalt::conf::SettingSource;
using Status = basalt::conf::SetResult::Status;

namespace {

constexpr SettingSource kSession = SettingSource::kSession;

std::string Show(const Settings& s, std::string_view name) { return s.Get(name).value_or("<unknown>"); }

// SET name = value and return SHOW name, or the error message.
std::string SetShow(Settings& s, std::string_view name, std::string_view value) {
  SetResult r = s.Set(name, value, kSession);
  if (!r.ok()) return "ERROR: " + r.message;
  return Show(s, name);
}

}  // namespace

TEST_CASE("registry lookups are case-insensitive and sorted", "[conf][registry]") {
  REQUIRE(FindSettingDef("datestyle") != nullptr);
  REQUIRE(FindSettingDef("DATESTYLE")->name == "DateStyle");
  REQUIRE(FindSettingDef("timezone")->name == "TimeZone");
  REQUIRE(FindSettingDef("nope") == nullptr);
  auto defs = basalt::conf::AllSettingDefs();
  for (std::size_t i = 0; i < defs.size(); ++i) REQUIRE(FindSettingDef(defs[i].name) == &defs[i]);
}

TEST_CASE("defaults show as PostgreSQL 15 shows them", "[conf][defaults]") {
  Settings s;
  CHECK(Show(s, "port") == "5432");
  CHECK(Show(s, "listen_addresses") == "localhost");
  CHECK(Show(s, "max_connections") == "100");
  CHECK(Show(s, "superuser_reserved_connections") == "3");
  CHECK(Show(s, "server_version") == "15.18 (Basalt 0.1.0)");
  CHECK(Show(s, "server_version_num") == "150018");
  CHECK(Show(s, "server_encoding") == "UTF8");
  CHECK(Show(s, "client_encoding") == "UTF8");
  CHECK(Show(s, "DateStyle") == "ISO, MDY");
  CHECK(Show(s, "IntervalStyle") == "postgres");
  CHECK(Show(s, "integer_datetimes") == "on");
  CHECK(Show(s, "standard_conforming_strings") == "on");
  CHECK(Show(s, "application_name") == "");
  CHECK(Show(s, "default_transaction_isolation") == "read committed");
  CHECK(Show(s, "transaction_isolation") == "read committed");
  CHECK(Show(s, "extra_float_digits") == "1");
  CHECK(Show(s, "search_path") == "\"$user\", public");
  CHECK(Show(s, "statement_timeout") == "0");
  CHECK(Show(s, "deadlock_timeout") == "1s");
  CHECK(Show(s, "work_mem") == "4MB");
  CHECK(Show(s, "maintenance_work_mem") == "64MB");
  CHECK(Show(s, "shared_buffers") == "128MB");
  CHECK(Show(s, "effective_cache_size") == "4GB");
  CHECK(Show(s, "log_min_duration_statement") == "-1");
  CHECK(Show(s, "random_page_cost") == "4");
  CHECK(Show(s, "cpu_tuple_cost") == "0.01");
  CHECK(Show(s, "jit") == "off");
  CHECK(Show(s, "password_encryption") == "scram-sha-256");
  CHECK(Show(s, "lc_messages") == "C.UTF-8");
  CHECK(Show(s, "metrics_port") == "9187");
  CHECK(Show(s, "gc_retention") == "1h");
  CHECK(Show(s, "block_cache_size") == "128MB");
  CHECK(Show(s, "TimeZone") == basalt::conf::SystemTimeZone());
  CHECK(s.GetInt("work_mem") == 4096);
  CHECK(s.GetInt("shared_buffers") == 16384);
  CHECK(s.GetInt("deadlock_timeout") == 1000);
  CHECK(s.GetInt("gc_retention") == 3600);
  CHECK(s.GetInt("block_cache_size") == 131072);
  CHECK(s.GetBool("fsync"));
  CHECK_FALSE(s.GetBool("ssl"));
  CHECK(s.GetReal("seq_page_cost") == 1.0);
  CHECK(s.GetString("bytea_output") == "hex");
}

TEST_CASE("typed getters reject unknown names and wrong types", "[conf][getters]") {
  Settings s;
  CHECK_THROWS_AS(s.GetInt("nope"), std::invalid_argument);
  CHECK_THROWS_AS(s.GetBool("work_mem"), std::invalid_argument);
  CHECK_THROWS_AS(s.GetInt("application_name"), std::invalid_argument);
  CHECK(s.GetReal("work_mem") == 4096.0);
  CHECK_FALSE(s.Get("nope").has_value());
}

TEST_CASE("booleans accept PostgreSQL's words and unique prefixes", "[conf][bool]") {
  Settings s;
  for (const char* on : {"on", "ON", "true", "t", "tr", "yes", "y", "1"}) CHECK(SetShow(s, "enable_seqscan", on) == "on");
  for (const char* off : {"off", "OFF", "of", "false", "f", "no", "n", "0"}) {
    CHECK(SetShow(s, "enable_seqscan", off) == "off");
  }
  for (const char* bad : {"o", "", "maybe", "2", "truex", " on"}) {
    CHECK(SetShow(s, "enable_seqscan", bad) == "ERROR: parameter \"enable_seqscan\" requires a Boolean value");
  }
}

TEST_CASE("integers take units, round, and range-check", "[conf][int]") {
  Settings s;
  CHECK(SetShow(s, "work_mem", "1.5MB") == "1536kB");
  CHECK(SetShow(s, "work_mem", "0x100") == "256kB");
  CHECK(SetShow(s, "work_mem", "1024") == "1MB");
  CHECK(SetShow(s, "work_mem", "1048576") == "1GB");
  CHECK(SetShow(s, "work_mem", "+5MB") == "5MB");
  CHECK(SetShow(s, "work_mem", "5 MB") == "5MB");
  CHECK(SetShow(s, "work_mem", "5e3") == "5000kB");
  CHECK(SetShow(s, "work_mem", "64kB") == "64kB");
  CHECK(s.GetInt("work_mem") == 64);
  CHECK(SetShow(s, "statement_timeout", "1.5s") == "1500ms");
  CHECK(SetShow(s, "statement_timeout", "90s") == "90s");
  CHECK(SetShow(s, "statement_timeout", "1d") == "1d");
  CHECK(SetShow(s, "statement_timeout", "5 min") == "5min");
  CHECK(SetShow(s, "statement_timeout", " 5 s ") == "5s");
  CHECK(SetShow(s, "statement_timeout", "100us") == "0");
  CHECK(SetShow(s, "statement_timeout", "0.4") == "0");
  CHECK(SetShow(s, "idle_session_timeout", "60000") == "1min");
  CHECK(SetShow(s, "idle_session_timeout", "250ms") == "250ms");
  CHECK(SetShow(s, "max_parallel_workers_per_gather", "2.6") == "3");
  CHECK(SetShow(s, "extra_float_digits", "2.5") == "2");  // rint: half to even
  CHECK(SetShow(s, "extra_float_digits", "-2.5") == "-2");
  CHECK(SetShow(s, "effective_cache_size", "1001kB") == "1000kB");
  CHECK(SetShow(s, "effective_cache_size", "8191B") == "8kB");
  CHECK(SetShow(s, "temp_buffers", "10000") == "80000kB");
  REQUIRE(s.Set("gc_retention", "2h", SettingSource::kConfigFile).ok());
  CHECK(Show(s, "gc_retention") == "2h");
  CHECK(s.GetInt("gc_retention") == 7200);

  SetResult r = s.Set("work_mem", "abc", kSession);
  CHECK(r.status == Status::kInvalidValue);
  CHECK(r.message == "invalid value for parameter \"work_mem\": \"abc\"");
  CHECK(r.hint.empty());
  r = s.Set("work_mem", "10xyz", kSession);
  CHECK(r.message == "invalid value for parameter \"work_mem\": \"10xyz\"");
  CHECK(r.hint == "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
  r = s.Set("statement_timeout", "5S", kSession);
  CHECK(r.hint == "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
  r = s.Set("work_mem", "3000000GB", kSession);
  CHECK(r.hint == "Value exceeds integer range.");
  r = s.Set("statement_timeout", "3000000000", kSession);
  CHECK(r.hint == "Value exceeds integer range.");
  CHECK(SetShow(s, "work_mem", "1") == "ERROR: 1 kB is outside the valid range for parameter \"work_mem\" (64 .. 2147483647)");
  CHECK(SetShow(s, "work_mem", "63kB") ==
        "ERROR: 63 kB is outside the valid range for parameter \"work_mem\" (64 .. 2147483647)");
  CHECK(SetShow(s, "statement_timeout", "-1") ==
        "ERROR: -1 ms is outside the valid range for parameter \"statement_timeout\" (0 .. 2147483647)");
  CHECK(SetShow(s, "extra_float_digits", "4") ==
        "ERROR: 4 is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)");
  CHECK(SetShow(s, "work_mem", "") == "ERROR: invalid value for parameter \"work_mem\": \"\"");
  CHECK(SetShow(s, "port", "") == "ERROR: parameter \"port\" cannot be changed without restarting the server");
}

TEST_CASE("reals", "[conf][real]") {
  Settings s;
  CHECK(SetShow(s, "random_page_cost", "1e3") == "1000");
  CHECK(SetShow(s, "random_page_cost", "1.1") == "1.1");
  CHECK(SetShow(s, "cpu_tuple_cost", "0.00001") == "1e-05");
  CHECK(SetShow(s, "random_page_cost", "abc") == "ERROR: invalid value for parameter \"random_page_cost\": \"abc\"");
  CHECK(SetShow(s, "random_page_cost", "-1") ==
        "ERROR: -1 is outside the valid range for parameter \"random_page_cost\" (0 .. 1.79769e+308)");
  auto info = s.Describe("cpu_tuple_cost");
  REQUIRE(info);
  CHECK(info->setting == "1e-05");
  CHECK(info->boot_value == "0.01");
}

TEST_CASE("enums are case-insensitive with PostgreSQL's hints and aliases", "[conf][enum]") {
  Settings s;
  CHECK(SetShow(s, "bytea_output", "ESCAPE") == "escape");
  SetResult r = s.Set("bytea_output", "x", kSession);
  CHECK(r.message == "invalid value for parameter \"bytea_output\": \"x\"");
  CHECK(r.hint == "Available values: escape, hex.");
  // The name is quoted as the caller spelled it, like PostgreSQL does.
  r = s.Set("intervalstyle", "x", kSession);
  CHECK(r.message == "invalid value for parameter \"intervalstyle\": \"x\"");
  CHECK(r.hint == "Available values: postgres, postgres_verbose, sql_standard, iso_8601.");
  CHECK(SetShow(s, "IntervalStyle", "SQL_STANDARD") == "sql_standard");
  CHECK(SetShow(s, "default_transaction_isolation", "SERIALIZABLE") == "serializable");
  CHECK(SetShow(s, "default_transaction_isolation", "Repeatable Read") == "repeatable read");
  CHECK(SetShow(s, "synchronous_commit", "true") == "on");
  CHECK(SetShow(s, "synchronous_commit", "0") == "off");
  CHECK(SetShow(s, "synchronous_commit", "remote_apply") == "remote_apply");
  r = s.Set("synchronous_commit", "of", kSession);
  CHECK(r.hint == "Available values: local, remote_write, remote_apply, on, off.");
  CHECK(SetShow(s, "client_min_messages", "debug") == "debug2");
  CHECK(SetShow(s, "client_min_messages", "WARNING") == "warning");
}

TEST_CASE("DateStyle follows check_datestyle", "[conf][datestyle]") {
  Settings s;
  CHECK(SetShow(s, "DateStyle", "german") == "German, DMY");
  CHECK(SetShow(s, "DateStyle", "sql, dmy") == "SQL, DMY");
  CHECK(SetShow(s, "DateStyle", "ymd") == "SQL, YMD");  // keeps the current style
  CHECK(SetShow(s, "DateStyle", "Postgres, european") == "Postgres, DMY");
  CHECK(SetShow(s, "DateStyle", "ISO") == "ISO, DMY");
  CHECK(SetShow(s, "DateStyle", "US") == "ISO, MDY");
  CHECK(SetShow(s, "DateStyle", "") == "ISO, MDY");
  CHECK(SetShow(s, "DateStyle", "sql,ymd") == "SQL, YMD");
  CHECK(SetShow(s, "DateStyle", "default") == "ISO, MDY");
  SetResult r = s.Set("datestyle", "foo", kSession);
  CHECK(r.message == "invalid value for parameter \"DateStyle\": \"foo\"");
  CHECK(r.detail == "Unrecognized key word: \"foo\".");
  r = s.Set("datestyle", "iso, sql", kSession);
  CHECK(r.detail == "Conflicting \"datestyle\" specifications.");
  r = s.Set("datestyle", "iso,,mdy", kSession);
  CHECK(r.detail == "List syntax is invalid.");
}

TEST_CASE("client_encoding accepts UTF8 spellings and SQL_ASCII", "[conf][encoding]") {
  Settings s;
  for (const char* v : {"UTF8", "utf8", "utf-8", "Unicode", "UTF_8"}) CHECK(SetShow(s, "client_encoding", v) == "UTF8");
  CHECK(SetShow(s, "client_encoding", "sql_ascii") == "SQL_ASCII");
  SetResult r = s.Set("client_encoding", "latin1", kSession);
  CHECK(r.status == Status::kInvalidValue);
  CHECK(r.message == "invalid value for parameter \"client_encoding\": \"latin1\"");
  CHECK(r.detail == "Conversion between LATIN1 and UTF8 is not supported.");
  r = s.Set("client_encoding", "foo", kSession);
  CHECK(r.message == "invalid value for parameter \"client_encoding\": \"foo\"");
  CHECK(r.detail.empty());
}

TEST_CASE("TimeZone names, offsets and POSIX strings", "[conf][timezone]") {
  Settings s;
  CHECK(SetShow(s, "timezone", "europe/berlin") == "Europe/Berlin");
  CHECK(SetShow(s, "TimeZone", "Etc/UTC") == "Etc/UTC");
  CHECK(SetShow(s, "TimeZone", "utc") == "UTC");
  CHECK(SetShow(s, "TimeZone", "EST5EDT") == "EST5EDT");
  CHECK(SetShow(s, "TimeZone", "UTC+3") == "UTC+3");
  CHECK(SetShow(s, "TimeZone", "-7") == "<-07>+07");
  CHECK(SetShow(s, "TimeZone", "5.5") == "<+05:30>-05:30");
  CHECK(SetShow(s, "TimeZone", "Foo/Bar") == "ERROR: invalid value for parameter \"TimeZone\": \"Foo/Bar\"");
  CHECK(SetShow(s, "TimeZone", "") == "ERROR: invalid value for parameter \"TimeZone\": \"\"");
  CHECK(SetShow(s, "TimeZone", "../../etc/passwd") ==
        "ERROR: invalid value for parameter \"TimeZone\": \"../../etc/passwd\"");
}

TEST_CASE("strings: application_name is cleaned, others stored verbatim", "[conf][string]") {
  Settings s;
  CHECK(SetShow(s, "application_name", "a'b") == "a'b");
  CHECK(SetShow(s, "application_name", "caf\xc3\xa9") == "caf??");
  CHECK(SetShow(s, "search_path", "a, \"B c\", public") == "a, \"B c\", public");
  CHECK(SetShow(s, "timezone_abbreviations", "foo") ==
        "ERROR: invalid value for parameter \"timezone_abbreviations\": \"foo\"");
  CHECK(SetShow(s, "lc_monetary", "C") == "C");
  CHECK(SetShow(s, "lc_monetary", "xx_NOPE") == "ERROR: invalid value for parameter \"lc_monetary\": \"xx_NOPE\"");
}

TEST_CASE("unknown names and custom placeholders", "[conf][custom]") {
  Settings s;
  SetResult r = s.Set("foo", "1", kSession);
  CHECK(r.status == Status::kUnknownName);
  CHECK(r.message == "unrecognized configuration parameter \"foo\"");
  CHECK(s.Reset("foo").status == Status::kUnknownName);
  CHECK_FALSE(s.Get("foo.bar").has_value());
  CHECK(SetShow(s, "foo.bar", "1") == "1");
  CHECK(SetShow(s, "FOO.BAR", "x y") == "x y");
  CHECK(s.Set("a..b", "1", kSession).status == Status::kUnknownName);
  CHECK(s.Set("1a.b", "1", kSession).status == Status::kUnknownName);
  // Placeholders survive a rollback, with an empty value.
  s.PushNestLevel();
  REQUIRE(s.Set("myapp.user_id", "42", kSession).ok());
  s.PopNestLevel(1, false);
  CHECK(Show(s, "myapp.user_id") == "");
}

TEST_CASE("contexts decide who may change what", "[conf][context]") {
  Settings s;
  SetResult r = s.Set("port", "5", kSession);
  CHECK(r.status == Status::kCannotChange);
  CHECK(r.message == "parameter \"port\" cannot be changed without restarting the server");
  r = s.Set("server_version", "x", kSession);
  CHECK(r.status == Status::kCannotChange);
  CHECK(r.message == "parameter \"server_version\" cannot be changed");
  CHECK(s.Set("server_version", "x", SettingSource::kConfigFile).status == Status::kCannotChange);
  r = s.Set("fsync", "off", kSession);
  CHECK(r.message == "parameter \"fsync\" cannot be changed now");
  r = s.Set("log_connections", "on", kSession);
  CHECK(r.message == "parameter \"log_connections\" cannot be set after connection start");
  CHECK(s.Reset("port").status == Status::kCannotChange);
  // Postmaster settings change from config sources, sighup ones too.
  CHECK(s.Set("port", "6543", SettingSource::kConfigFile).ok());
  CHECK(s.GetInt("port") == 6543);
  CHECK(s.Set("fsync", "off", SettingSource::kCommandLine).ok());
  // Superuser settings need is_superuser, which only the server (kOverride) sets.
  r = s.Set("log_statement", "all", kSession);
  CHECK(r.status == Status::kPermissionDenied);
  CHECK(r.message == "permission denied to set parameter \"log_statement\"");
  CHECK(s.Set("is_superuser", "on", kSession).status == Status::kCannotChange);
  REQUIRE(s.Set("is_superuser", "on", SettingSource::kOverride).ok());
  CHECK(SetShow(s, "log_statement", "ALL") == "all");
  REQUIRE(s.Set("session_authorization", "alice", SettingSource::kOverride).ok());
  CHECK(Show(s, "session_authorization") == "alice");
}

TEST_CASE("source priority and reset values", "[conf][source]") {
  Settings s;
  REQUIRE(s.Set("work_mem", "8MB", SettingSource::kCommandLine).ok());
  REQUIRE(s.Set("work_mem", "16MB", SettingSource::kConfigFile).ok());  // lower priority: ignored
  CHECK(Show(s, "work_mem") == "8MB");
  REQUIRE(s.Set("work_mem", "32MB", kSession).ok());
  CHECK(Show(s, "work_mem") == "32MB");
  REQUIRE(s.Reset("work_mem").ok());
  CHECK(Show(s, "work_mem") == "8MB");
  CHECK(s.Describe("work_mem")->source == SettingSource::kCommandLine);

  REQUIRE(s.Set("application_name", "psql", SettingSource::kClient).ok());
  REQUIRE(s.Set("application_name", "other", kSession).ok());
  auto info = s.Describe("application_name");
  CHECK(info->source == SettingSource::kSession);
  CHECK(info->reset_value == "psql");
  s.ResetAll();
  CHECK(Show(s, "application_name") == "psql");
  CHECK(Show(s, "work_mem") == "8MB");
}

TEST_CASE("RESET ALL leaves transaction_* alone", "[conf][reset]") {
  Settings s;
  REQUIRE(s.Set("transaction_isolation", "serializable", kSession).ok());
  REQUIRE(s.Set("extra_float_digits", "3", kSession).ok());
  s.ResetAll();
  CHECK(Show(s, "transaction_isolation") == "serializable");
  CHECK(Show(s, "extra_float_digits") == "1");
}

TEST_CASE("transactions: rollback undoes SET, SET LOCAL ends with the transaction", "[conf][txn]") {
  Settings s;
  // Rollback restores.
  s.PushNestLevel();
  REQUIRE(s.Set("work_mem", "8MB", kSession).ok());
  s.PopNestLevel(1, false);
  CHECK(Show(s, "work_mem") == "4MB");
  // Commit keeps SET.
  s.PushNestLevel();
  REQUIRE(s.Set("work_mem", "8MB", kSession).ok());
  s.PopNestLevel(1, true);
  CHECK(Show(s, "work_mem") == "8MB");
  // SET LOCAL reverts at commit.
  s.PushNestLevel();
  REQUIRE(s.Set("work_mem", "16MB", kSession, SetScope::kLocal).ok());
  CHECK(Show(s, "work_mem") == "16MB");
  s.PopNestLevel(1, true);
  CHECK(Show(s, "work_mem") == "8MB");
  // SET then SET LOCAL: commit restores the SET value.
  s.PushNestLevel();
  REQUIRE(s.Set("work_mem", "1MB", kSession).ok());
  REQUIRE(s.Set("work_mem", "2MB", kSession, SetScope::kLocal).ok());
  s.PopNestLevel(1, true);
  CHECK(Show(s, "work_mem") == "1MB");
  // SET LOCAL then SET: SET wins.
  s.PushNestLevel();
  REQUIRE(s.Set("work_mem", "2MB", kSession, SetScope::kLocal).ok());
  REQUIRE(s.Set("work_mem", "3MB", kSession).ok());
  s.PopNestLevel(1, true);
  CHECK(Show(s, "work_mem") == "3MB");
  // RESET inside a rolled-back transaction is undone too.
  s.PushNestLevel();
  REQUIRE(s.Reset("work_mem").ok());
  CHECK(Show(s, "work_mem") == "4MB");
  s.PopNestLevel(1, false);
  CHECK(Show(s, "work_mem") == "3MB");
  CHECK(s.NestLevel() == 0);
  // Outside a transaction SET LOCAL validates but has no effect, as in PostgreSQL.
  REQUIRE(s.Set("work_mem", "2MB", kSession, SetScope::kLocal).ok());
  CHECK(Show(s, "work_mem") == "3MB");
  CHECK(s.Set("work_mem", "abc", kSession, SetScope::kLocal).status == Status::kInvalidValue);
}

TEST_CASE("savepoints: rollback to and release", "[conf][txn][savepoint]") {
  Settings s;
  s.PushNestLevel();                                             // BEGIN
  REQUIRE(s.Set("work_mem", "1MB", kSession).ok());
  int sp = s.PushNestLevel();                                    // SAVEPOINT a
  REQUIRE(s.Set("work_mem", "2MB", kSession).ok());
  s.PopNestLevel(sp, false);                                     // ROLLBACK TO a
  CHECK(Show(s, "work_mem") == "1MB");
  sp = s.PushNestLevel();                                        // (ROLLBACK TO re-opens the savepoint)
  REQUIRE(s.Set("work_mem", "5MB", kSession, SetScope::kLocal).ok());
  s.PopNestLevel(sp, true);                                      // RELEASE a
  CHECK(Show(s, "work_mem") == "5MB");
  s.PopNestLevel(1, true);                                       // COMMIT: the LOCAL value goes
  CHECK(Show(s, "work_mem") == "1MB");

  s.PushNestLevel();
  sp = s.PushNestLevel();
  REQUIRE(s.Set("extra_float_digits", "3", kSession).ok());
  s.PopNestLevel(sp, true);                                      // RELEASE
  s.PopNestLevel(1, false);                                      // ROLLBACK
  CHECK(Show(s, "extra_float_digits") == "1");

  s.PushNestLevel();
  s.PushNestLevel();
  s.PushNestLevel();
  REQUIRE(s.Set("extra_float_digits", "2", kSession).ok());
  s.PopNestLevel(1, true);                                       // COMMIT ends all levels
  CHECK(s.NestLevel() == 0);
  CHECK(Show(s, "extra_float_digits") == "2");
}

TEST_CASE("config sources inside a transaction are not rolled back", "[conf][txn]") {
  Settings s;
  s.PushNestLevel();
  REQUIRE(s.Set("work_mem", "8MB", kSession).ok());
  REQUIRE(s.Set("work_mem", "16MB", SettingSource::kConfigFile).ok());  // e.g. a reload
  CHECK(Show(s, "work_mem") == "8MB");  // the session's SET still wins
  s.PopNestLevel(1, false);
  CHECK(Show(s, "work_mem") == "16MB");
}

TEST_CASE("reported settings and changes", "[conf][report]") {
  Settings s;
  auto reported = s.ReportedValues();
  std::vector<std::string> names;
  for (auto& [n, v] : reported) names.push_back(n);
  CHECK(names == std::vector<std::string>{"application_name", "client_encoding", "DateStyle",
                                          "default_transaction_read_only", "in_hot_standby", "integer_datetimes",
                                          "IntervalStyle", "is_superuser", "server_encoding", "server_version",
                                          "session_authorization", "standard_conforming_strings", "TimeZone"});
  CHECK(s.TakeReportChanges().empty());
  REQUIRE(s.Set("work_mem", "8MB", kSession).ok());
  CHECK(s.TakeReportChanges().empty());
  REQUIRE(s.Set("application_name", "x", kSession).ok());
  REQUIRE(s.Set("datestyle", "sql", kSession).ok());
  auto changes = s.TakeReportChanges();
  REQUIRE(changes.size() == 2);
  CHECK(changes[0] == std::pair<std::string, std::string>{"application_name", "x"});
  CHECK(changes[1] == std::pair<std::string, std::string>{"DateStyle", "SQL, MDY"});
  CHECK(s.TakeReportChanges().empty());
  // A change that is undone before the report is not sent.
  s.PushNestLevel();
  REQUIRE(s.Set("application_name", "y", kSession).ok());
  s.PopNestLevel(1, false);
  CHECK(s.TakeReportChanges().empty());
}

TEST_CASE("pg_settings view", "[conf][describe]") {
  Settings s;
  auto info = s.Describe("work_mem");
  REQUIRE(info);
  CHECK(info->name == "work_mem");
  CHECK(info->display == "4MB");
  CHECK(info->setting == "4096");
  CHECK(info->boot_value == "4096");
  CHECK(info->def->unit == "kB");
  CHECK(basalt::conf::SettingTypeName(info->def->type) == "integer");
  CHECK(basalt::conf::SettingContextName(info->def->context) == "user");
  CHECK(basalt::conf::SettingSourceName(info->source) == "default");
  auto sb = s.Describe("SHARED_BUFFERS");
  CHECK(sb->setting == "16384");
  CHECK(sb->def->unit == "8kB");
  auto all = s.All();
  bool saw_is_superuser = false;
  for (const auto& i : all) saw_is_superuser |= i.name == "is_superuser";
  CHECK_FALSE(saw_is_superuser);  // hidden like in pg_settings
  CHECK(all.size() > 100);
  Settings copy = s;
  REQUIRE(copy.Set("work_mem", "1MB", kSession).ok());
  CHECK(Show(s, "work_mem") == "4MB");
}
