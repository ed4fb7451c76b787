// nextval, currval, setval and lastval: PostgreSQL's sequence functions
// (src/backend/commands/sequence.c). Their arguments name the sequence by text
// or regclass; the running state lives in catalog::SequenceStore, the
// per-session part (currval, lastval, the CACHE > 1 values) in SessionSequences.
#include <fmt/format.h>

#include "engine/catalog/relation_resolver.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/types/regclass.hpp"

namespace basalt::engine::sql {
namespace {

struct SeqRef {
  catalog::TableDef def;
  SessionSequences* session;
  catalog::SequenceStore* store;
};

SeqRef Resolve(const Value& arg, TypeId arg_type, EvalContext& ctx) {
  if (ctx.exec == nullptr || ctx.exec->txn == nullptr || ctx.session == nullptr ||
      ctx.session->sequence_state() == nullptr) {
    throw DbError(SqlState::kInternalError, "sequence functions need a session");
  }
  SessionContext& session = *ctx.session;
  catalog::Catalog& cat = *ctx.exec->catalog;
  txn::Transaction& txn = *ctx.exec->txn;
  uint32_t oid = PhysicalKindOf(arg_type) == PhysicalKind::kInt ? static_cast<uint32_t>(arg.as_int())
                                                               : RegclassIn(arg.as_string());
  std::optional<catalog::TableDef> def;
  SessionSequences& ss = *session.sequence_state();
  auto hint = ss.names.find(oid);
  if (hint != ss.names.end()) {
    def = cat.FindTable(txn, session.database_oid(), catalog::kPublicNamespaceOid, hint->second);
    if (def && def->oid != oid) def.reset();
  }
  if (!def) def = catalog::FindRelationByOid(cat, txn, session.database_oid(), oid);
  if (!def) throw DbError(SqlState::kUndefinedTable, fmt::format("could not open relation with OID {}", oid));
  if (def->relkind != 'S' || !def->sequence) {
    throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a sequence", def->name));
  }
  ss.names[oid] = def->name;
  return SeqRef{std::move(*def), &ss, &cat.sequences()};
}

Value NextVal(std::span<const Value> a, const std::vector<Type>& types, Type, EvalContext& ctx) {
  SeqRef s = Resolve(a[0], types[0].id, ctx);
  ctx.exec->txn->CheckWritable("nextval()");
  SessionSequences::Entry& e = s.session->by_oid[s.def.oid];
  s.session->last_used = s.def.oid;
  if (e.last_valid && e.last != e.cached) {
    // A value fetched into this session's cache by an earlier call (CACHE > 1).
    e.last += e.increment;
    return Value::Int(e.last);
  }
  catalog::SequenceFetch f = s.store->Fetch(s.def.oid, s.def.name, *s.def.sequence);
  e.last = f.result;
  e.cached = f.last;
  e.increment = s.def.sequence->increment;
  e.last_valid = true;
  return Value::Int(f.result);
}

Value CurrVal(std::span<const Value> a, const std::vector<Type>& types, Type, EvalContext& ctx) {
  SeqRef s = Resolve(a[0], types[0].id, ctx);
  auto it = s.session->by_oid.find(s.def.oid);
  if (it == s.session->by_oid.end() || !it->second.last_valid) {
    throw DbError(SqlState::kObjectNotInPrerequisiteState,
                  fmt::format("currval of sequence \"{}\" is not yet defined in this session", s.def.name));
  }
  return Value::Int(it->second.last);
}

Value LastVal(std::span<const Value>, const std::vector<Type>&, Type, EvalContext& ctx) {
  SessionSequences* ss = ctx.session ? ctx.session->sequence_state() : nullptr;
  if (ss == nullptr || ss->last_used == 0) {
    throw DbError(SqlState::kObjectNotInPrerequisiteState, "lastval is not yet defined in this session");
  }
  auto it = ss->by_oid.find(ss->last_used);
  // The sequence may have been dropped since.
  if (it == ss->by_oid.end() || !it->second.last_valid || !ctx.exec ||
      !catalog::FindRelationByOid(*ctx.exec->catalog, *ctx.exec->txn, ctx.session->database_oid(), ss->last_used)) {
    throw DbError(SqlState::kObjectNotInPrerequisiteState, "lastval is not yet defined in this session");
  }
  return Value::Int(it->second.last);
}

Value SetVal(std::span<const Value> a, const std::vector<Type>& types, Type, EvalContext& ctx) {
  SeqRef s = Resolve(a[0], types[0].id, ctx);
  ctx.exec->txn->CheckWritable("setval()");
  int64_t next = a[1].as_int();
  bool is_called = a.size() < 3 || a[2].as_bool();
  const catalog::SequenceDef& q = *s.def.sequence;
  if (next < q.min_value || next > q.max_value) {
    throw DbError(SqlState::kNumericValueOutOfRange,
                  fmt::format("setval: value {} is out of bounds for sequence \"{}\" ({}..{})", next, s.def.name,
                              q.min_value, q.max_value));
  }
  s.store->Set(s.def.oid, q, next, is_called);
  SessionSequences::Entry& e = s.session->by_oid[s.def.oid];
  if (is_called) {
    e.last = next;
    e.last_valid = true;
  }
  e.cached = e.last;  // forget values cached before
  return Value::Int(next);
}

}  // namespace

void RegisterSequenceFunctions(std::vector<FunctionEntry>& out) {
  const Type regclass{TypeId::kRegclass, -1};
  const Type int8{TypeId::kInt8, -1};
  const Type boolean{TypeId::kBool, -1};
  auto add = [&](std::string_view name, std::vector<Type> args, ScalarFn fn) {
    FunctionInfo info;
    info.arg_types = std::move(args);
    info.result = int8;
    info.fn = fn;
    info.is_volatile = true;
    out.push_back(FunctionEntry{name, std::move(info)});
  };
  for (Type rel : {regclass}) {
    add("nextval", {rel}, &NextVal);
    add("currval", {rel}, &CurrVal);
    add("setval", {rel, int8}, &SetVal);
    add("setval", {rel, int8, boolean}, &SetVal);
  }
  add("lastval", {}, &LastVal);
}

}  // namespace basalt::engine::sql
