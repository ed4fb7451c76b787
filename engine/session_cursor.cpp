// engine/session_cursor.cpp
//
// SQL cursors: DECLARE / FETCH / MOVE / CLOSE
// (https://www.postgresql.org/docs/15/sql-declare.html). A cursor is a Portal
// in the same map as the extended protocol's portals, as in PostgreSQL, so a
// driver may Describe or Execute a DECLAREd cursor by name and MOVE/FETCH a
// protocol portal.
//
// A cursor streams from its executor tree as long as it only moves forward.
// SCROLL cursors are materialized at DECLARE (backward moves need the rows
// again); WITH HOLD cursors are materialized at COMMIT, when the transaction
// their executors read through ends (PostgreSQL's PersistHoldablePortal).
// Cursors without HOLD end with their transaction.
#include <fmt/format.h>

#include "engine/engine_impl.hpp"
#include "engine/prepared_statement.hpp"
#include "engine/session.hpp"
#include "engine/sql/binder/binder.hpp"
#include "engine/sql/types/binary_io.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine {
namespace {

// PostgreSQL's CURSOR_OPT_* bits (nodes/parsenodes.h).
constexpr int kCursorBinary = 0x0001;
constexpr int kCursorScroll = 0x0002;
constexpr int kCursorNoScroll = 0x0004;
constexpr int kCursorHold = 0x0020;

constexpr int kForward = 0, kBackward = 1, kAbsolute = 2, kRelative = 3;

DbError NoCursor(std::string_view name) {
  return DbError(SqlState::kInvalidCursorName, fmt::format("cursor \"{}\" does not exist", name));
}

}  // namespace

void Session::RunDeclareCursor(const sql::ast::DeclareCursorStmt& stmt, std::string_view sql, bool multi,
                               ResultSink& sink) {
  bool hold = (stmt.options & kCursorHold) != 0;
  if (!hold && state_ != BlockState::kBlock && !(state_ == BlockState::kImplicit && multi)) {
    throw DbError(SqlState::kNoActiveSqlTransaction, "DECLARE CURSOR can only be used in transaction blocks");
  }
  if (portals_.count(stmt.name) != 0) {
    throw DbError(SqlState::kDuplicateCursor, fmt::format("cursor \"{}\" already exists", stmt.name));
  }
  if ((stmt.options & kCursorScroll) && (stmt.options & kCursorNoScroll)) {
    throw DbError(SqlState::kInvalidCursorDefinition, "cannot specify both SCROLL and NO SCROLL");
  }
  const auto* select = stmt.query ? std::get_if<sql::ast::SelectStmt>(&stmt.query->body) : nullptr;
  if (select == nullptr) {
    throw DbError(SqlState::kFeatureNotSupported, "DECLARE CURSOR supports only SELECT queries");
  }
  if (hold && !select->locking.empty()) {
    throw DbError(SqlState::kFeatureNotSupported, "DECLARE CURSOR WITH HOLD ... FOR UPDATE/SHARE is not supported")
        .WithDetail("Holdable cursors must be READ ONLY.");
  }
  auto prepared = std::make_shared<PreparedStatement>();
  prepared->sql = std::string(sql);
  prepared->stmt = stmt.query;
  auto portal = std::make_shared<Portal>();
  portal->stmt = prepared;
  portal->is_cursor = true;
  portal->holdable = hold;
  portal->scroll = (stmt.options & kCursorScroll) != 0;
  portal->binary = (stmt.options & kCursorBinary) != 0;
  portal->ctx = std::make_unique<sql::ExecContext>();
  InitExecContext(*portal->ctx);
  sql::Binder binder(engine_.catalog(), *txn_, database_.oid);
  portal->query = binder.BindSelect(*select);
  portal->columns = ColumnsOf(*portal->query);
  if (portal->binary) {
    for (auto& c : *portal->columns) c.format = 1;
  }
  portal->exec = sql::BuildExecutor(*portal->query->plan, *portal->ctx);
  if (portal->scroll) MaterializeCursor(*portal);
  portals_[stmt.name] = std::move(portal);
  sink.Complete("DECLARE CURSOR");
}

void Session::MaterializeCursor(Portal& portal) {
  if (portal.rows) return;
  std::vector<sql::Row> rows;
  // Rows already fetched from the stream are gone; positions stay relative to
  // the start, so keep placeholders for them (never read: scrolling back past
  // them is only possible on SCROLL cursors, materialized before any fetch).
  for (int64_t i = 0; i < portal.position; ++i) rows.emplace_back();
  for (size_t i = portal.batch_pos; i < portal.batch.size(); ++i) rows.push_back(std::move(portal.batch.rows[i]));
  portal.batch.Clear();
  portal.batch_pos = 0;
  if (portal.exec && !portal.done) {
    sql::RowBatch batch;
    while (portal.exec->Next(batch)) {
      portal.ctx->CheckCancel();
      for (auto& r : batch.rows) rows.push_back(std::move(r));
      batch.Clear();
    }
  }
  portal.done = true;
  portal.exec.reset();
  portal.rows = std::move(rows);
}

void Session::PrepareCursorsForCommit() {
  for (auto it = portals_.begin(); it != portals_.end();) {
    if (it->second->holdable) {
      MaterializeCursor(*it->second);
      it->second->ctx.reset();  // no longer reads through the ending transaction
      ++it;
    } else {
      it = portals_.erase(it);
    }
  }
}

void Session::DropCursorsAtAbort() {
  // Holdable cursors from earlier, committed transactions survive a rollback.
  for (auto it = portals_.begin(); it != portals_.end();) {
    if (it->second->holdable && it->second->rows && !it->second->ctx) {
      ++it;
    } else {
      it = portals_.erase(it);
    }
  }
}

void Session::EmitCursorRow(const Portal& portal, const sql::Row& row, ResultSink& sink) {
  const auto& columns = *portal.columns;
  const auto& out_cols = portal.query->columns;
  sql::FormatOptions opts;
  opts.extra_float_digits = static_cast<int>(settings_.GetInt("extra_float_digits"));
  opts.datetime = datetime_;
  std::string bytes;
  SendRow(row, out_cols, &columns, opts, bytes, sink);
}

// Streams up to `count` (<0: all) rows forward from a non-materialized portal.
int64_t Session::StreamForward(Portal& portal, int64_t count, ResultSink* sink) {
  int64_t n = 0;
  while (count < 0 || n < count) {
    if (portal.batch_pos >= portal.batch.size()) {
      if (portal.done) break;
      portal.batch.Clear();
      portal.batch_pos = 0;
      portal.ctx->CheckCancel();
      if (!portal.exec || !portal.exec->Next(portal.batch)) {
        portal.done = true;
        break;
      }
      continue;
    }
    const sql::Row& row = portal.batch.rows[portal.batch_pos++];
    if (sink) EmitCursorRow(portal, row, *sink);
    ++n;
  }
  portal.position += n;
  if (portal.done && (count < 0 || n < count)) portal.position += 1;  // now after the last row
  return n;
}

void Session::RunFetch(const sql::ast::FetchStmt& stmt, ResultSink& sink) {
  auto it = portals_.find(stmt.name);
  if (it == portals_.end()) throw NoCursor(stmt.name);
  std::shared_ptr<Portal> portal = it->second;
  if (!portal->columns) {
    throw DbError(SqlState::kInvalidCursorState, fmt::format("portal \"{}\" cannot be run", stmt.name));
  }
  ResultSink* out = stmt.is_move ? nullptr : &sink;
  if (out) sink.Columns(*portal->columns);
  const char* tag = stmt.is_move ? "MOVE" : "FETCH";

  bool forward_only = stmt.direction == kForward && stmt.count >= 0;
  if (forward_only && !portal->rows) {
    // count 0 = ALL
    int64_t n = StreamForward(*portal, stmt.count == 0 ? -1 : stmt.count, out);
    sink.Complete(fmt::format("{} {}", tag, n));
    return;
  }
  if (!portal->rows) {
    if (!portal->scroll) {
      throw DbError(SqlState::kObjectNotInPrerequisiteState, "cursor can only scan forward")
          .WithHint("Declare it with SCROLL option to enable backward scan.");
    }
    MaterializeCursor(*portal);
  }
  const auto& rows = *portal->rows;
  const int64_t total = static_cast<int64_t>(rows.size());
  int64_t& pos = portal->position;
  auto clamp = [&](int64_t p) { return std::max<int64_t>(0, std::min<int64_t>(p, total + 1)); };
  int64_t n = 0;
  auto emit = [&](int64_t p) {
    const sql::Row& row = rows[static_cast<size_t>(p - 1)];
    if (out && row.size() == portal->columns->size()) EmitCursorRow(*portal, row, sink);
  };
  switch (stmt.direction) {
    case kForward: {
      int64_t want = stmt.count == 0 ? total + 1 : (stmt.count < 0 ? 0 : stmt.count);
      if (stmt.count < 0) {  // FETCH 0 / RELATIVE 0: the current row
        if (pos >= 1 && pos <= total) {
          emit(pos);
          n = 1;
        }
        break;
      }
      while (n < want && pos < total) {
        ++pos;
        emit(pos);
        ++n;
      }
      if (n < want) pos = total + 1;
      break;
    }
    case kBackward: {
      if (!portal->scroll) {
        throw DbError(SqlState::kObjectNotInPrerequisiteState, "cursor can only scan forward")
            .WithHint("Declare it with SCROLL option to enable backward scan.");
      }
      int64_t want = stmt.count == 0 ? total + 1 : (stmt.count < 0 ? 0 : stmt.count);
      if (stmt.count < 0) {
        if (pos >= 1 && pos <= total) {
          emit(pos);
          n = 1;
        }
        break;
      }
      while (n < want && pos > 1) {
        --pos;
        emit(pos);
        ++n;
      }
      if (n < want) pos = 0;
      break;
    }
    case kAbsolute:
    case kRelative: {
      int64_t target = stmt.direction == kAbsolute ? (stmt.count >= 0 ? stmt.count : total + 1 + stmt.count)
                                                   : pos + stmt.count;
      if (!portal->scroll && target < pos) {
        throw DbError(SqlState::kObjectNotInPrerequisiteState, "cursor can only scan forward")
            .WithHint("Declare it with SCROLL option to enable backward scan.");
      }
      pos = clamp(target);
      if (pos >= 1 && pos <= total) {
        emit(pos);
        n = 1;
      }
      break;
    }
    default: break;
  }
  sink.Complete(fmt::format("{} {}", tag, n));
}

void Session::RunClosePortal(const sql::ast::ClosePortalStmt& stmt, ResultSink& sink) {
  if (stmt.name.empty()) {
    portals_.clear();
    sink.Complete("CLOSE CURSOR ALL");
    return;
  }
  auto it = portals_.find(stmt.name);
  if (it == portals_.end()) throw NoCursor(stmt.name);
  portals_.erase(it);
  sink.Complete("CLOSE CURSOR");
}

}  // namespace basalt::engine
