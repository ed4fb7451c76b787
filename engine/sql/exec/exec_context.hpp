// engine/sql/exec/exec_context.hpp
//
// What a running statement can reach: its transaction, the catalog, parameter
// values, output formatting settings and the session's cancel flag. Executors
// call CheckCancel() between batches so a CancelRequest stops a query promptly.
#pragma once

#include <atomic>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/error/db_error.hpp"
#include "engine/sql/types/value.hpp"
#include "engine/txn/transaction.hpp"

namespace basalt::engine::sql {

struct ExecContext;

// What SQL functions may ask of the session running them (current_user,
// current_setting, set_config, ...). Implemented by engine::Session.
class SessionContext {
 public:
  virtual ~SessionContext() = default;
  virtual std::string current_user() const = 0;
  virtual std::string session_user() const = 0;
  virtual std::string database() const = 0;
  // The setting's value as SHOW prints it; nullopt if there is no such setting.
  virtual std::optional<std::string> GetSetting(std::string_view name) const = 0;
  // Applies SET (or SET LOCAL) and returns the new value; throws DbError on failure.
  virtual std::string SetSetting(std::string_view name, std::string_view value, bool is_local) = 0;
};

struct EvalContext {
  const std::vector<Value>* params = nullptr;
  int extra_float_digits = 1;
  ExecContext* exec = nullptr;               // to run subquery plans
  SessionContext* session = nullptr;         // for session functions; may be null in tests
  std::vector<const std::vector<Value>*> outer_rows;  // rows of enclosing queries, innermost last
};

struct ExecContext {
  ExecContext() { eval.exec = this; }
  ExecContext(const ExecContext&) = delete;
  ExecContext& operator=(const ExecContext&) = delete;

  txn::Transaction* txn = nullptr;
  catalog::Catalog* catalog = nullptr;
  EvalContext eval;
  const std::atomic<bool>* cancel = nullptr;

  void CheckCancel() const {
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
      throw DbError(SqlState::kQueryCanceled, "canceling statement due to user request");
    }
  }
};

}  // namespace basalt::engine::sql
