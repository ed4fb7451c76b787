// Small server helpers: startup options, listen addresses, pid file, result sink.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "protocol/backend_decoder.hpp"
#include "server/cancel_registry.hpp"
#include "server/listen_addresses.hpp"
#include "server/pid_file.hpp"
#include "server/startup_options.hpp"
#include "server/wire_result_sink.hpp"

using namespace basalt;
using namespace basalt::server;
namespace pb = basalt::protocol::backend;

TEST_CASE("startup options parse like PostgreSQL's", "[server][options]") {
  using P = std::vector<std::pair<std::string, std::string>>;
  REQUIRE(ParseStartupOptions("") == P{});
  REQUIRE(ParseStartupOptions("-c search_path=a\\,b  --statement-timeout=5s -cwork_mem=4MB") ==
          P{{"search_path", "a,b"}, {"statement_timeout", "5s"}, {"work_mem", "4MB"}});
  REQUIRE(ParseStartupOptions("-c application_name=with\\ space") == P{{"application_name", "with space"}});
  REQUIRE_THROWS_AS(ParseStartupOptions("-d 5"), std::invalid_argument);
  REQUIRE_THROWS_AS(ParseStartupOptions("-c"), std::invalid_argument);
  REQUIRE_THROWS_AS(ParseStartupOptions("-c novalue"), std::invalid_argument);
}

TEST_CASE("listen_addresses expand like PostgreSQL's", "[server][listen]") {
  namespace ip = boost::asio::ip;
  auto star = ResolveListenAddresses("*", 5432);
  REQUIRE(star.size() == 2);
  REQUIRE(star[0].address() == ip::make_address("0.0.0.0"));
  REQUIRE(star[1].address() == ip::make_address("::"));
  auto local = ResolveListenAddresses("localhost", 1);
  REQUIRE(local.size() == 2);
  REQUIRE(local[0].address() == ip::make_address("127.0.0.1"));
  auto list = ResolveListenAddresses(" 127.0.0.1 , ::1,127.0.0.1", 9);
  REQUIRE(list.size() == 2);
  REQUIRE(list[1].port() == 9);
  REQUIRE(ResolveListenAddresses("", 5432).empty());
}

TEST_CASE("pid file is exclusive", "[server][pidfile]") {
  auto dir = std::filesystem::temp_directory_path() / ("basalt_pid_test_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto path = dir / "basaltd.pid";
  {
    PidFile first(path);
    try {
      PidFile second(path);
      FAIL("second lock succeeded");
    } catch (const std::runtime_error& e) {
      REQUIRE(std::string(e.what()).find("pid " + std::to_string(getpid())) != std::string::npos);
    }
  }
  REQUIRE_FALSE(std::filesystem::exists(path));
  { PidFile again(path); }
  std::filesystem::remove_all(dir);
}

TEST_CASE("wire result sink encodes results and flushes at the threshold", "[server][sink]") {
  protocol::Encoder out;
  std::string flushed;
  int flushes = 0;
  WireResultSink sink(
      out,
      [&] {
        flushed.append(out.data());
        out.Clear();
        ++flushes;
      },
      100);
  sink.Columns({engine::ColumnInfo{"a", 1, 2, 23, 4, -1}, engine::ColumnInfo{"b", 0, 0, 25, -1, -1}});
  for (int i = 0; i < 20; ++i) {
    sink.BeginRow(2);
    sink.Field(std::to_string(i));
    sink.NullField();
    sink.EndRow();
  }
  sink.Complete("SELECT 20");
  sink.Notice(engine::DbError(engine::SqlState::kSuccessfulCompletion, "n"));
  sink.ParameterChanged("TimeZone", "UTC");
  flushed.append(out.data());
  REQUIRE(flushes > 0);

  protocol::BackendDecoder d;
  d.Feed(flushed);
  std::vector<pb::Message> msgs;
  while (auto m = d.Next()) msgs.push_back(*m);
  REQUIRE(msgs.size() == 24);
  auto desc = std::get<pb::RowDescription>(msgs[0]);
  REQUIRE(desc.fields[0] == protocol::FieldDescription{"a", 1, 2, 23, 4, -1, 0});
  REQUIRE(std::get<pb::DataRow>(msgs[20]).values == std::vector<std::optional<std::string>>{"19", std::nullopt});
  REQUIRE(std::get<pb::CommandComplete>(msgs[21]).tag == "SELECT 20");
  REQUIRE(std::get<pb::NoticeResponse>(msgs[22]).fields.severity == "NOTICE");
  REQUIRE(std::get<pb::ParameterStatus>(msgs[23]).name == "TimeZone");
}

TEST_CASE("cancel registry matches pid and secret", "[server][cancel]") {
  struct Counting : engine::SqlSession {
    void ExecuteSimple(std::string_view, engine::ResultSink&) override {}
    char TransactionStatus() const override { return 'I'; }
    std::vector<std::pair<std::string, std::string>> ReportedSettings() const override { return {}; }
    void RequestCancel() override { ++cancels; }
    void Close() override {}
    int cancels = 0;
  } s;
  CancelRegistry r;
  r.Register(5, 1234, &s);
  REQUIRE_FALSE(r.Cancel(5, 1235));
  REQUIRE_FALSE(r.Cancel(6, 1234));
  REQUIRE(r.Cancel(5, 1234));
  REQUIRE(s.cancels == 1);
  r.Unregister(5);
  REQUIRE_FALSE(r.Cancel(5, 1234));
  REQUIRE(ConstantTimeEquals(-1, -1));
  REQUIRE_FALSE(ConstantTimeEquals(-1, 1));
}
