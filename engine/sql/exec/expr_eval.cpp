#include "engine/sql/exec/expr_eval.hpp"

#include <deque>

#include <fmt/format.h>

#include "engine/sql/exec/array_eval.hpp"
#include "engine/sql/types/casts.hpp"
#include "engine/sql/types/compare.hpp"

namespace basalt::engine::sql {
Value EvalSqlFunctionCall(const BoundExpr& e, const Row& row, EvalContext& ctx);  // sql_function_eval.cpp
namespace {

const Value kNull;
Value EvalSubquery(const BoundExpr& e, const Row& row, EvalContext& ctx);

Value EvalMinMax(const BoundExpr& e, const Row& row, EvalContext& ctx, bool greatest) {
  Value best;
  for (const auto& a : e.args) {
    Value v = Evaluate(*a, row, ctx);
    if (v.is_null()) continue;  // GREATEST/LEAST ignore NULLs
    if (best.is_null()) {
      best = std::move(v);
      continue;
    }
    int c = Compare(v, best, e.type.id);
    if (greatest ? c > 0 : c < 0) best = std::move(v);
  }
  return best;
}

// Decodes one UTF-8 character starting at s[i]; returns its byte length.
size_t Utf8Len(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

char FoldAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

enum class LikeResult { kFalse, kTrue, kAbort };

[[noreturn]] void LikeEndsWithEscape() {
  throw DbError(SqlState::kInvalidEscapeSequence, "LIKE pattern must not end with escape character");
}

// PostgreSQL's MatchText (like_match.c): kAbort means no match is possible
// for any later start position either, which keeps "%a%a%a...b" linear-ish
// instead of exponential.
LikeResult LikeRec(std::string_view t, size_t ti, std::string_view p, size_t pi, bool ci, int esc) {
  auto same = [ci](char a, char b) { return ci ? FoldAscii(a) == FoldAscii(b) : a == b; };
  auto is_esc = [esc](char c) { return esc >= 0 && static_cast<unsigned char>(c) == esc; };
  if (p.size() - pi == 1 && p[pi] == '%') return LikeResult::kTrue;
  while (ti < t.size() && pi < p.size()) {
    char pc = p[pi];
    if (is_esc(pc)) {
      if (++pi >= p.size()) LikeEndsWithEscape();
      if (!same(p[pi], t[ti])) return LikeResult::kFalse;
    } else if (pc == '%') {
      ++pi;
      while (pi < p.size()) {
        if (p[pi] == '%') {
          ++pi;
        } else if (p[pi] == '_') {
          if (ti >= t.size()) return LikeResult::kAbort;
          ti += Utf8Len(static_cast<unsigned char>(t[ti]));
          ++pi;
        } else {
          break;
        }
      }
      if (pi >= p.size()) return LikeResult::kTrue;
      char first;
      if (is_esc(p[pi])) {
        if (pi + 1 >= p.size()) LikeEndsWithEscape();
        first = p[pi + 1];
      } else {
        first = p[pi];
      }
      while (ti < t.size()) {
        if (same(t[ti], first)) {
          LikeResult r = LikeRec(t, ti, p, pi, ci, esc);
          if (r != LikeResult::kFalse) return r;
        }
        ti += Utf8Len(static_cast<unsigned char>(t[ti]));
      }
      return LikeResult::kAbort;
    } else if (pc == '_') {
      ti += Utf8Len(static_cast<unsigned char>(t[ti]));
      ++pi;
      continue;
    } else if (!same(pc, t[ti])) {
      return LikeResult::kFalse;
    }
    ++pi;
    ++ti;
  }
  if (ti < t.size()) return LikeResult::kFalse;
  while (pi < p.size() && p[pi] == '%') ++pi;
  return pi >= p.size() ? LikeResult::kTrue : LikeResult::kAbort;
}

// Runs a subquery plan with `row` as its innermost outer row.
Value EvalSubquery(const BoundExpr& e, const Row& row, EvalContext& ctx) {
  // A scalar sublink with arguments is a SQL function call (sql_function_binder.hpp).
  if (e.subquery_kind == SubqueryKind::kScalar && !e.args.empty()) return EvalSqlFunctionCall(e, row, ctx);
  Value test;
  if (e.subquery_kind == SubqueryKind::kAny || e.subquery_kind == SubqueryKind::kAll) {
    test = Evaluate(*e.args[0], row, ctx);
  }
  struct OuterGuard {
    EvalContext& ctx;
    ~OuterGuard() { ctx.outer_rows.pop_back(); }
  };
  ctx.outer_rows.push_back(&row);
  OuterGuard guard{ctx};
  ExecutorPtr exec = BuildExecutor(*e.subplan, *ctx.exec);
  RowBatch batch;
  switch (e.subquery_kind) {
    case SubqueryKind::kExists:
      return Value::Bool(exec->Next(batch));
    case SubqueryKind::kArray:
      return CollectArray(*exec);
    case SubqueryKind::kScalar: {
      Value result;
      size_t seen = 0;
      while (exec->Next(batch)) {
        seen += batch.size();
        if (seen > 1) {
          throw DbError(SqlState::kCardinalityViolation, "more than one row returned by a subquery used as an expression");
        }
        result = batch.rows[0][0];
      }
      return result;
    }
    case SubqueryKind::kAny:
    case SubqueryKind::kAll: {
      bool any = e.subquery_kind == SubqueryKind::kAny;
      bool saw_null = false;
      while (exec->Next(batch)) {
        for (const Row& r : batch.rows) {
          if (test.is_null() || r[0].is_null()) {
            saw_null = true;
            continue;
          }
          bool match = e.binary_fn(test, r[0]).as_bool();
          if (any && match) return Value::Bool(true);
          if (!any && !match) return Value::Bool(false);
        }
      }
      if (saw_null) return Value::Null();
      return Value::Bool(!any);
    }
  }
  return Value::Null();
}

}  // namespace

bool LikeMatch(std::string_view text, std::string_view pattern, bool case_insensitive, int escape_char) {
  return LikeRec(text, 0, pattern, 0, case_insensitive, escape_char) == LikeResult::kTrue;
}

Value Evaluate(const BoundExpr& e, const Row& row, EvalContext& ctx) {
  switch (e.kind) {
    case BoundKind::kConst:
      return e.value;
    case BoundKind::kColumn:
      return row[e.index];
    case BoundKind::kParam:
      if (ctx.params == nullptr || e.index >= static_cast<int>(ctx.params->size())) {
        throw DbError(SqlState::kUndefinedParameter, fmt::format("there is no parameter ${}", e.index + 1));
      }
      return (*ctx.params)[e.index];
    case BoundKind::kBinary: {
      Value l = Evaluate(*e.args[0], row, ctx);
      if (l.is_null()) return kNull;
      Value r = Evaluate(*e.args[1], row, ctx);
      if (r.is_null()) return kNull;
      return e.binary_fn(l, r);
    }
    case BoundKind::kUnary: {
      Value v = Evaluate(*e.args[0], row, ctx);
      if (v.is_null()) return v;
      return e.unary_fn(v);
    }
    case BoundKind::kFunction: {
      // No per-row allocation for the common small calls: arguments live on the
      // stack, and the argument type list reuses a per-thread buffer.
      constexpr size_t kInline = 8;
      Value inline_vals[kInline];
      std::vector<Value> heap_vals;
      const size_t n = e.args.size();
      Value* vals = inline_vals;
      if (n > kInline) {
        heap_vals.resize(n);
        vals = heap_vals.data();
      }
      for (size_t i = 0; i < n; ++i) {
        vals[i] = Evaluate(*e.args[i], row, ctx);
        if (e.strict && vals[i].is_null()) return kNull;
      }
      // One buffer per nesting depth (a function may evaluate expressions, e.g.
      // a SQL-language function's body); a deque keeps references stable.
      thread_local std::deque<std::vector<Type>> type_buffers;
      thread_local size_t depth = 0;
      if (type_buffers.size() <= depth) type_buffers.emplace_back();
      std::vector<Type>& arg_types = type_buffers[depth];
      arg_types.clear();
      for (const auto& a : e.args) arg_types.push_back(a->type);
      struct DepthGuard {
        size_t& d;
        ~DepthGuard() { --d; }
      } guard{++depth};
      return e.scalar_fn(std::span<const Value>(vals, n), arg_types, e.type, ctx);
    }
    case BoundKind::kCast: {
      Value v = Evaluate(*e.args[0], row, ctx);
      if (v.is_null()) return v;
      return Cast(v, e.cast_from, e.type, static_cast<CastContext>(e.cast_context));
    }
    case BoundKind::kAnd: {
      bool saw_null = false;
      for (const auto& a : e.args) {
        Value v = Evaluate(*a, row, ctx);
        if (v.is_null()) {
          saw_null = true;
        } else if (!v.as_bool()) {
          return Value::Bool(false);
        }
      }
      return saw_null ? kNull : Value::Bool(true);
    }
    case BoundKind::kOr: {
      bool saw_null = false;
      for (const auto& a : e.args) {
        Value v = Evaluate(*a, row, ctx);
        if (v.is_null()) {
          saw_null = true;
        } else if (v.as_bool()) {
          return Value::Bool(true);
        }
      }
      return saw_null ? kNull : Value::Bool(false);
    }
    case BoundKind::kNot: {
      Value v = Evaluate(*e.args[0], row, ctx);
      if (v.is_null()) return v;
      return Value::Bool(!v.as_bool());
    }
    case BoundKind::kIsNull: {
      bool is_null = Evaluate(*e.args[0], row, ctx).is_null();
      return Value::Bool(e.negated ? !is_null : is_null);
    }
    case BoundKind::kBoolTest: {
      Value v = Evaluate(*e.args[0], row, ctx);
      bool r = false;
      switch (e.bool_test) {
        case BoolTest::kTrue: r = !v.is_null() && v.as_bool(); break;
        case BoolTest::kFalse: r = !v.is_null() && !v.as_bool(); break;
        case BoolTest::kUnknown: r = v.is_null(); break;
      }
      return Value::Bool(e.negated ? !r : r);
    }
    case BoundKind::kCase: {
      size_t pairs = (e.args.size() - (e.has_else ? 1 : 0)) / 2;
      for (size_t i = 0; i < pairs; ++i) {
        if (EvaluatePredicate(*e.args[2 * i], row, ctx)) return Evaluate(*e.args[2 * i + 1], row, ctx);
      }
      if (e.has_else) return Evaluate(*e.args.back(), row, ctx);
      return kNull;
    }
    case BoundKind::kCoalesce:
      for (const auto& a : e.args) {
        Value v = Evaluate(*a, row, ctx);
        if (!v.is_null()) return v;
      }
      return kNull;
    case BoundKind::kNullIf: {
      Value l = Evaluate(*e.args[0], row, ctx);
      if (l.is_null()) return l;
      Value r = Evaluate(*e.args[1], row, ctx);
      if (!r.is_null() && e.binary_fn(l, r).as_bool()) return kNull;
      return l;
    }
    case BoundKind::kGreatest:
      return EvalMinMax(e, row, ctx, true);
    case BoundKind::kLeast:
      return EvalMinMax(e, row, ctx, false);
    case BoundKind::kInList: {
      Value l = Evaluate(*e.args[0], row, ctx);
      if (l.is_null()) return kNull;
      bool saw_null = false;
      for (size_t i = 1; i < e.args.size(); ++i) {
        Value r = Evaluate(*e.args[i], row, ctx);
        if (r.is_null()) {
          saw_null = true;
          continue;
        }
        if (e.binary_fn(l, r).as_bool()) return Value::Bool(!e.negated);
      }
      if (saw_null) return kNull;
      return Value::Bool(e.negated);
    }
    case BoundKind::kLike: {
      Value t = Evaluate(*e.args[0], row, ctx);
      if (t.is_null()) return kNull;
      Value p = Evaluate(*e.args[1], row, ctx);
      if (p.is_null()) return kNull;
      int esc = '\\';
      if (e.args.size() > 2) {
        Value ev = Evaluate(*e.args[2], row, ctx);
        if (ev.is_null()) return kNull;
        const std::string& es = ev.as_string();
        if (es.empty()) {
          esc = -1;
        } else if (es.size() == 1) {
          esc = static_cast<unsigned char>(es[0]);
        } else {
          throw DbError(SqlState::kInvalidEscapeSequence, "invalid escape string")
              .WithHint("Escape string must be empty or one character.");
        }
      }
      bool m = LikeMatch(t.as_string(), p.as_string(), e.case_insensitive, esc);
      return Value::Bool(e.negated ? !m : m);
    }
    case BoundKind::kDistinctFrom: {
      Value l = Evaluate(*e.args[0], row, ctx);
      Value r = Evaluate(*e.args[1], row, ctx);
      bool distinct;
      if (l.is_null() || r.is_null()) {
        distinct = l.is_null() != r.is_null();
      } else {
        distinct = !e.binary_fn(l, r).as_bool();
      }
      return Value::Bool(e.negated ? !distinct : distinct);
    }
    case BoundKind::kOuterColumn: {
      size_t n = ctx.outer_rows.size();
      if (e.depth <= 0 || static_cast<size_t>(e.depth) > n) break;
      return (*ctx.outer_rows[n - e.depth])[e.index];
    }
    case BoundKind::kSubquery:
      return EvalSubquery(e, row, ctx);
    case BoundKind::kArrayCompare:
      return EvalArrayCompare(e, Evaluate(*e.args[0], row, ctx), Evaluate(*e.args[1], row, ctx));
    case BoundKind::kAggRef:
    case BoundKind::kSrfRef:
    case BoundKind::kWindowRef:
      break;
  }
  throw DbError(SqlState::kInternalError, "unexpected expression kind in evaluation");
}

}  // namespace basalt::engine::sql
