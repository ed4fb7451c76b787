// pg_notify, pg_sleep and the pg_advisory_* lock functions
// (https://www.postgresql.org/docs/15/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS).
// They act on the session (engine/session_notify.cpp), so all are volatile:
// never folded at bind time.
#include <chrono>
#include <cmath>
#include <thread>

#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/functions/function_registry.hpp"

namespace basalt::engine::sql {
namespace {

const Type kText{TypeId::kText, -1};
const Type kInt4{TypeId::kInt4, -1};
const Type kInt8{TypeId::kInt8, -1};
const Type kFloat8{TypeId::kFloat8, -1};
const Type kBool{TypeId::kBool, -1};
const Type kVoidT{TypeId::kVoid, -1};

SessionContext& Session(EvalContext& ctx) {
  if (ctx.session == nullptr) throw DbError(SqlState::kFeatureNotSupported, "this function needs a client session");
  return *ctx.session;
}

Value Void() { return Value::String(std::string()); }

Value PgNotify(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext& ctx) {
  std::string channel = a[0].is_null() ? std::string() : a[0].as_string();
  std::string payload = a[1].is_null() ? std::string() : a[1].as_string();
  Session(ctx).Notify(channel, payload);
  return Void();
}

Value PgSleep(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext& ctx) {
  double secs = a[0].as_float();
  if (!(secs > 0)) return Void();
  using namespace std::chrono;
  auto end = steady_clock::now() + duration_cast<steady_clock::duration>(duration<double>(std::min(secs, 1e9)));
  const std::atomic<bool>* cancel = ctx.exec ? ctx.exec->cancel : nullptr;
  // Sleep in short slices so a CancelRequest ends it within milliseconds.
  for (;;) {
    if (cancel != nullptr && cancel->load()) {
      throw DbError(SqlState::kQueryCanceled, "canceling statement due to user request");
    }
    auto now = steady_clock::now();
    if (now >= end) break;
    std::this_thread::sleep_for(std::min<steady_clock::duration>(end - now, milliseconds(5)));
  }
  return Void();
}

// Key of the (bigint) or (int, int) form.
std::pair<int64_t, int> LockKey(std::span<const Value> a) {
  if (a.size() == 1) return {a[0].as_int(), 1};
  uint64_t hi = static_cast<uint32_t>(a[0].as_int());
  uint64_t lo = static_cast<uint32_t>(a[1].as_int());
  return {static_cast<int64_t>((hi << 32) | lo), 2};
}

template <bool kShared, bool kXact, bool kWait>
Value Lock(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext& ctx) {
  auto [key, space] = LockKey(a);
  bool got = Session(ctx).AdvisoryLock(key, space, kShared, kXact, kWait);
  if constexpr (kWait) {
    return Void();
  } else {
    return Value::Bool(got);
  }
}

template <bool kShared>
Value Unlock(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext& ctx) {
  auto [key, space] = LockKey(a);
  return Value::Bool(Session(ctx).AdvisoryUnlock(key, space, kShared));
}

Value UnlockAll(std::span<const Value>, const std::vector<Type>&, Type, EvalContext& ctx) {
  Session(ctx).AdvisoryUnlockAll();
  return Void();
}

FunctionInfo Volatile(std::vector<Type> args, Type result, ScalarFn fn, bool strict = true) {
  FunctionInfo info{std::move(args), result, fn, strict};
  info.is_volatile = true;
  return info;
}

template <bool kShared, bool kXact, bool kWait>
void AddLock(std::vector<FunctionEntry>& out, std::string_view name) {
  Type result = kWait ? kVoidT : kBool;
  out.push_back({name, Volatile({kInt8}, result, &Lock<kShared, kXact, kWait>)});
  out.push_back({name, Volatile({kInt4, kInt4}, result, &Lock<kShared, kXact, kWait>)});
}

}  // namespace

void RegisterSessionControlFunctions(std::vector<FunctionEntry>& out) {
  out.push_back({"pg_notify", Volatile({kText, kText}, kVoidT, &PgNotify, /*strict=*/false)});
  out.push_back({"pg_sleep", Volatile({kFloat8}, kVoidT, &PgSleep)});
  AddLock<false, false, true>(out, "pg_advisory_lock");
  AddLock<true, false, true>(out, "pg_advisory_lock_shared");
  AddLock<false, false, false>(out, "pg_try_advisory_lock");
  AddLock<true, false, false>(out, "pg_try_advisory_lock_shared");
  AddLock<false, true, true>(out, "pg_advisory_xact_lock");
  AddLock<true, true, true>(out, "pg_advisory_xact_lock_shared");
  AddLock<false, true, false>(out, "pg_try_advisory_xact_lock");
  AddLock<true, true, false>(out, "pg_try_advisory_xact_lock_shared");
  out.push_back({"pg_advisory_unlock", Volatile({kInt8}, kBool, &Unlock<false>)});
  out.push_back({"pg_advisory_unlock", Volatile({kInt4, kInt4}, kBool, &Unlock<false>)});
  out.push_back({"pg_advisory_unlock_shared", Volatile({kInt8}, kBool, &Unlock<true>)});
  out.push_back({"pg_advisory_unlock_shared", Volatile({kInt4, kInt4}, kBool, &Unlock<true>)});
  out.push_back({"pg_advisory_unlock_all", Volatile({}, kVoidT, &UnlockAll)});
}

}  // namespace basalt::engine::sql
