// Function resolution, after PostgreSQL 15's parse_func.c: func_get_detail
// (exact match first), func_match_argtypes (candidates reachable by implicit
// casts) and func_select_candidate (most exact matches, then most preferred
// types, then the categories unknown literals most plausibly belong to, then
// "assume the unknowns have the one known type"). A VARIADIC "any" entry
// matches any number of trailing arguments, each keeping its own type.
#include <functional>

#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/types/casts.hpp"

namespace basalt::engine::sql {
namespace {

struct Candidate {
  const FunctionEntry* entry;
  std::vector<Type> types;  // declared types, expanded for variadic entries
};
using Candidates = std::vector<Candidate>;

bool CanCoerce(TypeId input, TypeId target) {
  return input == target || input == TypeId::kUnknown || CanCast(input, target, CastContext::kImplicit);
}

bool CanCoerceAll(const std::vector<TypeId>& in, const Candidate& c) {
  for (size_t i = 0; i < in.size(); ++i) {
    if (!CanCoerce(in[i], c.types[i].id)) return false;
  }
  return true;
}

// Keeps the candidates with the highest score; keeps all if nobody scores.
void KeepBest(Candidates& cands, const std::function<int(const Candidate&)>& score) {
  int best = 0;
  Candidates kept;
  for (const auto& c : cands) {
    int s = score(c);
    if (s > best) {
      best = s;
      kept.clear();
    }
    if (s == best && s > 0) kept.push_back(c);
  }
  if (!kept.empty()) cands = std::move(kept);
}

const Candidate* SelectCandidate(const std::vector<TypeId>& in, Candidates& cands) {
  const size_t n = in.size();
  size_t nunknowns = 0;
  for (TypeId t : in) nunknowns += t == TypeId::kUnknown;

  KeepBest(cands, [&](const Candidate& c) {
    int m = 0;
    for (size_t i = 0; i < n; ++i) m += in[i] != TypeId::kUnknown && c.types[i].id == in[i];
    return m;
  });
  if (cands.size() == 1) return &cands[0];

  KeepBest(cands, [&](const Candidate& c) {
    int m = 0;
    for (size_t i = 0; i < n; ++i) {
      if (in[i] == TypeId::kUnknown) continue;
      TypeId t = c.types[i].id;
      if (t == in[i] || (IsPreferredType(t) && TypeCategory(t) == TypeCategory(in[i]))) ++m;
    }
    return m;
  });
  if (cands.size() == 1) return &cands[0];

  if (nunknowns > 0) {
    bool resolved = true;
    std::vector<char> slot_category(n, 0);
    std::vector<bool> slot_preferred(n, false);
    for (size_t i = 0; i < n && resolved; ++i) {
      if (in[i] != TypeId::kUnknown) continue;
      char category = 0;
      bool preferred = false, conflict = false;
      for (const auto& c : cands) {
        TypeId t = c.types[i].id;
        char cat = TypeCategory(t);
        if (category == 0) {
          category = cat;
          preferred = IsPreferredType(t);
        } else if (cat == category) {
          preferred |= IsPreferredType(t);
        } else if (cat == 'S') {
          category = 'S';
          preferred = IsPreferredType(t);
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
      for (const auto& c : cands) {
        bool keep = true;
        for (size_t i = 0; i < n && keep; ++i) {
          if (in[i] != TypeId::kUnknown) continue;
          TypeId t = c.types[i].id;
          if (TypeCategory(t) != slot_category[i]) keep = false;
          else if (slot_preferred[i] && !IsPreferredType(t)) keep = false;
        }
        if (keep) kept.push_back(c);
      }
      if (!kept.empty()) cands = std::move(kept);
      if (cands.size() == 1) return &cands[0];
    }
  }

  if (nunknowns < n) {
    std::optional<TypeId> known;
    bool same = true;
    for (TypeId t : in) {
      if (t == TypeId::kUnknown) continue;
      if (!known) known = t;
      else if (*known != t) same = false;
    }
    if (known && same) {
      std::vector<TypeId> assumed(n, *known);
      const Candidate* only = nullptr;
      int matches = 0;
      for (const auto& c : cands) {
        if (CanCoerceAll(assumed, c)) {
          only = &c;
          ++matches;
        }
      }
      if (matches == 1) return only;
    }
  }
  return nullptr;
}

FunctionResolution Found(const Candidate& c) {
  FunctionInfo info = c.entry->info;
  info.arg_types = c.types;
  return FunctionResolution{FunctionLookup::kFound, std::move(info)};
}

}  // namespace

FunctionResolution ResolveFunctionDetailed(std::string_view name, const std::vector<Type>& arg_types) {
  std::vector<TypeId> in;
  in.reserve(arg_types.size());
  for (const Type& t : arg_types) in.push_back(t.id);

  Candidates named;
  for (const FunctionEntry& e : FunctionRegistry()) {
    if (e.name != name) continue;
    const auto& declared = e.info.arg_types;
    if (e.info.variadic_any ? in.size() <= declared.size() : in.size() != declared.size()) continue;
    Candidate c{&e, declared};
    for (size_t i = declared.size(); i < in.size(); ++i) {
      c.types.push_back(in[i] == TypeId::kUnknown ? Type{TypeId::kText, -1} : arg_types[i]);
    }
    named.push_back(std::move(c));
  }
  // Exact match on every argument type (unknown matches nothing here, as in PostgreSQL).
  for (const auto& c : named) {
    bool exact = true;
    for (size_t i = 0; i < in.size() && exact; ++i) exact = c.types[i].id == in[i];
    if (exact) return Found(c);
  }
  Candidates cands;
  for (const auto& c : named) {
    if (CanCoerceAll(in, c)) cands.push_back(c);
  }
  if (cands.empty()) return {};
  if (cands.size() == 1) return Found(cands[0]);
  if (const Candidate* best = SelectCandidate(in, cands)) return Found(*best);
  return FunctionResolution{FunctionLookup::kAmbiguous, std::nullopt};
}

std::optional<FunctionInfo> ResolveFunction(std::string_view name, const std::vector<Type>& arg_types) {
  return ResolveFunctionDetailed(name, arg_types).info;
}

}  // namespace basalt::engine::sql
