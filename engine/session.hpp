// engine/session.hpp
//
// One client session: its settings, its transaction and the transaction-block
// state machine PostgreSQL defines (idle, implicit transaction for a
// multi-statement query string, explicit block after BEGIN, failed block after
// an error until ROLLBACK).
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "conf/settings.hpp"
#include "engine/catalog/catalog_defs.hpp"
#include "engine/engine.hpp"
#include "engine/sql/parser/ast.hpp"
#include "engine/txn/transaction.hpp"

namespace basalt::engine {

class EngineImpl;

class Session final : public SqlSession {
 public:
  Session(EngineImpl& engine, catalog::RoleDef user, catalog::DatabaseDef database, const conf::Settings& settings);
  ~Session() override;

  void ExecuteSimple(std::string_view sql, ResultSink& sink) override;
  char TransactionStatus() const override;
  std::vector<std::pair<std::string, std::string>> ReportedSettings() const override;
  void RequestCancel() override { cancel_.store(true); }
  void Close() override;

 private:
  enum class BlockState { kIdle, kImplicit, kBlock, kFailed };

  void RunStatement(const sql::ast::Statement& stmt, std::string_view sql, bool multi, ResultSink& sink);
  void RunTransactionStmt(const sql::ast::TransactionStmt& stmt, ResultSink& sink);
  void RunSet(const sql::ast::VariableSetStmt& stmt, ResultSink& sink);
  void RunShow(const sql::ast::VariableShowStmt& stmt, ResultSink& sink);
  void RunCreateDatabase(const sql::ast::CreateDatabaseStmt& stmt, bool multi, ResultSink& sink);
  void RunDropDatabase(const sql::ast::DropDatabaseStmt& stmt, bool multi, ResultSink& sink);
  void RunQuery(const sql::ast::SelectStmt& stmt, ResultSink& sink);

  // Starts a transaction for the next statement if none is open.
  void EnsureTransaction();
  void BeginTransaction(BlockState state, const std::vector<sql::ast::TransactionOption>& options);
  void ApplyTransactionOptions(const std::vector<sql::ast::TransactionOption>& options);
  void CommitTransaction();
  void AbortTransaction();
  void SendReportChanges(ResultSink& sink);

  EngineImpl& engine_;
  catalog::RoleDef user_;
  catalog::DatabaseDef database_;
  conf::Settings settings_;
  std::unique_ptr<txn::Transaction> txn_;
  BlockState state_ = BlockState::kIdle;
  int guc_level_ = 0;
  struct NamedSavepoint {
    std::string name;
    txn::SavepointId id;
    int guc_level;
  };
  std::vector<NamedSavepoint> savepoints_;
  std::atomic<bool> cancel_{false};
  bool closed_ = false;
};

}  // namespace basalt::engine
