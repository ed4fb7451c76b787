// engine/engine_impl.hpp
//
// The Engine behind engine.hpp: one RocksDB store (in DIR/store), the
// transaction manager over it and the catalog. It also counts sessions per
// database, which DROP DATABASE needs to refuse dropping a database in use.
#pragma once

#include <map>
#include <mutex>

#include "conf/settings.hpp"
#include "engine/catalog/catalog.hpp"
#include "engine/engine.hpp"
#include "engine/storage/backup_services.hpp"
#include "engine/storage/store.hpp"
#include "engine/txn/txn_manager.hpp"

namespace basalt::engine {

class EngineImpl final : public Engine {
 public:
  EngineImpl(std::unique_ptr<storage::Store> store, const conf::Settings& settings);
  ~EngineImpl() override;

  std::optional<RoleInfo> FindRole(std::string_view name) override;
  void SetPasswordVerifierMaker(PasswordVerifierMaker maker) override { password_verifier_maker_ = std::move(maker); }
  const PasswordVerifierMaker& password_verifier_maker() const { return password_verifier_maker_; }
  std::unique_ptr<SqlSession> Connect(std::string_view user, std::string_view database,
                                      const conf::Settings& session_settings) override;
  EngineFigures Figures() override;  // engine_figures.cpp

  txn::TxnManager& txns() { return *txns_; }
  catalog::Catalog& catalog() { return *catalog_; }

  void SessionOpened(catalog::Oid database);
  void SessionClosed(catalog::Oid database);
  // Other sessions connected to `database`, not counting the caller's own.
  int OtherSessions(catalog::Oid database, bool caller_is_connected);

  // engine_backup.cpp: the backup source (basalt_backup_*) and, with
  // archive_mode = on, the WAL archiver; published for the SQL functions.
  void StartBackupServices(const std::filesystem::path& data_dir, const conf::Settings& settings);
  storage::WalArchiver* archiver() { return archiver_.get(); }
  void StopBackupServices();

 private:
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<txn::TxnManager> txns_;
  std::unique_ptr<catalog::Catalog> catalog_;
  std::mutex sessions_mu_;
  std::map<catalog::Oid, int> sessions_per_db_;
  PasswordVerifierMaker password_verifier_maker_;
  // Declared last: stopped and withdrawn before the store closes.
  std::unique_ptr<storage::BackupSource> backup_source_;
  std::unique_ptr<storage::WalArchiver> archiver_;
  storage::BackupServices backup_services_;
};

// archive_mode = on: WAL files RocksDB must keep for the archiver.
bool ArchiveModeOn(const conf::Settings& settings);

// Where the RocksDB store lives inside a data directory.
std::filesystem::path StorePath(const std::filesystem::path& data_dir);

}  // namespace basalt::engine
