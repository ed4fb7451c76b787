// engine/session_copy.cpp
//
// COPY ... FROM STDIN / TO STDOUT (https://www.postgresql.org/docs/15/sql-copy.html).
//
// COPY FROM streams: the server hands over CopyData payloads one at a time
// (ResultSink::ReadCopyData), copy::CopyReader splits them into records, each
// field is converted with the column type's text or binary input function,
// and full batches of rows are inserted through the ordinary INSERT path
// (a bound `INSERT INTO t (cols) VALUES ($1..), ...` whose parameters are the
// batch's values), so defaults, NOT NULL, keys and every constraint INSERT
// checks apply unchanged. Memory is one batch of values plus the reader's
// buffer; the transaction's write buffer holds what is written, as for INSERT.
//
// Errors carry PostgreSQL's CONTEXT: `COPY t, line 3, column a: "x"` for a
// bad value, `COPY t, line 3: "<line>"` for a row-level failure. A batch that
// fails in the INSERT path is rolled back to a savepoint and re-run row by row,
// so the reported line is the failing row's.
//
// COPY TO runs the query (or `SELECT cols FROM t`) and sends one CopyData per
// row in the text, CSV or binary encoding.
#include <fmt/format.h>

#include "engine/copy/copy_options.hpp"
#include "engine/copy/copy_reader.hpp"
#include "engine/engine_impl.hpp"
#include "engine/session.hpp"
#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/param_types.hpp"
#include "engine/sql/exec/dml_executor.hpp"
#include "engine/sql/exec/executor.hpp"
#include "engine/sql/parser/parser.hpp"
#include "engine/sql/types/binary_io.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine {
namespace {

using copy::CopyFormat;

// Rows per INSERT batch (bounded by PostgreSQL's 65535-parameter limit).
constexpr int kCopyBatchRows = 1000;

std::string QuoteIdent(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

void AppendBigEndian(std::string& out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// PostgreSQL's CopyFromErrorCallback shows at most this much of a value or line.
std::string Clip(std::string_view s) {
  constexpr size_t kMax = 100;
  if (s.size() <= kMax) return std::string(s);
  return std::string(s.substr(0, kMax)) + "...";
}

// The column indexes (into table.columns) a COPY names, all when none given.
std::vector<int> CopyColumns(const catalog::TableDef& table, const std::vector<std::string>& names) {
  std::vector<int> out;
  if (names.empty()) {
    for (size_t i = 0; i < table.columns.size(); ++i) out.push_back(static_cast<int>(i));
    return out;
  }
  for (const auto& n : names) {
    int c = table.FindColumn(n);
    if (c < 0) {
      throw DbError(SqlState::kUndefinedColumn, fmt::format("column \"{}\" of relation \"{}\" does not exist", n, table.name));
    }
    for (int seen : out) {
      if (seen == c) throw DbError(SqlState::kDuplicateColumn, fmt::format("column \"{}\" specified more than once", n));
    }
    out.push_back(c);
  }
  return out;
}

std::vector<bool> ColumnFlags(const catalog::TableDef& table, const std::vector<int>& columns,
                              const std::vector<std::string>& names, const char* option) {
  std::vector<bool> flags(columns.size(), false);
  for (const auto& n : names) {
    int c = table.FindColumn(n);
    if (c < 0) {
      throw DbError(SqlState::kUndefinedColumn, fmt::format("column \"{}\" does not exist", n));
    }
    bool found = false;
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == c) {
        flags[i] = true;
        found = true;
      }
    }
    if (!found) {
      throw DbError(SqlState::kInvalidColumnReference, fmt::format("{} column \"{}\" not referenced by COPY", option, n));
    }
  }
  return flags;
}

// `INSERT INTO t (cols) VALUES ($1, ..., $n), ...` for `rows` rows.
sql::ast::InsertStmt BatchInsert(const sql::ast::RangeVar& table, const catalog::TableDef& def,
                                 const std::vector<int>& columns, int rows) {
  sql::ast::InsertStmt ins;
  ins.table = table;
  for (int c : columns) ins.columns.push_back(def.columns[c].name);
  ins.source = std::make_unique<sql::ast::SelectStmt>();
  int param = 0;
  for (int r = 0; r < rows; ++r) {
    std::vector<sql::ast::ExprPtr> row;
    for (size_t c = 0; c < columns.size(); ++c) {
      auto e = std::make_unique<sql::ast::Expr>(sql::ast::ExprKind::kParam);
      e->param_number = ++param;
      row.push_back(std::move(e));
    }
    ins.source->values.push_back(std::move(row));
  }
  return ins;
}

// PostgreSQL reports an unknown COPY table without an error position.
catalog::TableDef ResolveCopyTable(sql::Binder& binder, const sql::ast::RangeVar& rv) {
  try {
    return binder.ResolveTable(rv);
  } catch (const DbError& err) {
    throw DbError(err.code(), err.message());
  }
}

}  // namespace

void Session::RunCopy(const sql::ast::CopyStmt& stmt, ResultSink& sink) {
  if (!stmt.filename.empty() || stmt.is_program) {
    throw DbError(SqlState::kFeatureNotSupported,
                  fmt::format("COPY {} a file is not supported", stmt.is_from ? "from" : "to"))
        .WithHint("Anyone can COPY to stdout or from stdin. psql's \\copy command also works for anyone.");
  }
  if (stmt.has_where) throw DbError(SqlState::kFeatureNotSupported, "COPY FROM ... WHERE is not supported yet");
  copy::CopyOptions options = copy::ParseCopyOptions(stmt.options, stmt.is_from);
  if (stmt.is_from) {
    CopyFrom(stmt, options, sink);
  } else {
    CopyTo(stmt, options, sink);
  }
}

void Session::CopyFrom(const sql::ast::CopyStmt& stmt, const copy::CopyOptions& options, ResultSink& sink) {
  txn_->CheckWritable("COPY FROM");
  sql::ExecContext ctx;
  InitExecContext(ctx);
  sql::Binder binder(engine_.catalog(), *txn_, database_.oid);
  const catalog::TableDef table = ResolveCopyTable(binder, *stmt.table);
  if (table.relkind != 'r') {
    throw DbError(SqlState::kWrongObjectType, fmt::format("cannot copy to non-table relation \"{}\"", table.name));
  }
  const std::vector<int> columns = CopyColumns(table, stmt.columns);
  const int ncols = static_cast<int>(columns.size());
  copy::CopyReader reader(options, ColumnFlags(table, columns, options.force_not_null, "FORCE_NOT_NULL"));
  const bool binary = options.format == CopyFormat::kBinary;

  // One bound INSERT per batch size: the full one, and at most one more for the tail.
  const int batch_rows = std::max(1, std::min(kCopyBatchRows, sql::kMaxParams / std::max(ncols, 1)));
  std::vector<sql::Type> col_types;
  for (int c : columns) col_types.push_back(table.columns[c].type);
  auto bind_batch = [&](int rows) {
    std::vector<sql::Type> types;
    types.reserve(static_cast<size_t>(rows) * columns.size());
    for (int r = 0; r < rows; ++r) types.insert(types.end(), col_types.begin(), col_types.end());
    sql::ast::InsertStmt ins = BatchInsert(*stmt.table, table, columns, rows);
    sql::ParamScope scope(types);
    return binder.BindInsert(ins);
  };
  std::optional<sql::BoundDml> full_batch;
  std::vector<sql::Value> params;
  params.reserve(static_cast<size_t>(batch_rows) * columns.size());
  std::vector<int64_t> batch_lines;       // line of each buffered row
  std::vector<std::string> batch_raw;     // its text, for row-level CONTEXT
  ctx.eval.params = &params;
  int64_t count = 0;

  auto row_context = [&](int64_t line, std::string_view raw) {
    if (binary) return fmt::format("COPY {}, line {}", table.name, line);
    return fmt::format("COPY {}, line {}: \"{}\"", table.name, line, Clip(raw));
  };
  auto flush = [&]() {
    int rows = static_cast<int>(batch_lines.size());
    if (rows == 0) return;
    ctx.CheckCancel();
    txn::SavepointId sp = txn_->Savepoint();
    try {
      if (rows == batch_rows) {
        if (!full_batch) full_batch = bind_batch(rows);
        count += sql::ExecuteDml(*full_batch, ctx);
      } else {
        sql::BoundDml dml = bind_batch(rows);
        count += sql::ExecuteDml(dml, ctx);
      }
    } catch (DbError& err) {
      if (err.code() == SqlState::kQueryCanceled || err.context()) throw;
      // Find the failing row: undo the batch and insert row by row.
      txn_->RollbackTo(sp);
      sql::BoundDml one = bind_batch(1);
      std::vector<sql::Value> all = std::move(params);
      for (int r = 0; r < rows; ++r) {
        params.assign(all.begin() + static_cast<long>(r) * ncols, all.begin() + static_cast<long>(r + 1) * ncols);
        try {
          sql::ExecuteDml(one, ctx);
        } catch (DbError& row_err) {
          bool with_text = row_err.code() != SqlState::kUniqueViolation;
          row_err.WithContext(with_text ? row_context(batch_lines[r], batch_raw[r])
                                        : fmt::format("COPY {}, line {}", table.name, batch_lines[r]));
          throw;
        }
      }
      throw;  // the batch failed but no single row did: report the batch's error
    }
    txn_->Release(sp);
    params.clear();
    batch_lines.clear();
    batch_raw.clear();
  };

  sink.BeginCopyIn(binary ? 1 : 0, ncols);
  std::string chunk;
  bool input_done = false;
  bool data_ended = false;
  while (!data_ended) {
    copy::CopyReader::Status st;
    try {
      st = reader.Next(ncols);
    } catch (DbError& err) {
      if (!err.context()) err.WithContext(row_context(reader.line(), reader.raw()));
      throw;
    }
    if (st == copy::CopyReader::Status::kNeedMore) {
      if (sink.ReadCopyData(chunk)) {
        reader.Feed(chunk);
      } else {
        input_done = true;
        reader.Finish();
      }
      continue;
    }
    if (st == copy::CopyReader::Status::kEnd) {
      data_ended = true;
      break;
    }
    const auto& fields = reader.fields();
    if (static_cast<int>(fields.size()) > ncols) {
      throw DbError(SqlState::kBadCopyFileFormat, "extra data after last expected column")
          .WithContext(row_context(reader.line(), reader.raw()));
    }
    if (static_cast<int>(fields.size()) < ncols) {
      throw DbError(SqlState::kBadCopyFileFormat,
                    fmt::format("missing data for column \"{}\"", table.columns[columns[fields.size()]].name))
          .WithContext(row_context(reader.line(), reader.raw()));
    }
    for (int i = 0; i < ncols; ++i) {
      const auto& f = fields[i];
      if (!f) {
        params.push_back(sql::Value::Null());
        continue;
      }
      try {
        params.push_back(binary ? sql::ParseBinary(*f, col_types[i]) : sql::ParseText(*f, col_types[i]));
      } catch (DbError& err) {
        const std::string& name = table.columns[columns[i]].name;
        if (binary) {
          if (err.code() == SqlState::kInvalidBinaryRepresentation) {
            throw DbError(SqlState::kInvalidBinaryRepresentation, "incorrect binary data format")
                .WithContext(fmt::format("COPY {}, line {}, column {}", table.name, reader.line(), name));
          }
          err.WithContext(fmt::format("COPY {}, line {}, column {}", table.name, reader.line(), name));
        } else {
          err.WithContext(fmt::format("COPY {}, line {}, column {}: \"{}\"", table.name, reader.line(), name, Clip(*f)));
        }
        throw;
      }
    }
    batch_lines.push_back(reader.line());
    batch_raw.push_back(binary ? std::string() : reader.raw());
    if (static_cast<int>(batch_lines.size()) == batch_rows) flush();
  }
  flush();
  // After the end marker PostgreSQL reads and ignores the rest up to CopyDone.
  while (!input_done && sink.ReadCopyData(chunk)) {
  }
  sink.Complete(fmt::format("COPY {}", count));
}

void Session::CopyTo(const sql::ast::CopyStmt& stmt, const copy::CopyOptions& options, ResultSink& sink) {
  sql::ExecContext ctx;
  InitExecContext(ctx);
  sql::Binder binder(engine_.catalog(), *txn_, database_.oid);
  std::vector<sql::ast::Statement> parsed;
  const sql::ast::SelectStmt* select = nullptr;
  std::optional<std::string> table_name;
  if (stmt.table) {
    const catalog::TableDef table = ResolveCopyTable(binder, *stmt.table);
    table_name = table.name;
    std::vector<int> columns = CopyColumns(table, stmt.columns);
    std::string text_sql = "SELECT ";
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i) text_sql += ", ";
      text_sql += QuoteIdent(table.columns[columns[i]].name);
    }
    text_sql += " FROM ";
    if (!stmt.table->schema.empty()) text_sql += QuoteIdent(stmt.table->schema) + ".";
    text_sql += QuoteIdent(stmt.table->name);
    parsed = sql::Parser::Parse(text_sql);
    select = &std::get<sql::ast::SelectStmt>(parsed[0].body);
  } else {
    select = std::get_if<sql::ast::SelectStmt>(&stmt.query->body);
    if (select == nullptr) {
      throw DbError(SqlState::kFeatureNotSupported, "COPY query must be a SELECT (RETURNING queries are not supported yet)");
    }
  }
  sql::BoundQuery q = binder.BindSelect(*select);
  const bool binary = options.format == CopyFormat::kBinary;
  const bool csv = options.format == CopyFormat::kCsv;
  const size_t ncols = q.columns.size();
  if (binary) {
    for (const auto& c : q.columns) {
      if (!sql::HasBinaryFormat(c.type.id)) {
        throw DbError(SqlState::kFeatureNotSupported,
                      fmt::format("binary COPY is not supported for column \"{}\"", c.name));
      }
    }
  }
  std::vector<bool> force_quote(ncols, options.force_quote_all);
  for (const auto& n : options.force_quote) {
    bool found = false;
    for (size_t i = 0; i < ncols; ++i) {
      if (q.columns[i].name == n) force_quote[i] = found = true;
    }
    if (!found && table_name) {
      throw DbError(SqlState::kUndefinedColumn, fmt::format("column \"{}\" of relation \"{}\" does not exist", n, *table_name));
    }
    if (!found) {
      throw DbError(SqlState::kInvalidColumnReference, fmt::format("FORCE_QUOTE column \"{}\" not referenced by COPY", n));
    }
  }
  sql::ExecutorPtr exec = sql::BuildExecutor(*q.plan, ctx);
  sink.BeginCopyOut(binary ? 1 : 0, static_cast<int>(ncols));
  sql::FormatOptions fmt_opts;
  fmt_opts.extra_float_digits = ctx.eval.extra_float_digits;
  fmt_opts.datetime = datetime_;
  std::string line;
  std::string text;
  // PostgreSQL sends the binary header in the same CopyData as the first row
  // (or the trailer); psycopg 3 parses each CopyData as whole rows.
  if (binary) {
    line.assign(copy::BinaryHeader());
  } else if (options.header) {
    for (size_t i = 0; i < ncols; ++i) {
      if (i) line.push_back(options.delimiter);
      if (csv) {
        copy::AppendCsvField(q.columns[i].name, options, false, ncols == 1, line);
      } else {
        copy::AppendTextField(q.columns[i].name, options, line);
      }
    }
    line.push_back('\n');
    sink.CopyData(line);
  }
  int64_t count = 0;
  sql::RowBatch batch;
  while (exec->Next(batch)) {
    ctx.CheckCancel();
    for (const sql::Row& row : batch.rows) {
      if (count > 0 || !binary) line.clear();
      if (binary) AppendBigEndian(line, ncols, 2);
      for (size_t i = 0; i < ncols; ++i) {
        const sql::Value& v = row[i];
        if (binary) {
          if (v.is_null()) {
            AppendBigEndian(line, 0xffffffffu, 4);
            continue;
          }
          size_t at = line.size();
          line.append(4, '\0');
          sql::AppendBinary(v, q.columns[i].type, line);
          uint64_t len = line.size() - at - 4;
          for (int b = 0; b < 4; ++b) line[at + b] = static_cast<char>((len >> (8 * (3 - b))) & 0xff);
          continue;
        }
        if (i) line.push_back(options.delimiter);
        if (v.is_null()) {
          line += options.null_string;
          continue;
        }
        text.clear();
        sql::AppendText(v, q.columns[i].type, text, fmt_opts);
        if (csv) {
          copy::AppendCsvField(text, options, force_quote[i], ncols == 1, line);
        } else {
          copy::AppendTextField(text, options, line);
        }
      }
      if (!binary) line.push_back('\n');
      sink.CopyData(line);
      ++count;
    }
  }
  if (binary) {
    if (count > 0) line.clear();
    AppendBigEndian(line, 0xffff, 2);
    sink.CopyData(line);
  }
  sink.EndCopyOut();
  sink.Complete(fmt::format("COPY {}", count));
}

}  // namespace basalt::engine
