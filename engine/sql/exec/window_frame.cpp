#include "engine/sql/exec/window_frame.hpp"

#include <algorithm>

namespace basalt::engine::sql {
namespace {

// Row index `i - k` / `i + k` clamped to [0, n], without signed overflow.
size_t Back(size_t i, int64_t k) {
  uint64_t off = static_cast<uint64_t>(k);
  return off >= i ? 0 : i - static_cast<size_t>(off);
}
size_t Ahead(size_t i, int64_t k, size_t n) {
  uint64_t off = static_cast<uint64_t>(k);
  return off >= n - std::min(i, n) ? n : i + static_cast<size_t>(off);
}

}  // namespace

std::pair<size_t, size_t> FrameBounds(const FrameSpec& spec, size_t n, size_t i, size_t peer_begin,
                                      size_t peer_end) {
  size_t begin = 0;
  switch (spec.start) {
    case FrameBoundKind::kUnboundedPreceding: begin = 0; break;
    case FrameBoundKind::kOffsetPreceding: begin = Back(i, spec.start_offset); break;
    case FrameBoundKind::kCurrentRow: begin = spec.rows ? i : peer_begin; break;
    case FrameBoundKind::kOffsetFollowing: begin = Ahead(i, spec.start_offset, n); break;
    case FrameBoundKind::kUnboundedFollowing: begin = n; break;
  }
  size_t end = n;
  switch (spec.end) {
    case FrameBoundKind::kUnboundedPreceding: end = 0; break;
    case FrameBoundKind::kOffsetPreceding: {
      // Row i - k is the last row in the frame.
      uint64_t off = static_cast<uint64_t>(spec.end_offset);
      end = off > i ? 0 : i - static_cast<size_t>(off) + 1;
      break;
    }
    case FrameBoundKind::kCurrentRow: end = spec.rows ? i + 1 : peer_end; break;
    case FrameBoundKind::kOffsetFollowing: end = std::min(n, Ahead(i, spec.end_offset, n) + 1); break;
    case FrameBoundKind::kUnboundedFollowing: end = n; break;
  }
  return {std::min(begin, n), std::min(end, n)};
}

}  // namespace basalt::engine::sql
