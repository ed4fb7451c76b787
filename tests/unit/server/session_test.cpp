// Session state machine over real loopback sockets with a fake engine.
#include <catch2/catch.hpp>

#include <thread>

#include "fake_engine.hpp"
#include "server/server.hpp"
#include "test_client.hpp"

using namespace basalt;
using namespace basalt::test;

namespace {

constexpr const char* kHba =
    "host all rejectme 127.0.0.1/32 reject\n"
    "host all scramuser 127.0.0.1/32 scram-sha-256\n"
    "host basalt,postgres,nodb,u all 127.0.0.1/32 trust\n";

struct TestServer {
  explicit TestServer(int max_connections = 20) {
    server::ServerOptions options;
    options.listen_addresses = "127.0.0.1";
    options.port = 0;
    options.max_connections = max_connections;
    options.io_threads = 2;
    server = std::make_unique<server::Server>(engine, conf::Settings(), auth::HbaRules::Parse(kHba, "test_hba"),
                                              options);
    server->Start();
    port = server->endpoints().at(0).port();
  }
  FakeEngine engine;
  std::unique_ptr<server::Server> server;
  uint16_t port = 0;
};

const pb::ErrorResponse& RequireError(const std::vector<pb::Message>& msgs) {
  const auto* e = Find<pb::ErrorResponse>(msgs);
  REQUIRE(e != nullptr);
  return *e;
}

std::vector<std::pair<std::string, std::string>> User(std::string user = "basalt", std::string db = "") {
  std::vector<std::pair<std::string, std::string>> p = {{"user", user}};
  if (!db.empty()) p.emplace_back("database", db);
  return p;
}

// The fake statement "sleep" has started on `n` sessions (there is no event to wait on).
bool WaitForSleepers(int n) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (FakeSession::sleeping.load() < n) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::yield();
  }
  return true;
}

}  // namespace

TEST_CASE("trust startup sends the full greeting", "[server][session]") {
  TestServer ts;
  TestClient c(ts.port);
  auto msgs = c.Startup({{"user", "basalt"}, {"application_name", "psql"}});
  REQUIRE(std::get<pb::Authentication>(msgs.at(0)).code == protocol::AuthCode::kOk);
  REQUIRE(Count<pb::ParameterStatus>(msgs) == 3);
  bool saw_app = false;
  for (const auto& m : msgs) {
    if (auto* p = std::get_if<pb::ParameterStatus>(&m); p && p->name == "application_name") {
      saw_app = p->value == "psql";
    }
  }
  REQUIRE(saw_app);
  REQUIRE(Find<pb::BackendKeyData>(msgs) != nullptr);
  REQUIRE(Find<pb::BackendKeyData>(msgs)->process_id > 0);
  REQUIRE(std::get<pb::ReadyForQuery>(msgs.back()).status == 'I');
}

TEST_CASE("SSLRequest and GSSENCRequest are answered N and startup continues", "[server][session]") {
  TestServer ts;
  TestClient c(ts.port);
  c.Send(protocol::SslRequest{});
  REQUIRE(c.ReceiveByte() == 'N');
  c.Send(protocol::GssEncRequest{});
  REQUIRE(c.ReceiveByte() == 'N');
  auto msgs = c.Startup(User());
  REQUIRE(std::get<pb::ReadyForQuery>(msgs.back()).status == 'I');
}

TEST_CASE("simple queries, errors and transaction status", "[server][session]") {
  TestServer ts;
  TestClient c(ts.port);
  c.Startup(User());

  auto r = c.Query("select 1");
  REQUIRE(r.size() == 4);
  REQUIRE(std::get<pb::RowDescription>(r[0]).fields.at(0).type_oid == 23);
  REQUIRE(std::get<pb::DataRow>(r[1]).values.at(0) == std::optional<std::string>("1"));
  REQUIRE(std::get<pb::CommandComplete>(r[2]).tag == "SELECT 1");
  REQUIRE(std::get<pb::ReadyForQuery>(r[3]).status == 'I');

  auto empty = c.Query("  ");
  REQUIRE(std::holds_alternative<pb::EmptyQueryResponse>(empty.at(0)));

  auto e = c.Query("error");
  const auto& f = RequireError(e).fields;
  REQUIRE(f.severity == "ERROR");
  REQUIRE(f.code == "42P01");
  REQUIRE(f.message == "relation \"t\" does not exist");
  REQUIRE(f.detail == std::optional<std::string>("d"));
  REQUIRE(f.hint == std::optional<std::string>("h"));
  REQUIRE(f.position == std::optional<int>(15));
  REQUIRE(std::get<pb::ReadyForQuery>(e.back()).status == 'I');

  auto internal = c.Query("boom");
  REQUIRE(RequireError(internal).fields.code == "XX000");
  REQUIRE(RequireError(internal).fields.message == "internal error: boom");

  auto notice = c.Query("notice");
  REQUIRE(Find<pb::NoticeResponse>(notice)->fields.severity == "NOTICE");
  REQUIRE(Find<pb::NoticeResponse>(notice)->fields.message == "hello");

  REQUIRE(std::get<pb::ReadyForQuery>(c.Query("begin").back()).status == 'T');
  auto set = c.Query("set app");
  REQUIRE(Find<pb::ParameterStatus>(set)->value == "changed");
  REQUIRE(std::get<pb::ReadyForQuery>(c.Query("commit").back()).status == 'I');

  // Still usable after everything above.
  REQUIRE(c.Query("select 1").size() == 4);
  c.Send(protocol::Terminate{});
  REQUIRE(c.ServerClosed());
}

TEST_CASE("large results stream completely and a failed row is dropped", "[server][session]") {
  TestServer ts;
  TestClient c(ts.port);
  c.Startup(User());
  auto r = c.Query("rows 50000");
  REQUIRE(Count<pb::DataRow>(r) == 50000);
  REQUIRE(std::get<pb::DataRow>(r[50000]).values.at(0) == std::optional<std::string>("row 49999"));
  REQUIRE(std::get<pb::DataRow>(r[1]).values.at(1) == std::nullopt);
  REQUIRE(std::get<pb::CommandComplete>(r[50001]).tag == "SELECT 50000");

  auto partial = c.Query("rows_then_error");
  REQUIRE(Count<pb::DataRow>(partial) == 1);
  REQUIRE(RequireError(partial).fields.code == "22012");
  REQUIRE(std::holds_alternative<pb::ReadyForQuery>(partial.back()));
}

TEST_CASE("extended protocol: parse, bind, describe, execute, sync", "[server][session][extended]") {
  TestServer ts;
  TestClient c(ts.port);
  c.Startup(User());
  c.Send(protocol::Parse{"", "select 1", {}});
  c.Send(protocol::Bind{});
  c.Send(protocol::Describe{'P', ""});
  c.Send(protocol::Execute{});
  c.Send(protocol::Sync{});
  auto r = c.ReceiveUntilReady();
  REQUIRE(r.size() == 6);
  REQUIRE(std::holds_alternative<pb::ParseComplete>(r[0]));
  REQUIRE(std::holds_alternative<pb::BindComplete>(r[1]));
  REQUIRE(std::get<pb::RowDescription>(r[2]).fields.at(0).type_oid == 23);
  REQUIRE(std::get<pb::DataRow>(r[3]).values.at(0) == std::optional<std::string>("1"));
  REQUIRE(std::get<pb::CommandComplete>(r[4]).tag == "SELECT 1");
  REQUIRE(std::holds_alternative<pb::ReadyForQuery>(r[5]));

  // Describe S: ParameterDescription then RowDescription / NoData; binary result formats show in RowDescription.
  c.Send(protocol::Parse{"s1", "echo $1", {0}});
  c.Send(protocol::Parse{"s2", "create", {}});
  c.Send(protocol::Describe{'S', "s1"});
  c.Send(protocol::Describe{'S', "s2"});
  c.Send(protocol::Bind{"p1", "s1", {}, {std::string("hi")}, {1}});
  c.Send(protocol::Describe{'P', "p1"});
  c.Send(protocol::Execute{"p1", 0});
  c.Send(protocol::Bind{"", "s1", {}, {std::nullopt}, {}});
  c.Send(protocol::Execute{"", 0});
  c.Send(protocol::Close{'S', "s2"});
  c.Send(protocol::Close{'P', "p1"});
  c.Send(protocol::Parse{"", "", {}});
  c.Send(protocol::Bind{});
  c.Send(protocol::Execute{});
  c.Send(protocol::Sync{});
  r = c.ReceiveUntilReady();
  REQUIRE(r.size() == 19);
  REQUIRE(std::holds_alternative<pb::ParseComplete>(r[0]));
  REQUIRE(std::holds_alternative<pb::ParseComplete>(r[1]));
  REQUIRE(std::get<pb::ParameterDescription>(r[2]).type_oids == std::vector<uint32_t>{25});
  REQUIRE(std::get<pb::RowDescription>(r[3]).fields.at(0).format == 0);
  REQUIRE(std::get<pb::ParameterDescription>(r[4]).type_oids.empty());
  REQUIRE(std::holds_alternative<pb::NoData>(r[5]));
  REQUIRE(std::holds_alternative<pb::BindComplete>(r[6]));
  REQUIRE(std::get<pb::RowDescription>(r[7]).fields.at(0).format == 1);
  REQUIRE(std::get<pb::DataRow>(r[8]).values.at(0) == std::optional<std::string>("hi"));
  REQUIRE(std::holds_alternative<pb::CommandComplete>(r[9]));
  REQUIRE(std::holds_alternative<pb::BindComplete>(r[10]));
  REQUIRE(std::get<pb::DataRow>(r[11]).values.at(0) == std::nullopt);
  REQUIRE(std::holds_alternative<pb::CommandComplete>(r[12]));
  REQUIRE(std::holds_alternative<pb::CloseComplete>(r[13]));
  REQUIRE(std::holds_alternative<pb::CloseComplete>(r[14]));
  REQUIRE(std::holds_alternative<pb::ParseComplete>(r[15]));
  REQUIRE(std::holds_alternative<pb::BindComplete>(r[16]));
  REQUIRE(std::holds_alternative<pb::EmptyQueryResponse>(r[17]));
  REQUIRE(std::holds_alternative<pb::ReadyForQuery>(r[18]));
}

TEST_CASE("extended protocol: row-limited Execute suspends the portal", "[server][session][extended]") {
  TestServer ts;
  TestClient c(ts.port);
  c.Startup(User());
  c.Send(protocol::Parse{"", "rows 5", {}});
  c.Send(protocol::Bind{"c", "", {}, {}, {}});
  c.Send(protocol::Execute{"c", 2});
  c.Send(protocol::Flush{});
  // Flush: replies arrive without a Sync.
  REQUIRE(std::holds_alternative<pb::ParseComplete>(c.Receive()));
  REQUIRE(std::holds_alternative<pb::BindComplete>(c.Receive()));
  REQUIRE(std::holds_alternative<pb::DataRow>(c.Receive()));
  REQUIRE(std::holds_alternative<pb::DataRow>(c.Receive()));
  REQUIRE(std::holds_alternative<pb::PortalSuspended>(c.Receive()));
  c.Send(protocol::Execute{"c", 2});
  c.Send(protocol::Execute{"c", 2});
  c.Send(protocol::Sync{});
  auto r = c.ReceiveUntilReady();
  REQUIRE(Count<pb::DataRow>(r) == 3);
  REQUIRE(std::holds_alternative<pb::PortalSuspended>(r[2]));
  REQUIRE(std::get<pb::DataRow>(r[3]).values.at(0) == std::optional<std::string>("row 4"));
  REQUIRE(std::get<pb::CommandComplete>(r[4]).tag == "SELECT 1");
}

TEST_CASE("extended protocol errors skip to Sync", "[server][session][extended]") {
  TestServer ts;
  TestClient c(ts.port);
  c.Startup(User());
  c.Send(protocol::Parse{"", "error", {}});
  c.Send(protocol::Bind{});
  c.Send(protocol::Describe{'P', ""});
  c.Send(protocol::Execute{});
  c.Send(protocol::Query{"select 1"});  // ignored while skipping to Sync
  c.Send(protocol::Sync{});
  auto r = c.ReceiveUntilReady();
  REQUIRE(r.size() == 2);
  REQUIRE(RequireError(r).fields.code == "42P01");
  REQUIRE(c.Query("select 1").size() == 4);

  // An error after successful messages: their replies stay, the rest is skipped.
  c.Send(protocol::Parse{"", "select 1", {}});
  c.Send(protocol::Bind{"", "missing", {}, {}, {}});
  c.Send(protocol::Execute{});
  c.Send(protocol::Sync{});
  c.Send(protocol::Parse{"dup", "select 1", {}});
  c.Send(protocol::Parse{"dup", "select 1", {}});
  c.Send(protocol::Sync{});
  r = c.ReceiveUntilReady();
  REQUIRE(r.size() == 3);
  REQUIRE(std::holds_alternative<pb::ParseComplete>(r[0]));
  REQUIRE(RequireError(r).fields.code == "26000");
  r = c.ReceiveUntilReady();
  REQUIRE(r.size() == 3);
  REQUIRE(RequireError(r).fields.code == "42P05");

  c.Send(protocol::FunctionCall{1598, {}, {}, 0});
  auto f = c.ReceiveUntilReady();
  REQUIRE(RequireError(f).fields.code == "0A000");
  // Stray COPY messages and Flush are accepted silently.
  c.Send(protocol::CopyData{"x"});
  c.Send(protocol::CopyDone{});
  c.Send(protocol::Flush{});
  REQUIRE(c.Query("select 1").size() == 4);
}

TEST_CASE("protocol errors close only that connection", "[server][session]") {
  TestServer ts;
  {
    TestClient c(ts.port);
    c.Startup(User());
    c.SendRaw("z\0\0\0\x04");
    auto r = c.ReceiveUntilReady();
    REQUIRE(RequireError(r).fields.severity == "FATAL");
    REQUIRE(RequireError(r).fields.code == "08P01");
    REQUIRE(c.ServerClosed());
  }
  {
    TestClient c(ts.port);
    c.SendRaw(std::string("\0\0\0\x04", 4));  // startup length too small
    auto r = c.ReceiveUntilReady();
    REQUIRE(RequireError(r).fields.code == "08P01");
    REQUIRE(c.ServerClosed());
  }
  {
    TestClient c(ts.port);
    c.Send(protocol::StartupMessage{2 << 16, {{"user", "basalt"}}});
    auto r = c.ReceiveUntilReady();
    REQUIRE(RequireError(r).fields.code == "0A000");
  }
  TestClient ok(ts.port);
  REQUIRE(std::holds_alternative<pb::ReadyForQuery>(ok.Startup(User()).back()));
}

TEST_CASE("startup failures are FATAL with PostgreSQL's codes", "[server][session]") {
  TestServer ts;
  auto fatal = [&](std::vector<std::pair<std::string, std::string>> params) {
    TestClient c(ts.port);
    auto r = c.Startup(std::move(params));
    auto fields = RequireError(r).fields;
    REQUIRE(fields.severity == "FATAL");
    REQUIRE(c.ServerClosed());
    return fields;
  };
  auto missing = fatal({{"database", "basalt"}});
  REQUIRE(missing.code == "28000");
  REQUIRE(missing.message == "no PostgreSQL user name specified in startup packet");

  auto rejected = fatal(User("rejectme", "basalt"));
  REQUIRE(rejected.code == "28000");
  REQUIRE(rejected.message ==
          "pg_hba.conf rejects connection for host \"127.0.0.1\", user \"rejectme\", database \"basalt\", no encryption");

  auto no_entry = fatal(User("basalt", "other"));
  REQUIRE(no_entry.code == "28000");
  REQUIRE(no_entry.message ==
          "no pg_hba.conf entry for host \"127.0.0.1\", user \"basalt\", database \"other\", no encryption");

  // scram-sha-256 rules start a SASL exchange (tests/server/auth.py and unit_auth cover it).

  auto nodb = fatal(User("basalt", "nodb"));
  REQUIRE(nodb.code == "3D000");

  auto unknown = fatal({{"user", "basalt"}, {"no_such_setting", "1"}});
  REQUIRE(unknown.code == "42704");

  auto bad_options = fatal({{"user", "basalt"}, {"options", "-x"}});
  REQUIRE(bad_options.code == "42601");
}

TEST_CASE("startup options and placeholder parameters are applied", "[server][session]") {
  TestServer ts;
  TestClient c(ts.port);
  auto msgs = c.Startup({{"user", "basalt"}, {"myapp.tenant", "7"}, {"options", "-c application_name=from\\ opts"}});
  REQUIRE(std::holds_alternative<pb::ReadyForQuery>(msgs.back()));
  bool saw = false;
  for (const auto& m : msgs) {
    if (auto* p = std::get_if<pb::ParameterStatus>(&m); p && p->name == "application_name") {
      saw = p->value == "from opts";
    }
  }
  REQUIRE(saw);
}

TEST_CASE("database defaults to the user name", "[server][session]") {
  TestServer ts;
  TestClient c(ts.port);
  REQUIRE(std::holds_alternative<pb::ReadyForQuery>(c.Startup({{"user", "u"}}).back()));
}

TEST_CASE("a long query does not stall others and CancelRequest stops it", "[server][session]") {
  TestServer ts;
  TestClient a(ts.port);
  auto greeting = a.Startup(User());
  auto key = *Find<pb::BackendKeyData>(greeting);
  a.Send(protocol::Query{"sleep"});
  REQUIRE(WaitForSleepers(1));

  TestClient b(ts.port);
  b.Startup(User());
  REQUIRE(b.Query("select 1").size() == 4);

  {
    TestClient wrong(ts.port);
    wrong.Send(protocol::CancelRequest{key.process_id, key.secret_key + 1});
    REQUIRE(wrong.ServerClosed());
  }
  REQUIRE(b.Query("select 1").size() == 4);  // a is still sleeping

  TestClient cancel(ts.port);
  cancel.Send(protocol::SslRequest{});  // asyncpg does this before cancelling
  REQUIRE(cancel.ReceiveByte() == 'N');
  cancel.Send(protocol::CancelRequest{key.process_id, key.secret_key});
  REQUIRE(cancel.ServerClosed());

  auto r = a.ReceiveUntilReady();
  REQUIRE(RequireError(r).fields.code == "57014");
  REQUIRE(std::holds_alternative<pb::ReadyForQuery>(r.back()));
}

TEST_CASE("max_connections is enforced", "[server][session]") {
  TestServer ts(2);
  TestClient a(ts.port);
  a.Startup(User());
  TestClient b(ts.port);
  b.Startup(User());
  TestClient c(ts.port);
  auto r = c.Startup(User());
  REQUIRE(RequireError(r).fields.code == "53300");
  REQUIRE(RequireError(r).fields.message == "sorry, too many clients already");
}

TEST_CASE("a FATAL statement error closes the connection", "[server][session]") {
  TestServer ts;
  TestClient c(ts.port);
  c.Startup(User());
  auto r = c.Query("fatal");
  REQUIRE(RequireError(r).fields.severity == "FATAL");
  REQUIRE(c.ServerClosed());
}

TEST_CASE("Stop ends idle and running sessions", "[server][session]") {
  TestServer ts;
  TestClient idle(ts.port);
  idle.Startup(User());
  TestClient busy(ts.port);
  busy.Startup(User());
  busy.Send(protocol::Query{"sleep"});
  REQUIRE(WaitForSleepers(1));

  ts.server->Stop();
  auto r = idle.ReceiveUntilReady();
  REQUIRE(RequireError(r).fields.code == "57P01");
  REQUIRE(idle.ServerClosed());
  auto b = busy.ReceiveUntilReady();
  REQUIRE(RequireError(b).fields.code == "57014");
  REQUIRE(busy.ServerClosed());
  ts.server->Wait();
  REQUIRE(ts.server->connection_count() == 0);
}
