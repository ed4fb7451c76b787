// Access-path choice for a table scan. The conjuncts of the scan's filter
// that compare a key column (or an indexed expression) with a constant narrow
// what the scan reads: a primary-key range of the `rows` family (a point
// lookup when every key column is fixed by equality), or ranges of one
// secondary index (equality and IN-lists on a prefix of its keys, then a range
// on the next one). The filter stays on the scan, so every range only has to
// be a superset of the matching rows.
//
// There are no table statistics yet, so the estimate is relative: each key
// column fixed by equality keeps 1/200 of the rows, a range keeps 1/4, and a
// row read through a secondary index costs twice a row read in key order.
#include <algorithm>
#include <optional>

#include "engine/catalog/index_keys.hpp"
#include "engine/catalog/row_codec.hpp"
#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/table_expr.hpp"
#include "engine/storage/key_encoder.hpp"

namespace basalt::engine::sql {
namespace {

constexpr double kEqSelectivity = 1.0 / 200;
constexpr double kRangeSelectivity = 0.25;
constexpr double kIndexRowCost = 2.0;
constexpr size_t kMaxRanges = 1000;

struct Bound {
  const Value* value = nullptr;
  bool inclusive = true;
};

// What the filter says about one key (a column or an expression).
struct KeyBounds {
  std::vector<const Value*> eq;  // one value (=) or an IN-list; empty = not fixed
  bool has_eq = false;
  std::optional<Bound> lower;
  std::optional<Bound> upper;
};

struct Comparison {
  const BoundExpr* lhs;
  std::string op;  // "=", "<", "<=", ">", ">=", "in"
  std::vector<const Value*> values;
  TypeId value_type;
};

void CollectConjuncts(const BoundExpr& e, std::vector<const BoundExpr*>& out) {
  if (e.kind == BoundKind::kAnd) {
    for (const auto& a : e.args) CollectConjuncts(*a, out);
  } else {
    out.push_back(&e);
  }
}

std::string Successor(std::string key) {
  while (!key.empty()) {
    unsigned char last = static_cast<unsigned char>(key.back());
    if (last != 0xFF) {
      key.back() = static_cast<char>(last + 1);
      return key;
    }
    key.pop_back();
  }
  return key;
}

// Only when the constant is stored exactly as the key encoding would store
// it (same physical kind; bpchar compares ignoring padding).
bool EncodableAs(TypeId key_type, TypeId value_type) {
  return PhysicalKindOf(key_type) == PhysicalKindOf(value_type) && key_type != TypeId::kBpchar &&
         value_type != TypeId::kBpchar && (key_type == TypeId::kNumeric) == (value_type == TypeId::kNumeric);
}

std::vector<Comparison> CollectComparisons(const std::vector<const BoundExpr*>& conjuncts) {
  std::vector<Comparison> out;
  for (const BoundExpr* c : conjuncts) {
    if (c->kind == BoundKind::kInList && !c->negated && c->args.size() >= 2) {
      Comparison cmp{c->args[0].get(), "in", {}, c->args[1]->type.id};
      bool ok = true;
      for (size_t i = 1; i < c->args.size() && ok; ++i) {
        const BoundExpr& v = *c->args[i];
        ok = v.kind == BoundKind::kConst && v.type.id == cmp.value_type;
        if (ok && !v.value.is_null()) cmp.values.push_back(&v.value);
      }
      if (ok) out.push_back(std::move(cmp));
      continue;
    }
    if (c->kind != BoundKind::kBinary || c->args.size() != 2) continue;
    const BoundExpr* lhs = c->args[0].get();
    const BoundExpr* val = c->args[1].get();
    std::string op = c->name;
    if (op != "=" && op != "<" && op != "<=" && op != ">" && op != ">=") continue;
    if (val->kind != BoundKind::kConst) {
      std::swap(lhs, val);
      // Mirror the comparison: 5 < x is x > 5.
      if (op == "<") op = ">";
      else if (op == ">") op = "<";
      else if (op == "<=") op = ">=";
      else if (op == ">=") op = "<=";
    }
    if (val->kind != BoundKind::kConst || lhs->kind == BoundKind::kConst) continue;
    if (val->value.is_null()) continue;
    out.push_back(Comparison{lhs, op, {&val->value}, val->type.id});
  }
  return out;
}

// Bounds on the key `column` (>= 0) or `expr` of type `key_type`.
KeyBounds BoundsFor(const std::vector<Comparison>& cmps, int column, const BoundExpr* expr, TypeId key_type) {
  KeyBounds b;
  for (const Comparison& c : cmps) {
    bool match = column >= 0 ? (c.lhs->kind == BoundKind::kColumn && c.lhs->index == column)
                             : (expr != nullptr && SameExpr(*c.lhs, *expr));
    if (!match || !EncodableAs(key_type, c.value_type)) continue;
    if (c.op == "=" || c.op == "in") {
      // Two equalities: keep the shorter list (both must hold anyway).
      if (!b.has_eq || c.values.size() < b.eq.size()) b.eq = c.values;
      b.has_eq = true;
    } else if (c.op == ">" || c.op == ">=") {
      b.lower = Bound{c.values[0], c.op == ">="};
    } else {
      b.upper = Bound{c.values[0], c.op == "<="};
    }
  }
  return b;
}

struct IndexChoice {
  double cost = 0;
  std::vector<TableScanPlan::IndexRange> ranges;
};

// The ranges of `ix` the filter allows, or nullopt if the index does not help.
std::optional<IndexChoice> PlanIndex(const catalog::TableDef& table, const catalog::IndexDef& ix,
                                     const std::vector<Comparison>& cmps,
                                     const std::vector<const BoundExpr*>& conjuncts) {
  if (ix.is_partial()) {
    // Usable only when every conjunct of the predicate is one of the filter's.
    BoundExprPtr pred = BindTableExprSql(table, ix.predicate_sql, "index predicate");
    std::vector<const BoundExpr*> needed;
    CollectConjuncts(*pred, needed);
    for (const BoundExpr* n : needed) {
      bool found = std::any_of(conjuncts.begin(), conjuncts.end(), [&](const BoundExpr* c) { return SameExpr(*c, *n); });
      if (!found) return std::nullopt;
    }
  }
  std::vector<std::string> prefixes{catalog::IndexKeyPrefix(ix.oid)};
  double rows = 1.0;
  size_t fixed = 0;
  std::optional<KeyBounds> range;
  const catalog::IndexKey* range_key = nullptr;
  TypeId range_type = TypeId::kBool;
  for (const catalog::IndexKey& key : ix.keys) {
    BoundExprPtr expr;
    TypeId type;
    if (key.column >= 0) {
      type = table.columns[key.column].type.id;
    } else {
      expr = BindTableExprSql(table, key.expr_sql, "index expressions");
      type = expr->type.id;
    }
    KeyBounds b = BoundsFor(cmps, key.column, expr.get(), type);
    if (b.has_eq) {
      if (prefixes.size() * std::max<size_t>(b.eq.size(), 1) > kMaxRanges) break;
      std::vector<std::string> next;
      for (const std::string& p : prefixes) {
        for (const Value* v : b.eq) {
          std::string k = p;
          catalog::AppendIndexKeyValue(k, *v, type, key.descending, key.nulls_first);
          next.push_back(std::move(k));
        }
      }
      prefixes = std::move(next);
      rows *= kEqSelectivity * static_cast<double>(std::max<size_t>(b.eq.size(), 1));
      ++fixed;
      continue;
    }
    if (b.lower || b.upper) {
      range = b;
      range_key = &key;
      range_type = type;
      rows *= kRangeSelectivity;
    }
    break;
  }
  if (fixed == 0 && !range) return std::nullopt;
  if (ix.unique && fixed == ix.keys.size()) rows = std::min(rows, 1e-9 * static_cast<double>(prefixes.size()));

  std::sort(prefixes.begin(), prefixes.end());
  prefixes.erase(std::unique(prefixes.begin(), prefixes.end()), prefixes.end());
  IndexChoice choice;
  choice.cost = rows * kIndexRowCost;
  for (const std::string& p : prefixes) {
    TableScanPlan::IndexRange r{p, Successor(p)};
    if (range) {
      // Comparisons never match NULL: read only the non-NULL entries.
      const char not_null = static_cast<char>(storage::key_marker::kNotNull);
      r.begin = p + not_null;
      r.end = p + static_cast<char>(not_null + 1);
      const bool desc = range_key->descending;
      auto encode = [&](const Bound& b) {
        std::string k = p;
        catalog::AppendIndexKeyValue(k, *b.value, range_type, desc, range_key->nulls_first);
        return k;
      };
      // In key order a DESC column's lower bound is an upper one.
      const std::optional<Bound>& first = desc ? range->upper : range->lower;
      const std::optional<Bound>& last = desc ? range->lower : range->upper;
      if (first) r.begin = first->inclusive ? encode(*first) : Successor(encode(*first));
      if (last) r.end = last->inclusive ? Successor(encode(*last)) : encode(*last);
    }
    choice.ranges.push_back(std::move(r));
  }
  return choice;
}

}  // namespace

void PushKeyRange(TableScanPlan& scan) {
  const catalog::TableDef& table = scan.table;
  scan.begin_key = catalog::RowKeyPrefix(table.oid);
  scan.end_key = catalog::RowKeyPrefixEnd(table.oid);
  if (!scan.filter) return;

  std::vector<const BoundExpr*> conjuncts;
  CollectConjuncts(*scan.filter, conjuncts);
  std::vector<Comparison> cmps = CollectComparisons(conjuncts);
  if (cmps.empty()) return;

  // The primary-key range, and its estimated share of the table.
  double pk_cost = 1.0;
  if (table.has_primary_key()) {
    std::string prefix = catalog::RowKeyPrefix(table.oid);
    size_t fixed = 0;
    for (int col : table.primary_key) {
      TypeId type = table.columns[col].type.id;
      KeyBounds b = BoundsFor(cmps, col, nullptr, type);
      if (!b.has_eq || b.eq.size() != 1) break;
      catalog::AppendKeyValue(prefix, *b.eq[0], type);
      ++fixed;
      pk_cost *= kEqSelectivity;
    }
    if (fixed == table.primary_key.size()) {
      scan.point_key = prefix;
      return;
    }
    scan.begin_key = prefix;
    scan.end_key = Successor(prefix);
    int next = table.primary_key[fixed];
    TypeId next_type = table.columns[next].type.id;
    KeyBounds b = BoundsFor(cmps, next, nullptr, next_type);
    if (b.lower) {
      std::string k = prefix;
      catalog::AppendKeyValue(k, *b.lower->value, next_type);
      scan.begin_key = b.lower->inclusive ? k : Successor(k);
    }
    if (b.upper) {
      std::string k = prefix;
      catalog::AppendKeyValue(k, *b.upper->value, next_type);
      scan.end_key = b.upper->inclusive ? Successor(k) : k;
    }
    if (b.lower || b.upper) pk_cost *= kRangeSelectivity;
  }

  std::optional<IndexChoice> best;
  const catalog::IndexDef* best_index = nullptr;
  for (const catalog::IndexDef& ix : table.indexes) {
    auto choice = PlanIndex(table, ix, cmps, conjuncts);
    if (choice && choice->cost < pk_cost && (!best || choice->cost < best->cost)) {
      best = std::move(choice);
      best_index = &ix;
    }
  }
  if (best) {
    scan.index_oid = best_index->oid;
    scan.index_name = best_index->name;
    scan.index_ranges = std::move(best->ranges);
  }
}

}  // namespace basalt::engine::sql

namespace basalt::engine::sql {
namespace {

// The scan column or index expression that sort key `k` orders by, when the
// projection below the sort passes it through unchanged.
const BoundExpr* SortExpr(const ProjectPlan& project, const SortKey& k) {
  if (k.column < 0 || static_cast<size_t>(k.column) >= project.exprs.size()) return nullptr;
  return project.exprs[k.column].get();
}

bool KeyMatches(const catalog::TableDef& table, const catalog::IndexKey& key, const BoundExpr& e) {
  if (key.column >= 0) return e.kind == BoundKind::kColumn && e.index == key.column;
  BoundExprPtr bound = BindTableExprSql(table, key.expr_sql, "index expressions");
  return SameExpr(*bound, e);
}

// Index keys fixed to one value by the scan's filter (they may be skipped in
// the requested order).
bool FixedByEquality(const TableScanPlan& scan, const catalog::IndexKey& key) {
  if (!scan.filter || key.column < 0) return false;
  std::vector<const BoundExpr*> conjuncts;
  CollectConjuncts(*scan.filter, conjuncts);
  for (const Comparison& c : CollectComparisons(conjuncts)) {
    if (c.op == "=" && c.lhs->kind == BoundKind::kColumn && c.lhs->index == key.column) return true;
  }
  return false;
}

// True if reading `ix` in key order yields rows ordered by `keys`.
bool IndexGivesOrder(const TableScanPlan& scan, const catalog::IndexDef& ix, const ProjectPlan& project,
                     const std::vector<SortKey>& keys) {
  size_t pos = 0;
  for (const SortKey& k : keys) {
    const BoundExpr* e = SortExpr(project, k);
    if (!e) return false;
    bool matched = false;
    while (pos < ix.keys.size()) {
      const catalog::IndexKey& key = ix.keys[pos];
      if (KeyMatches(scan.table, key, *e)) {
        if (key.descending != k.descending || key.nulls_first != k.nulls_first) return false;
        matched = true;
        ++pos;
        break;
      }
      if (!FixedByEquality(scan, key)) return false;
      ++pos;
    }
    if (!matched) return false;
  }
  return true;
}

bool PrimaryKeyGivesOrder(const TableScanPlan& scan, const ProjectPlan& project, const std::vector<SortKey>& keys) {
  const catalog::TableDef& table = scan.table;
  if (!table.has_primary_key()) return false;
  size_t pos = 0;
  for (const SortKey& k : keys) {
    const BoundExpr* e = SortExpr(project, k);
    if (!e || k.descending) return false;
    bool matched = false;
    while (pos < table.primary_key.size()) {
      int col = table.primary_key[pos++];
      if (e->kind == BoundKind::kColumn && e->index == col) {
        matched = true;
        break;
      }
      catalog::IndexKey as_key;
      as_key.column = col;
      if (!FixedByEquality(scan, as_key)) return false;
    }
    if (!matched) return false;
  }
  return true;
}

}  // namespace

bool ScanDeliversOrder(PlanNode& plan, const std::vector<SortKey>& keys, bool limited) {
  if (plan.kind != PlanKind::kProject || !plan.child || plan.child->kind != PlanKind::kTableScan) return false;
  const auto& project = static_cast<const ProjectPlan&>(plan);
  auto& scan = static_cast<TableScanPlan&>(*plan.child);
  if (scan.point_key) return true;  // at most one row
  if (scan.uses_index()) {
    if (scan.index_ranges.size() != 1) return false;
    for (const catalog::IndexDef& ix : scan.table.indexes) {
      if (ix.oid == scan.index_oid) return IndexGivesOrder(scan, ix, project, keys);
    }
    return false;
  }
  if (PrimaryKeyGivesOrder(scan, project, keys)) return true;
  // A whole-index read in order instead of a sort pays off when a LIMIT stops
  // it early; the filter then applies to each row read.
  if (!limited) return false;
  std::vector<const BoundExpr*> conjuncts;
  if (scan.filter) CollectConjuncts(*scan.filter, conjuncts);
  for (const catalog::IndexDef& ix : scan.table.indexes) {
    if (!IndexGivesOrder(scan, ix, project, keys)) continue;
    if (ix.is_partial()) {
      BoundExprPtr pred = BindTableExprSql(scan.table, ix.predicate_sql, "index predicate");
      std::vector<const BoundExpr*> needed;
      CollectConjuncts(*pred, needed);
      bool implied = true;
      for (const BoundExpr* n : needed) {
        implied = implied && std::any_of(conjuncts.begin(), conjuncts.end(),
                                         [&](const BoundExpr* c) { return SameExpr(*c, *n); });
      }
      if (!implied) continue;
    }
    std::string prefix = catalog::IndexKeyPrefix(ix.oid);
    scan.index_oid = ix.oid;
    scan.index_name = ix.name;
    scan.index_ranges = {TableScanPlan::IndexRange{prefix, Successor(prefix)}};
    scan.point_key.reset();
    return true;
  }
  return false;
}

}  // namespace basalt::engine::sql
