// Operator resolution, after PostgreSQL 15's parse_oper.c (oper, left_oper,
// binary_oper_exact, oper_select_candidate) and parse_func.c
// (func_match_argtypes, func_select_candidate). The steps and their order are
// PostgreSQL's; comments name the step they mirror.
#include <array>
#include <functional>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/operator_catalog.hpp"
#include "engine/sql/types/enum_operators.hpp"

namespace basalt::engine::sql {
namespace {

using Kind = CandidateArg::Kind;
using Candidates = std::vector<const OperatorDef*>;

struct Inputs {
  int nargs;
  std::array<TypeId, 2> types;  // [0] left (or the prefix operand), [1] right
};

std::array<const CandidateArg*, 2> ArgsOf(const OperatorDef& d) {
  if (d.prefix) return {&d.right, nullptr};
  return {&d.left, &d.right};
}

// can_coerce_type for one argument, implicit context.
bool CanCoerce(TypeId input, const CandidateArg& target) {
  switch (target.kind) {
    case Kind::kType: return input == target.id || input == TypeId::kUnknown || CanCast(input, target.id, CastContext::kImplicit);
    case Kind::kAnyNonArray: return input != TypeId::kVoid && !IsArrayType(input) && input != TypeId::kInt2Vector && input != TypeId::kOidVector;
    case Kind::kForeign: return input == TypeId::kUnknown;
  }
  return false;
}

bool CanCoerceAll(const Inputs& in, const OperatorDef& d) {
  auto args = ArgsOf(d);
  for (int i = 0; i < in.nargs; ++i) {
    if (!CanCoerce(in.types[i], *args[i])) return false;
  }
  return true;
}

bool IsExactly(const CandidateArg& a, TypeId t) { return a.kind == Kind::kType && a.id == t && !a.polymorphic; }

// Keeps the candidates with the highest score; keeps all if nobody scores.
void KeepBest(Candidates& cands, const std::function<int(const OperatorDef&)>& score) {
  int best = 0;
  Candidates kept;
  for (const auto* c : cands) {
    int s = score(*c);
    if (s > best) {
      best = s;
      kept.clear();
    }
    if (s == best && s > 0) kept.push_back(c);
  }
  if (!kept.empty()) cands = std::move(kept);
}

// func_select_candidate. Returns the chosen candidate or nullptr (ambiguous).
const OperatorDef* SelectCandidate(const Inputs& in, Candidates cands) {
  int nunknowns = 0;
  for (int i = 0; i < in.nargs; ++i) nunknowns += in.types[i] == TypeId::kUnknown;

  // Most exact matches on known input types.
  KeepBest(cands, [&](const OperatorDef& d) {
    auto args = ArgsOf(d);
    int n = 0;
    for (int i = 0; i < in.nargs; ++i) n += in.types[i] != TypeId::kUnknown && IsExactly(*args[i], in.types[i]);
    return n;
  });
  if (cands.size() == 1) return cands[0];

  // Most exact-or-preferred matches, preferred only within the input's category.
  KeepBest(cands, [&](const OperatorDef& d) {
    auto args = ArgsOf(d);
    int n = 0;
    for (int i = 0; i < in.nargs; ++i) {
      TypeId t = in.types[i];
      if (t == TypeId::kUnknown) continue;
      const CandidateArg& a = *args[i];
      if (IsExactly(a, t) || (a.preferred && a.category == TypeCategory(t))) ++n;
    }
    return n;
  });
  if (cands.size() == 1) return cands[0];

  // Resolve unknown inputs by the categories the candidates expect there;
  // the string category wins any conflict.
  if (nunknowns > 0) {
    bool resolved = true;
    std::array<char, 2> slot_category{};
    std::array<bool, 2> slot_preferred{};
    for (int i = 0; i < in.nargs && resolved; ++i) {
      if (in.types[i] != TypeId::kUnknown) continue;
      char category = 0;
      bool preferred = false, conflict = false;
      for (const auto* c : cands) {
        const CandidateArg& a = *ArgsOf(*c)[i];
        if (category == 0) {
          category = a.category;
          preferred = a.preferred;
        } else if (a.category == category) {
          preferred |= a.preferred;
        } else if (a.category == 'S') {
          category = 'S';
          preferred = a.preferred;
        } else {
          conflict = true;
        }
      }
      if (conflict && category != 'S') resolved = false;
      slot_category[i] = category;
      slot_preferred[i] = preferred;
    }
    if (resolved) {
      Candidates kept;
      for (const auto* c : cands) {
        bool keep = true;
        auto args = ArgsOf(*c);
        for (int i = 0; i < in.nargs && keep; ++i) {
          if (in.types[i] != TypeId::kUnknown) continue;
          if (args[i]->category != slot_category[i]) keep = false;
          else if (slot_preferred[i] && !args[i]->preferred) keep = false;
        }
        if (keep) kept.push_back(c);
      }
      if (!kept.empty()) cands = std::move(kept);
      if (cands.size() == 1) return cands[0];
    }
  }

  // Last gasp: if all known inputs share one type, assume the unknowns have it too.
  if (nunknowns < in.nargs) {
    std::optional<TypeId> known;
    bool same = true;
    for (int i = 0; i < in.nargs; ++i) {
      if (in.types[i] == TypeId::kUnknown) continue;
      if (!known) known = in.types[i];
      else if (*known != in.types[i]) same = false;
    }
    if (known && same) {
      Inputs assumed{in.nargs, {*known, *known}};
      const OperatorDef* only = nullptr;
      int matches = 0;
      for (const auto* c : cands) {
        if (CanCoerceAll(assumed, *c)) {
          only = c;
          ++matches;
        }
      }
      if (matches == 1) return only;
    }
  }
  return nullptr;
}

OperatorInfo MakeInfo(const OperatorDef& d) {
  OperatorInfo info;
  info.result = d.result;
  info.left = d.prefix ? TypeId::kVoid : d.left.id;
  info.right = d.right.id;
  info.fn = d.fn;
  info.unary_fn = d.unary_fn;
  info.proc_name = d.proc_name;
  // text || anynonarray is "SELECT $1 || $2::text".
  if (d.left.kind == Kind::kAnyNonArray || d.right.kind == Kind::kAnyNonArray) {
    info.left = TypeId::kText;
    info.right = TypeId::kText;
    info.arg_cast_context = CastContext::kExplicit;
  }
  return info;
}

OperatorResolution Found(const OperatorDef& d) {
  if (d.foreign) return OperatorResolution{OperatorLookup::kNotFound, std::nullopt};
  return OperatorResolution{OperatorLookup::kFound, MakeInfo(d)};
}

}  // namespace

OperatorResolution ResolveOperatorDetailed(std::string_view op, TypeId left, TypeId right) {
  if (left == TypeId::kEnum || right == TypeId::kEnum) return ResolveEnumOperator(op, left, right);
  const bool prefix = left == TypeId::kVoid;
  Candidates named;
  for (const auto& d : OperatorCatalog()) {
    if (d.name == op && d.prefix == prefix) named.push_back(&d);
  }

  // binary_oper_exact / left_oper's exact lookup: an unknown side takes the
  // other side's type.
  TypeId l = left, r = right;
  if (!prefix) {
    if (l == TypeId::kUnknown && r != TypeId::kUnknown) l = r;
    else if (r == TypeId::kUnknown && l != TypeId::kUnknown) r = l;
  }
  for (const auto* d : named) {
    if (IsExactly(d->right, r) && (prefix || IsExactly(d->left, l))) return Found(*d);
  }

  // func_match_argtypes: candidates reachable by implicit coercion.
  Inputs in = prefix ? Inputs{1, {right, TypeId::kVoid}} : Inputs{2, {left, right}};
  Candidates cands;
  for (const auto* d : named) {
    if (CanCoerceAll(in, *d)) cands.push_back(d);
  }
  if (cands.empty()) return {};
  if (cands.size() == 1) return Found(*cands[0]);
  if (const OperatorDef* d = SelectCandidate(in, cands)) return Found(*d);
  return OperatorResolution{OperatorLookup::kAmbiguous, std::nullopt};
}

std::optional<OperatorInfo> ResolveOperator(std::string_view op, TypeId left, TypeId right) {
  return ResolveOperatorDetailed(op, left, right).info;
}

std::optional<OperatorInfo> ResolveUnaryOperator(std::string_view op, TypeId arg) {
  return ResolveOperatorDetailed(op, TypeId::kVoid, arg).info;
}

OperatorInfo ResolveOperatorOrThrow(std::string_view op, TypeId left, TypeId right) {
  OperatorResolution r = ResolveOperatorDetailed(op, left, right);
  if (r.info) return *r.info;
  std::string signature = left == TypeId::kVoid
                              ? fmt::format("{} {}", op, TypeDisplayName(right))
                              : fmt::format("{} {} {}", TypeDisplayName(left), op, TypeDisplayName(right));
  if (r.status == OperatorLookup::kAmbiguous) {
    throw DbError(SqlState::kAmbiguousFunction, "operator is not unique: " + signature)
        .WithHint("Could not choose a best candidate operator. You might need to add explicit type casts.");
  }
  throw DbError(SqlState::kUndefinedFunction, "operator does not exist: " + signature)
      .WithHint("No operator matches the given name and argument types. You might need to add explicit type casts.");
}

}  // namespace basalt::engine::sql
