// server/statement_log.hpp
//
// What the statement log needs to know about statement text without parsing
// it: the log_statement class of a query string (PostgreSQL's
// GetCommandLogLevel, decided from each statement's leading keywords) and a
// copy of the text with passwords masked, used for every log line and for
// pg_stat_activity.query.
#pragma once

#include <string>
#include <string_view>

namespace basalt::server {

// log_statement levels, in increasing verbosity: a statement is logged when
// its class is <= the setting (ddl logs kDdl; mod logs kDdl and kMod; all logs all).
enum class StatementClass { kDdl, kMod, kAll };

// The lowest class of any statement in `sql` (several statements separated by
// ';' are logged together if any of them qualifies, as PostgreSQL does).
StatementClass ClassifyStatement(std::string_view sql);

// log_statement setting text ("none", "ddl", "mod", "all") -> whether a
// statement of class `c` is logged.
bool LogStatementWants(std::string_view setting, StatementClass c);

// `sql` with the string literal after every PASSWORD keyword (CREATE/ALTER
// ROLE ... PASSWORD '...', \password's ALTER USER) replaced by '********'.
// Returns `sql` unchanged (no copy made by callers that check) when the text
// has no such literal.
std::string RedactPasswords(std::string_view sql);

}  // namespace basalt::server
