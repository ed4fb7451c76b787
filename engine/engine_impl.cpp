#include "engine/engine_impl.hpp"

#include <fmt/format.h>

#include "engine/session.hpp"
#include "engine/catalog/schema_store.hpp"
#include "engine/catalog/user_objects.hpp"
#include "engine/storage/backup_source.hpp"
#include "engine/storage/wal_archiver.hpp"

namespace basalt::engine {

std::filesystem::path StorePath(const std::filesystem::path& data_dir) { return data_dir / "store"; }

void Engine::InitDataDir(const std::filesystem::path& dir, const InitOptions& options) {
  storage::Store::Create(StorePath(dir));
  auto store = storage::Store::Open(StorePath(dir));
  txn::TxnManager txns(*store);
  catalog::Catalog catalog(txns);
  auto txn = txns.Begin();
  catalog::RoleDef superuser;
  superuser.oid = catalog::kBootstrapSuperuserOid;
  superuser.name = options.superuser;
  superuser.superuser = true;
  superuser.can_login = true;
  superuser.password_verifier = options.password_verifier;
  catalog.Bootstrap(*txn, superuser);
  txn->Commit();
}

bool Engine::IsDataDir(const std::filesystem::path& dir) { return storage::Store::Exists(StorePath(dir)); }

std::unique_ptr<Engine> Engine::Open(const std::filesystem::path& dir, const conf::Settings& server_settings) {
  if (!IsDataDir(dir)) {
    throw DbError(SqlState::kUndefinedFile,
                  fmt::format("directory \"{}\" is not a Basalt data directory; create one with basalt init -D {}",
                              dir.string(), dir.string()));
  }
  storage::StoreOptions opts;
  opts.enable_statistics = true;  // tickers for the Prometheus endpoint
  // archive_mode = on: obsolete WAL files wait for the archiver, which deletes
  // them once copied; the TTL only bounds what a stalled archiver piles up.
  if (ArchiveModeOn(server_settings)) opts.wal_ttl_seconds = uint64_t{7} * 24 * 3600;
  auto engine = std::make_unique<EngineImpl>(storage::Store::Open(StorePath(dir), opts), server_settings);
  engine->StartBackupServices(dir, server_settings);
  return engine;
}

EngineImpl::EngineImpl(std::unique_ptr<storage::Store> store, const conf::Settings& settings)
    : store_(std::move(store)),
      txns_(std::make_unique<txn::TxnManager>(*store_)),
      catalog_(std::make_unique<catalog::Catalog>(*txns_)) {
  txns_->SetSynchronousCommit(settings.GetString("synchronous_commit") != "off");
}

EngineImpl::~EngineImpl() { StopBackupServices(); }

std::optional<RoleInfo> EngineImpl::FindRole(std::string_view name) {
  auto txn = txns_->Begin(txn::IsolationLevel::kReadCommitted, /*read_only=*/true);
  auto role = catalog_->FindRole(*txn, name);
  txn->Commit();
  if (!role) return std::nullopt;
  RoleInfo info;
  info.oid = role->oid;
  info.name = role->name;
  info.superuser = role->superuser;
  info.can_login = role->can_login;
  info.password_verifier = role->password_verifier;
  return info;
}

std::unique_ptr<SqlSession> EngineImpl::Connect(std::string_view user, std::string_view database,
                                                const conf::Settings& session_settings) {
  auto txn = txns_->Begin(txn::IsolationLevel::kReadCommitted, /*read_only=*/true);
  auto role = catalog_->FindRole(*txn, user);
  if (!role) {
    throw DbError(SqlState::kInvalidAuthorizationSpecification, fmt::format("role \"{}\" does not exist", user))
        .WithSeverity(Severity::kFatal);
  }
  if (!role->can_login) {
    throw DbError(SqlState::kInvalidAuthorizationSpecification,
                  fmt::format("role \"{}\" is not permitted to log in", user))
        .WithSeverity(Severity::kFatal);
  }
  auto db = catalog_->FindDatabase(*txn, database);
  if (!db) {
    throw DbError(SqlState::kInvalidCatalogName, fmt::format("database \"{}\" does not exist", database))
        .WithSeverity(Severity::kFatal);
  }
  // Rows written before a restart hold enum values: their types' labels must be
  // known to input functions (catalog/user_objects.hpp).
  catalog::PublishEnumTypes(*txn, {db->oid});
  catalog::ListUserSchemas(*txn, db->oid);  // known schema names and FindSchema's fast path (schema_store.hpp)
  txn->Commit();
  return std::make_unique<Session>(*this, *role, *db, session_settings);
}

void EngineImpl::SessionOpened(catalog::Oid database) {
  std::lock_guard lock(sessions_mu_);
  ++sessions_per_db_[database];
}

void EngineImpl::SessionClosed(catalog::Oid database) {
  std::lock_guard lock(sessions_mu_);
  if (--sessions_per_db_[database] <= 0) sessions_per_db_.erase(database);
}

int EngineImpl::OtherSessions(catalog::Oid database, bool caller_is_connected) {
  std::lock_guard lock(sessions_mu_);
  auto it = sessions_per_db_.find(database);
  int n = it == sessions_per_db_.end() ? 0 : it->second;
  return caller_is_connected ? n - 1 : n;
}

}  // namespace basalt::engine
