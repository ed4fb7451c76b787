#include "engine/sql/parser/parser.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <pg_query.h>

#include <climits>
#include <string>

#include "engine/error/db_error.hpp"
#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

namespace {

// Owns a libpg_query result so every exit path frees it.
class ParseResultGuard {
 public:
  explicit ParseResultGuard(PgQueryProtobufParseResult r) : r_(r) {}
  ~ParseResultGuard() { pg_query_free_protobuf_parse_result(r_); }
  ParseResultGuard(const ParseResultGuard&) = delete;
  ParseResultGuard& operator=(const ParseResultGuard&) = delete;
  const PgQueryProtobufParseResult& get() const { return r_; }

 private:
  PgQueryProtobufParseResult r_;
};

// libpg_query carries no SQLSTATE, only the message of PostgreSQL's ereport.
// Nearly every raw-parser error is 42601; the one exception worth keeping is
// check_stack_depth() on absurdly nested input.
SqlState ErrorCode(const std::string& message) {
  if (message.rfind("stack depth limit exceeded", 0) == 0) return SqlState::kStatementTooComplex;
  return SqlState::kSyntaxError;
}

}  // namespace

std::vector<ast::Statement> Parser::Parse(std::string_view sql) {
  // libpg_query needs a NUL-terminated string. Its memory contexts are
  // thread-local and created on first use (pg_query_init is a deprecated
  // no-op), so concurrent calls from several threads are safe.
  const std::string text(sql);
  ParseResultGuard result(pg_query_parse_protobuf(text.c_str()));
  if (const PgQueryError* err = result.get().error) {
    std::string message = err->message != nullptr ? err->message : "syntax error";
    DbError error(ErrorCode(message), message);
    // libpg_query runs the scanner with UTF-8 as the database encoding, so
    // cursorpos is already PostgreSQL's 1-based *character* position (checked
    // against PostgreSQL 15 with multi-byte input); 0 means "no position".
    if (err->cursorpos > 0) error.WithPosition(err->cursorpos);
    throw error;
  }

  pg_query::ParseResult tree;
  const auto& pbuf = result.get().parse_tree;
  google::protobuf::io::CodedInputStream input(reinterpret_cast<const uint8_t*>(pbuf.data),
                                               static_cast<int>(pbuf.len));
  // Each expression level costs two message levels (Node + A_Expr), so the
  // default limit of 100 rejects `1+1+...+1` with 50 terms. libpg_query's own
  // stack-depth check already bounds the depth of what it hands us.
  input.SetRecursionLimit(INT_MAX);
  if (!tree.ParseFromCodedStream(&input)) {
    throw DbError(SqlState::kInternalError, "internal error: could not decode the parse tree");
  }

  std::vector<ast::Statement> out;
  out.reserve(tree.stmts_size());
  Transformer transformer(sql);
  for (const auto& raw : tree.stmts()) {
    ast::Statement stmt = transformer.TransformStatement(raw.stmt());
    stmt.stmt_location = raw.stmt_location();
    stmt.stmt_len = raw.stmt_len();
    out.push_back(std::move(stmt));
  }
  return out;
}

}  // namespace basalt::engine::sql
