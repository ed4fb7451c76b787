// Primary-key range extraction: the conjuncts of a table scan's filter that
// compare a key column with a constant narrow the RocksDB range the scan reads
// (a point lookup when every key column is fixed by equality). The filter stays
// on the scan, so the range only has to be a superset of the matching rows.
#include <optional>

#include "engine/catalog/row_codec.hpp"
#include "engine/sql/binder/binder.hpp"

namespace basalt::engine::sql {
namespace {

struct Bound {
  const Value* value = nullptr;
  bool inclusive = true;
};

struct ColumnBounds {
  const Value* eq = nullptr;
  std::optional<Bound> lower;
  std::optional<Bound> upper;
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

}  // namespace

void PushKeyRange(TableScanPlan& scan) {
  const catalog::TableDef& table = scan.table;
  scan.begin_key = catalog::RowKeyPrefix(table.oid);
  scan.end_key = catalog::RowKeyPrefixEnd(table.oid);
  if (!table.has_primary_key() || !scan.filter) return;

  std::vector<const BoundExpr*> conjuncts;
  CollectConjuncts(*scan.filter, conjuncts);
  std::vector<ColumnBounds> bounds(table.columns.size());
  for (const BoundExpr* c : conjuncts) {
    if (c->kind != BoundKind::kBinary || c->args.size() != 2) continue;
    const BoundExpr* col = c->args[0].get();
    const BoundExpr* val = c->args[1].get();
    std::string op = c->name;
    if (col->kind != BoundKind::kColumn) {
      std::swap(col, val);
      // Mirror the comparison: 5 < x is x > 5.
      if (op == "<") op = ">";
      else if (op == ">") op = "<";
      else if (op == "<=") op = ">=";
      else if (op == ">=") op = "<=";
    }
    if (col->kind != BoundKind::kColumn || val->kind != BoundKind::kConst || val->value.is_null()) continue;
    TypeId col_type = table.columns[col->index].type.id;
    // Only when the constant is stored exactly as the column's key encoding
    // would store it (same physical kind; bpchar compares ignoring padding).
    if (PhysicalKindOf(col_type) != PhysicalKindOf(val->type.id) || col_type == TypeId::kBpchar ||
        val->type.id == TypeId::kBpchar) {
      continue;
    }
    ColumnBounds& b = bounds[col->index];
    if (op == "=") {
      b.eq = &val->value;
    } else if (op == ">" || op == ">=") {
      b.lower = Bound{&val->value, op == ">="};
    } else if (op == "<" || op == "<=") {
      b.upper = Bound{&val->value, op == "<="};
    }
  }

  std::string prefix = catalog::RowKeyPrefix(table.oid);
  size_t fixed = 0;
  for (int col : table.primary_key) {
    if (!bounds[col].eq) break;
    catalog::AppendKeyValue(prefix, *bounds[col].eq, table.columns[col].type.id);
    ++fixed;
  }
  if (fixed == table.primary_key.size()) {
    scan.point_key = prefix;
    return;
  }
  scan.begin_key = prefix;
  scan.end_key = Successor(prefix);
  int next = table.primary_key[fixed];
  TypeId next_type = table.columns[next].type.id;
  if (bounds[next].lower) {
    std::string k = prefix;
    catalog::AppendKeyValue(k, *bounds[next].lower->value, next_type);
    scan.begin_key = bounds[next].lower->inclusive ? k : Successor(k);
  }
  if (bounds[next].upper) {
    std::string k = prefix;
    catalog::AppendKeyValue(k, *bounds[next].upper->value, next_type);
    scan.end_key = bounds[next].upper->inclusive ? Successor(k) : k;
  }
}

}  // namespace basalt::engine::sql
