// engine/sql/exec/exec_context.hpp
//
// What a running statement can reach: its transaction, the catalog, parameter
// values, output formatting settings and the session's cancel flag. Executors
// call CheckCancel() between batches so a CancelRequest stops a query promptly.
#pragma once

#include <atomic>
#include <memory>
#include <unordered_map>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/error/db_error.hpp"
#include "engine/sql/exec/session_sequences.hpp"
#include "engine/sql/types/value.hpp"
#include "engine/txn/transaction.hpp"

namespace basalt::engine::sql {

struct ExecContext;
struct CteState;  // exec/cte_executor.hpp

// One row of pg_settings, as text (empty optional = NULL).
struct SettingRow {
  std::string name, setting, category, short_desc, context, vartype, source, boot_val, reset_val;
  std::optional<std::string> unit, min_val, max_val;
  std::vector<std::string> enumvals;  // enum settings only
};

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
  // pg_settings rows in SHOW ALL order (engine/session_catalog_info.cpp).
  virtual std::vector<SettingRow> ListSettings() const { return {}; }
  // The PID BackendKeyData reported (pg_backend_pid, pg_stat_activity.pid); 0 if none.
  virtual int32_t backend_pid() const { return 0; }
  // currval/lastval state (nullptr: no sequence functions) and the session's database OID.
  virtual SessionSequences* sequence_state() { return nullptr; }
  virtual uint32_t database_oid() const { return 0; }
  // NOTIFY and advisory locks (engine/session_notify.cpp); the defaults refuse.
  // Keys: `space` 1 for the bigint form, 2 for the (int, int) form.
  virtual void Notify(std::string_view, std::string_view) { NoSessionFeature(); }
  virtual bool AdvisoryLock(int64_t, int, bool /*shared*/, bool /*xact*/, bool /*wait*/) { NoSessionFeature(); }
  virtual bool AdvisoryUnlock(int64_t, int, bool /*shared*/) { NoSessionFeature(); }
  virtual void AdvisoryUnlockAll() { NoSessionFeature(); }

 private:
  [[noreturn]] static void NoSessionFeature() {
    throw DbError(SqlState::kFeatureNotSupported, "this function needs a client session");
  }
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
  // WITH queries of the running statement, shared by all their scans, and the
  // working tables of running recursive unions, by CTE id (cte_executor.cpp).
  std::unordered_map<int, std::shared_ptr<CteState>> cte_states;
  std::unordered_map<int, const std::vector<std::vector<Value>>*> work_tables;

  void CheckCancel() const {
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
      throw DbError(SqlState::kQueryCanceled, "canceling statement due to user request");
    }
  }
};

}  // namespace basalt::engine::sql
