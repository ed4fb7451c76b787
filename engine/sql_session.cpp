// engine/sql_session.cpp
//
// Defaults of SqlSession's extended-protocol calls: engines (and test doubles)
// that do not implement it refuse cleanly with 0A000.
#include "engine/engine.hpp"

namespace basalt::engine {
namespace {
[[noreturn]] void Unsupported() {
  throw DbError(SqlState::kFeatureNotSupported, "extended query protocol is not supported");
}
}  // namespace

StatementDescription SqlSession::Prepare(std::string_view, std::string_view, const std::vector<uint32_t>&) {
  Unsupported();
}
StatementDescription SqlSession::DescribeStatement(std::string_view) { Unsupported(); }
void SqlSession::Bind(const BindRequest&) { Unsupported(); }
std::optional<std::vector<ColumnInfo>> SqlSession::DescribePortal(std::string_view) { Unsupported(); }
ExecuteOutcome SqlSession::Execute(std::string_view, int64_t, ResultSink&) { Unsupported(); }
void SqlSession::CloseStatement(std::string_view) { Unsupported(); }
void SqlSession::ClosePortal(std::string_view) { Unsupported(); }
void SqlSession::Sync(ResultSink&) {}

}  // namespace basalt::engine
