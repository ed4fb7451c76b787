// server/session_startup.cpp
//
// Startup and authentication, in PostgreSQL's order (postmaster.c
// ProcessStartupPacket, auth.c ClientAuthentication, postinit.c InitPostgres):
// connection limit, user name, hba rule, authentication, AuthenticationOk,
// startup-packet settings, database/role check (Engine::Connect), then
// ParameterStatus*, BackendKeyData, ReadyForQuery.
#include <openssl/rand.h>
#include <spdlog/spdlog.h>

#include <random>
#include <stdexcept>

#include "server/error_conversion.hpp"
#include "server/run_blocking.hpp"
#include "server/server_log.hpp"
#include "server/session.hpp"
#include "server/startup_options.hpp"

namespace basalt::server {

namespace asio = boost::asio;
using engine::DbError;
using engine::SqlState;

namespace {

int32_t RandomSecret() {
  int32_t secret = 0;
  if (RAND_bytes(reinterpret_cast<unsigned char*>(&secret), sizeof(secret)) != 1) {
    // RAND_bytes only fails when the OS entropy source is broken; fall back
    // rather than refuse the connection (the secret guards cancels only).
    std::random_device rd;
    secret = static_cast<int32_t>(rd());
  }
  return secret;
}

const std::string* FindParameter(const protocol::StartupMessage& startup, std::string_view name) {
  for (const auto& [k, v] : startup.parameters) {
    if (k == name) return &v;
  }
  return nullptr;
}

bool IsFalseWord(std::string_view v) { return v == "false" || v == "0" || v == "off" || v == "no" || v == "f"; }

}  // namespace

void Session::HandleCancelRequest(const protocol::CancelRequest& cancel) {
  // PostgreSQL sends nothing back on a cancel connection, whatever happened.
  bool ok = ctx_.cancels.Cancel(cancel.process_id, cancel.secret_key);
  if (ok) {
    Log()->info("conn {}: cancel request for conn {}", id_.value, cancel.process_id);
  } else {
    Log()->info("conn {}: cancel request for conn {} did not match any session", id_.value, cancel.process_id);
  }
  state_ = State::kClosed;
}

asio::awaitable<void> Session::HandleStartup(protocol::StartupMessage& startup) {
  // Protocol 3.x with x > 0, or _pq_ protocol options: answer with the newest
  // minor version we speak and the options we do not understand, then go on.
  std::vector<std::string> unrecognized;
  for (const auto& [k, v] : startup.parameters) {
    if (k.rfind("_pq_.", 0) == 0) unrecognized.push_back(k);
  }
  if ((startup.protocol_version & 0xffff) != 0 || !unrecognized.empty()) {
    out_.NegotiateProtocolVersion(0, unrecognized);
  }

  if (ctx_.connections.load() > ctx_.options.max_connections) {
    SendFatal(SqlState::kTooManyConnections, "sorry, too many clients already");
    co_return;
  }
  const std::string* user = FindParameter(startup, "user");
  if (user == nullptr || user->empty()) {
    SendFatal(SqlState::kInvalidAuthorizationSpecification, "no PostgreSQL user name specified in startup packet");
    co_return;
  }
  const std::string* database = FindParameter(startup, "database");
  std::string user_name = *user;
  std::string database_name = (database && !database->empty()) ? *database : user_name;
  if (const std::string* replication = FindParameter(startup, "replication")) {
    if (!IsFalseWord(*replication)) {
      SendFatal(SqlState::kFeatureNotSupported, "replication connections are not supported");
      co_return;
    }
  }

  user_ = std::move(user_name);
  database_ = std::move(database_name);
  startup_ = std::move(startup);
  std::optional<auth::AuthMethod> method = ChooseAuthMethod(user_, database_);
  if (!method) co_return;
  if (*method != auth::AuthMethod::kTrust) {
    co_await BeginPasswordAuth(*method);
    co_return;
  }
  out_.AuthenticationOk();
  co_await FinishStartup();
}

asio::awaitable<void> Session::FinishStartup() {
  std::string user_name = user_;
  std::string database_name = database_;
  // Superuser-only settings in the startup packet (e.g. -c log_statement=all)
  // are checked against the role, so record who the user is first.
  std::optional<engine::RoleInfo> role;
  co_await RunBlocking(ctx_.pool, [&] {
    try {
      role = ctx_.engine.FindRole(user_name);
    } catch (const std::exception&) {
      // Connect reports the problem below with the right code.
    }
  });
  settings_.emplace(ctx_.settings);
  if (role) {
    settings_->Set("is_superuser", role->superuser ? "on" : "off", conf::SettingSource::kOverride);
    settings_->Set("session_authorization", role->name, conf::SettingSource::kOverride);
  }

  if (!ApplyStartupParameters(startup_)) co_return;
  startup_ = {};

  std::optional<DbError> connect_error;
  std::string internal_error;
  executing_ = true;
  co_await RunBlocking(ctx_.pool, [&] {
    try {
      sql_ = ctx_.engine.Connect(user_name, database_name, *settings_);
    } catch (const DbError& e) {
      connect_error = e;
    } catch (const std::exception& e) {
      internal_error = e.what();
    }
  });
  executing_ = false;
  if (connect_error) {
    connect_error->WithSeverity(engine::Severity::kFatal);
    SendError(*connect_error);
    co_return;
  }
  if (!sql_) {
    Log()->error("conn {}: internal error connecting user={} database={}: {}", id_.value, user_name, database_name,
                 internal_error);
    SendFatal(SqlState::kInternalError, "internal error: " + internal_error);
    co_return;
  }
  user_ = std::move(user_name);
  database_ = std::move(database_name);

  secret_key_ = RandomSecret();
  ctx_.cancels.Register(id_.value, secret_key_, sql_.get());
  registered_for_cancel_ = true;

  for (const auto& [name, value] : sql_->ReportedSettings()) out_.ParameterStatus(name, value);
  out_.BackendKeyData(id_.value, secret_key_);
  InstallNotificationWaker();
  out_.ReadyForQuery(sql_->TransactionStatus());
  state_ = State::kReady;
  RegisterActivity();
  Log()->info("conn {}: connection authorized: user={} database={} application_name={} host={}", id_.value, user_,
              database_, settings_->GetString("application_name"), peer_);
}

std::optional<auth::AuthMethod> Session::ChooseAuthMethod(const std::string& user, const std::string& database) {
  std::string host = peer_address_ ? peer_address_->to_string() : std::string("unknown");
  // TODO(server): real role membership for "+group" rules once the catalog
  // exposes it; until then a role is only a member of itself, as in PostgreSQL.
  auto is_member = [](std::string_view role, std::string_view group) { return role == group; };
  std::optional<auth::AuthMethod> method;
  if (peer_address_) method = ctx_.hba.Match(/*is_ssl=*/false, database, user, *peer_address_, is_member);
  if (!method) {
    SendFatal(SqlState::kInvalidAuthorizationSpecification,
              "no pg_hba.conf entry for host \"" + host + "\", user \"" + user + "\", database \"" + database +
                  "\", no encryption");
    return std::nullopt;
  }
  switch (*method) {
    case auth::AuthMethod::kTrust:
    case auth::AuthMethod::kPassword:
    case auth::AuthMethod::kMd5:
    case auth::AuthMethod::kScramSha256:
      return method;
    case auth::AuthMethod::kReject:
      SendFatal(SqlState::kInvalidAuthorizationSpecification,
                "pg_hba.conf rejects connection for host \"" + host + "\", user \"" + user + "\", database \"" +
                    database + "\", no encryption");
      return std::nullopt;
    case auth::AuthMethod::kCert:
      // Certificate authentication needs TLS, which this server does not speak yet.
      SendFatal(SqlState::kInvalidAuthorizationSpecification,
                "connection requires a valid client certificate");
      return std::nullopt;
  }
  return std::nullopt;
}

bool Session::ApplyStartupParameters(const protocol::StartupMessage& startup) {
  if (!settings_) settings_.emplace(ctx_.settings);
  // PostgreSQL (postinit.c process_startup_options) applies the `options`
  // switches first and the other parameters after them, so an explicit
  // parameter wins over the same name inside options.
  for (const auto& [name, value] : startup.parameters) {
    if (name != "options") continue;
    std::vector<std::pair<std::string, std::string>> switches;
    try {
      switches = ParseStartupOptions(value);
    } catch (const std::invalid_argument& e) {
      SendError(FatalError(SqlState::kSyntaxError, e.what())
                    .WithHint("Valid command-line arguments are -c name=value and --name=value."));
      return false;
    }
    for (const auto& [k, v] : switches) {
      if (!ApplyClientSetting(k, v)) return false;
    }
  }
  for (const auto& [name, value] : startup.parameters) {
    if (name == "user" || name == "database" || name == "replication" || name == "options" ||
        name.rfind("_pq_.", 0) == 0)
      continue;
    if (!ApplyClientSetting(name, value)) return false;
  }
  return true;
}

bool Session::ApplyClientSetting(const std::string& name, const std::string& value) {
  conf::SetResult r = settings_->Set(name, value, conf::SettingSource::kClient);
  if (r.ok()) return true;
  SqlState code = SqlState::kInvalidParameterValue;
  switch (r.status) {
    case conf::SetResult::Status::kUnknownName:
      code = SqlState::kUndefinedObject;
      break;
    case conf::SetResult::Status::kCannotChange:
      code = SqlState::kCantChangeRuntimeParam;
      break;
    case conf::SetResult::Status::kPermissionDenied:
      code = SqlState::kInsufficientPrivilege;
      break;
    default:
      break;
  }
  DbError error = FatalError(code, r.message.empty() ? "invalid value for parameter \"" + name + "\"" : r.message);
  if (!r.detail.empty()) error.WithDetail(r.detail);
  if (!r.hint.empty()) error.WithHint(r.hint);
  SendError(error);
  return false;
}

}  // namespace basalt::server
