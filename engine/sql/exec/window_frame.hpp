// engine/sql/exec/window_frame.hpp
//
// Window frames as PostgreSQL defines them: for the current row of a sorted
// partition, which rows the frame-aware functions (aggregates, first_value,
// last_value, nth_value) see. ROWS counts physical rows; RANGE without an
// offset works on peer groups (rows equal under the window's ORDER BY), so
// "CURRENT ROW" means the first or last peer. The default frame (RANGE
// BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) therefore includes the current
// row's peers; without ORDER BY every row is a peer, so it is the whole
// partition. Pure functions, unit-tested in tests/unit/sql.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

namespace basalt::engine::sql {

enum class FrameBoundKind { kUnboundedPreceding, kOffsetPreceding, kCurrentRow, kOffsetFollowing, kUnboundedFollowing };

struct FrameSpec {
  bool rows = false;  // ROWS; otherwise RANGE (offsets only with ROWS)
  FrameBoundKind start = FrameBoundKind::kUnboundedPreceding;
  FrameBoundKind end = FrameBoundKind::kCurrentRow;
  int64_t start_offset = 0;  // >= 0, for k*Offset* bounds
  int64_t end_offset = 0;
};

// PostgreSQL's FRAMEOPTION_* bits (parsenodes.h), as the parser hands them over.
namespace frame_option {
inline constexpr int kNonDefault = 0x00001;
inline constexpr int kRange = 0x00002;
inline constexpr int kRows = 0x00004;
inline constexpr int kGroups = 0x00008;
inline constexpr int kBetween = 0x00010;
inline constexpr int kStartUnboundedPreceding = 0x00020;
inline constexpr int kEndUnboundedPreceding = 0x00040;
inline constexpr int kStartUnboundedFollowing = 0x00080;
inline constexpr int kEndUnboundedFollowing = 0x00100;
inline constexpr int kStartCurrentRow = 0x00200;
inline constexpr int kEndCurrentRow = 0x00400;
inline constexpr int kStartOffsetPreceding = 0x00800;
inline constexpr int kEndOffsetPreceding = 0x01000;
inline constexpr int kStartOffsetFollowing = 0x02000;
inline constexpr int kEndOffsetFollowing = 0x04000;
inline constexpr int kExcludeCurrentRow = 0x08000;
inline constexpr int kExcludeGroup = 0x10000;
inline constexpr int kExcludeTies = 0x20000;
}  // namespace frame_option

// The frame [begin, end) of row `i` in a partition of `n` rows, where
// [peer_begin, peer_end) are the rows that are peers of `i`. Empty frames
// come back with begin >= end.
std::pair<size_t, size_t> FrameBounds(const FrameSpec& spec, size_t n, size_t i, size_t peer_begin, size_t peer_end);

}  // namespace basalt::engine::sql
