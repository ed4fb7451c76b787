#include "engine/sql/exec/sort_executor.hpp"

#include <algorithm>

#include "engine/sql/types/compare.hpp"

namespace basalt::engine::sql {

int CompareRows(const Row& a, const Row& b, const std::vector<SortKey>& keys) {
  for (const SortKey& k : keys) {
    const Value& x = a[k.column];
    const Value& y = b[k.column];
    int c;
    if (x.is_null() || y.is_null()) {
      if (x.is_null() && y.is_null()) continue;
      // NULLs sort as if larger than every value unless NULLS FIRST says otherwise.
      c = x.is_null() ? 1 : -1;
      if (k.nulls_first) c = -c;
      return c;
    }
    c = Compare(x, y, k.type.id);
    if (c != 0) return k.descending ? -c : c;
  }
  return 0;
}

bool SortExecutor::Next(RowBatch& out) {
  out.Clear();
  if (!sorted_) {
    RowBatch in;
    while (child_->Next(in)) {
      ctx_.CheckCancel();
      for (Row& r : in.rows) rows_.push_back(std::move(r));
    }
    std::stable_sort(rows_.begin(), rows_.end(),
                     [&](const Row& a, const Row& b) { return CompareRows(a, b, plan_.keys) < 0; });
    sorted_ = true;
  }
  while (next_ < rows_.size() && out.size() < kBatchSize) out.rows.push_back(std::move(rows_[next_++]));
  return !out.empty();
}

}  // namespace basalt::engine::sql
