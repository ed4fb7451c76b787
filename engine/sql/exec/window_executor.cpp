#include "engine/sql/exec/window_executor.hpp"

#include <algorithm>
#include <numeric>

#include "engine/sql/exec/expr_eval.hpp"
#include "engine/sql/exec/sort_executor.hpp"
#include "engine/sql/functions/aggregate_state.hpp"
#include "engine/sql/types/compare.hpp"

namespace basalt::engine::sql {
namespace {

bool KeysEqual(const Row& a, const Row& b, const std::vector<Type>& types) {
  for (size_t i = 0; i < types.size(); ++i) {
    if (a[i].is_null() || b[i].is_null()) {
      if (a[i].is_null() != b[i].is_null()) return false;
      continue;
    }
    if (Compare(a[i], b[i], types[i].id) != 0) return false;
  }
  return true;
}

}  // namespace

bool WindowExecutor::Next(RowBatch& out) {
  out.Clear();
  if (!computed_) Compute();
  while (next_ < output_order_.size() && out.size() < kBatchSize) {
    size_t r = output_order_[next_++];
    Row row = std::move(rows_[r]);
    row.reserve(row.size() + results_.size());
    for (auto& col : results_) row.push_back(std::move(col[r]));
    out.rows.push_back(std::move(row));
  }
  return !out.empty();
}

void WindowExecutor::Compute() {
  computed_ = true;
  RowBatch b;
  while (child_->Next(b)) {
    ctx_.CheckCancel();
    for (Row& r : b.rows) rows_.push_back(std::move(r));
  }
  results_.assign(plan_.calls.size(), std::vector<Value>(rows_.size()));
  output_order_.resize(rows_.size());
  std::iota(output_order_.begin(), output_order_.end(), 0);
  for (size_t w = 0; w < plan_.windows.size(); ++w) {
    bool used = false;
    for (const auto& c : plan_.calls) used = used || c.window == w;
    if (used) ComputeWindow(w, output_order_);
  }
}

void WindowExecutor::ComputeWindow(size_t w, std::vector<size_t>& order) {
  const WindowDefinition& def = plan_.windows[w];
  size_t n = rows_.size();
  // Per row: partition keys then order keys.
  std::vector<Type> part_types;
  for (const auto& p : def.partition) part_types.push_back(p->type);
  std::vector<Type> order_types;
  for (const auto& o : def.order) order_types.push_back(o->type);
  std::vector<Row> part_keys(n);
  std::vector<Row> order_keys(n);
  for (size_t r = 0; r < n; ++r) {
    for (const auto& p : def.partition) part_keys[r].push_back(Evaluate(*p, rows_[r], ctx_.eval));
    for (const auto& o : def.order) order_keys[r].push_back(Evaluate(*o, rows_[r], ctx_.eval));
  }
  std::vector<SortKey> part_sort;
  for (size_t i = 0; i < part_types.size(); ++i) part_sort.push_back(SortKey{static_cast<int>(i), part_types[i], false, false});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    int c = CompareRows(part_keys[a], part_keys[b], part_sort);
    if (c != 0) return c < 0;
    return CompareRows(order_keys[a], order_keys[b], def.order_keys) < 0;
  });
  // Partitions and peer groups over the sorted order.
  std::vector<size_t> peer_begin(n), peer_end(n);
  size_t start = 0;
  while (start < n) {
    size_t end = start + 1;
    while (end < n && KeysEqual(part_keys[order[start]], part_keys[order[end]], part_types)) ++end;
    size_t g = start;
    while (g < end) {
      size_t h = g + 1;
      while (h < end && KeysEqual(order_keys[order[g]], order_keys[order[h]], order_types)) ++h;
      for (size_t k = g; k < h; ++k) {
        peer_begin[k] = g - start;
        peer_end[k] = h - start;
      }
      g = h;
    }
    for (const auto& call : plan_.calls) {
      if (call.window == w) ComputeCall(call, order, start, end, peer_begin, peer_end);
    }
    ctx_.CheckCancel();
    start = end;
  }
}

void WindowExecutor::ComputeCall(const WindowCall& call, const std::vector<size_t>& order, size_t begin, size_t end,
                                 const std::vector<size_t>& peer_begin, const std::vector<size_t>& peer_end) {
  size_t call_index = static_cast<size_t>(&call - plan_.calls.data());
  std::vector<Value>& out = results_[call_index];
  const WindowDefinition& def = plan_.windows[call.window];
  size_t n = end - begin;
  auto row_at = [&](size_t i) -> const Row& { return rows_[order[begin + i]]; };
  auto arg = [&](size_t a, size_t i) { return Evaluate(*call.args[a], row_at(i), ctx_.eval); };
  switch (call.kind) {
    case WindowFuncKind::kRowNumber:
      for (size_t i = 0; i < n; ++i) out[order[begin + i]] = Value::Int(static_cast<int64_t>(i + 1));
      return;
    case WindowFuncKind::kRank:
      for (size_t i = 0; i < n; ++i) out[order[begin + i]] = Value::Int(static_cast<int64_t>(peer_begin[begin + i] + 1));
      return;
    case WindowFuncKind::kDenseRank: {
      int64_t rank = 0;
      size_t last_group = static_cast<size_t>(-1);
      for (size_t i = 0; i < n; ++i) {
        if (peer_begin[begin + i] != last_group) {
          ++rank;
          last_group = peer_begin[begin + i];
        }
        out[order[begin + i]] = Value::Int(rank);
      }
      return;
    }
    case WindowFuncKind::kPercentRank:
      for (size_t i = 0; i < n; ++i) {
        double v = n > 1 ? static_cast<double>(peer_begin[begin + i]) / static_cast<double>(n - 1) : 0.0;
        out[order[begin + i]] = Value::Float(v);
      }
      return;
    case WindowFuncKind::kCumeDist:
      for (size_t i = 0; i < n; ++i) {
        out[order[begin + i]] = Value::Float(static_cast<double>(peer_end[begin + i]) / static_cast<double>(n));
      }
      return;
    case WindowFuncKind::kNtile: {
      for (size_t i = 0; i < n; ++i) {
        Value b = arg(0, i);
        if (b.is_null()) {
          out[order[begin + i]] = Value::Null();
          continue;
        }
        if (b.as_int() <= 0) {
          throw DbError(SqlState::kInvalidArgumentForNtile, "argument of ntile must be greater than zero");
        }
        // PostgreSQL: the first (n % buckets) buckets get one extra row.
        int64_t buckets = b.as_int();
        int64_t total = static_cast<int64_t>(n);
        int64_t per = total / buckets;
        int64_t extra = total % buckets;
        int64_t pos = static_cast<int64_t>(i);
        int64_t big = extra * (per + 1);
        int64_t bucket = buckets > total ? pos + 1 : pos < big ? pos / (per + 1) + 1 : extra + (pos - big) / per + 1;
        out[order[begin + i]] = Value::Int(bucket);
      }
      return;
    }
    case WindowFuncKind::kLag:
    case WindowFuncKind::kLead: {
      for (size_t i = 0; i < n; ++i) {
        int64_t offset = 1;
        if (call.args.size() >= 2) {
          Value o = arg(1, i);
          if (o.is_null()) {
            out[order[begin + i]] = Value::Null();
            continue;
          }
          offset = o.as_int();
        }
        int64_t target = static_cast<int64_t>(i) + (call.kind == WindowFuncKind::kLag ? -offset : offset);
        if (target >= 0 && target < static_cast<int64_t>(n)) {
          out[order[begin + i]] = arg(0, static_cast<size_t>(target));
        } else {
          out[order[begin + i]] = call.args.size() == 3 ? arg(2, i) : Value::Null();
        }
      }
      return;
    }
    case WindowFuncKind::kFirstValue:
    case WindowFuncKind::kLastValue:
    case WindowFuncKind::kNthValue: {
      for (size_t i = 0; i < n; ++i) {
        auto [fb, fe] = FrameBounds(def.frame, n, i, peer_begin[begin + i], peer_end[begin + i]);
        Value v;
        if (call.kind == WindowFuncKind::kNthValue) {
          Value k = arg(1, i);
          if (!k.is_null() && k.as_int() <= 0) {
            throw DbError(SqlState::kInvalidArgumentForNthValue, "argument of nth_value must be greater than zero");
          }
          if (!k.is_null() && fb < fe && static_cast<uint64_t>(k.as_int() - 1) < fe - fb) {
            v = arg(0, fb + static_cast<size_t>(k.as_int() - 1));
          }
        } else if (fb < fe) {
          v = arg(0, call.kind == WindowFuncKind::kFirstValue ? fb : fe - 1);
        }
        out[order[begin + i]] = std::move(v);
      }
      return;
    }
    case WindowFuncKind::kAggregate: {
      const AggregateSpec& spec = call.aggregate;
      bool running = def.frame.start == FrameBoundKind::kUnboundedPreceding;
      AggState state;
      size_t fed = 0;
      for (size_t i = 0; i < n; ++i) {
        auto [fb, fe] = FrameBounds(def.frame, n, i, peer_begin[begin + i], peer_end[begin + i]);
        if (!running || fe < fed) {
          state = AggState{};
          fed = fb;
        }
        for (; fed < fe; ++fed) AggAccumulate(spec, state, row_at(fed), ctx_.eval);
        out[order[begin + i]] = AggFinalOrdered(spec, state);
      }
      return;
    }
  }
}

}  // namespace basalt::engine::sql
