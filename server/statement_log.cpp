// server/statement_log.cpp
//
// A small keyword scanner: it skips comments, quoted identifiers and string
// literals (including E'' and dollar quotes) so keywords inside them never
// count, and looks only at the words that decide a statement's class.
// PostgreSQL's classes (utility.c GetCommandLogLevel): DDL = CREATE, ALTER,
// DROP, GRANT, REVOKE, COMMENT, SECURITY LABEL, REINDEX, ...; MOD = INSERT,
// UPDATE, DELETE, MERGE, TRUNCATE, COPY FROM, and EXPLAIN ANALYZE or PREPARE
// of one of those; everything else (SELECT, SET, COPY TO, ...) is ALL.
#include "server/statement_log.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace basalt::server {
namespace {

bool IsIdentStart(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalpha(u) || c == '_' || u >= 0x80;
}
bool IsIdentChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
}

size_t SkipQuoted(std::string_view s, size_t i, bool backslash) {
  ++i;
  while (i < s.size()) {
    if (backslash && s[i] == '\\' && i + 1 < s.size()) {
      i += 2;
    } else if (s[i] == '\'') {
      if (i + 1 < s.size() && s[i + 1] == '\'') {
        i += 2;
      } else {
        return i + 1;
      }
    } else {
      ++i;
    }
  }
  return s.size();
}

// Tokens that matter: upper-cased words, ";" and "'" (a string literal, with
// its extent). Everything else is skipped.
struct Token {
  enum class Kind { kWord, kSemicolon, kLiteral } kind;
  std::string word;  // kWord: upper-cased
  size_t begin = 0;
  size_t end = 0;
};

std::vector<Token> Scan(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      int depth = 1;
      i += 2;
      while (i < s.size() && depth > 0) {
        if (s.compare(i, 2, "/*") == 0) {
          ++depth;
          i += 2;
        } else if (s.compare(i, 2, "*/") == 0) {
          --depth;
          i += 2;
        } else {
          ++i;
        }
      }
    } else if (c == '\'') {
      size_t end = SkipQuoted(s, i, false);
      out.push_back({Token::Kind::kLiteral, {}, i, end});
      i = end;
    } else if (c == '"') {
      size_t j = s.find('"', i + 1);
      i = j == std::string_view::npos ? s.size() : j + 1;
    } else if (c == '$' && i + 1 < s.size() && !std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
      size_t j = i + 1;
      while (j < s.size() && IsIdentChar(s[j]) && s[j] != '$') ++j;
      if (j < s.size() && s[j] == '$') {
        std::string_view tag = s.substr(i, j - i + 1);
        size_t close = s.find(tag, j + 1);
        size_t end = close == std::string_view::npos ? s.size() : close + tag.size();
        out.push_back({Token::Kind::kLiteral, {}, i, end});
        i = end;
      } else {
        ++i;
      }
    } else if (IsIdentStart(c)) {
      size_t j = i;
      while (j < s.size() && IsIdentChar(s[j])) ++j;
      if (j - i == 1 && (c == 'e' || c == 'E') && j < s.size() && s[j] == '\'') {
        size_t end = SkipQuoted(s, j, true);
        out.push_back({Token::Kind::kLiteral, {}, i, end});
        i = end;
        continue;
      }
      std::string w(s.substr(i, j - i));
      for (char& ch : w) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      out.push_back({Token::Kind::kWord, std::move(w), i, j});
      i = j;
    } else if (c == ';') {
      out.push_back({Token::Kind::kSemicolon, {}, i, i + 1});
      ++i;
    } else {
      ++i;
    }
  }
  return out;
}

// Class of one statement given its words (upper-cased, in order).
StatementClass ClassOf(const std::vector<std::string>& w) {
  if (w.empty()) return StatementClass::kAll;
  const std::string& first = w[0];
  auto has = [&](std::string_view word) { return std::find(w.begin(), w.end(), word) != w.end(); };
  if (first == "CREATE" || first == "ALTER" || first == "DROP" || first == "GRANT" || first == "REVOKE" ||
      first == "COMMENT" || first == "SECURITY" || first == "REINDEX" || first == "IMPORT" || first == "REFRESH") {
    return StatementClass::kDdl;
  }
  if (first == "INSERT" || first == "UPDATE" || first == "DELETE" || first == "MERGE" || first == "TRUNCATE") {
    return StatementClass::kMod;
  }
  if (first == "COPY") return has("FROM") && !has("TO") ? StatementClass::kMod : StatementClass::kAll;
  if (first == "WITH") {
    // A data-modifying CTE or main statement makes the whole query MOD.
    return has("INSERT") || has("UPDATE") || has("DELETE") || has("MERGE") ? StatementClass::kMod
                                                                           : StatementClass::kAll;
  }
  if (first == "SELECT" && has("INTO")) return StatementClass::kDdl;  // SELECT INTO creates a table
  if (first == "EXPLAIN") {
    if (!has("ANALYZE")) return StatementClass::kAll;
    for (const auto& x : w) {
      if (x == "INSERT" || x == "UPDATE" || x == "DELETE" || x == "MERGE") return StatementClass::kMod;
    }
    return StatementClass::kAll;
  }
  if (first == "PREPARE") {
    auto as = std::find(w.begin(), w.end(), "AS");
    if (as != w.end()) return ClassOf(std::vector<std::string>(as + 1, w.end()));
  }
  return StatementClass::kAll;
}

}  // namespace

StatementClass ClassifyStatement(std::string_view sql) {
  StatementClass best = StatementClass::kAll;
  std::vector<std::string> words;
  auto finish = [&] {
    best = std::min(best, ClassOf(words));
    words.clear();
  };
  for (Token& t : Scan(sql)) {
    if (t.kind == Token::Kind::kSemicolon) {
      finish();
    } else if (t.kind == Token::Kind::kWord) {
      words.push_back(std::move(t.word));
    }
  }
  finish();
  return best;
}

bool LogStatementWants(std::string_view setting, StatementClass c) {
  if (setting == "all") return true;
  if (setting == "mod") return c <= StatementClass::kMod;
  if (setting == "ddl") return c == StatementClass::kDdl;
  return false;
}

std::string RedactPasswords(std::string_view sql) {
  // Fast path: most statements never mention a password.
  bool mention = false;
  for (size_t i = 0; i + 8 <= sql.size() && !mention; ++i) {
    if ((sql[i] == 'p' || sql[i] == 'P') && (sql[i + 1] == 'a' || sql[i + 1] == 'A')) {
      std::string w(sql.substr(i, 8));
      for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      mention = w == "password";
    }
  }
  if (!mention) return std::string(sql);
  std::vector<Token> tokens = Scan(sql);
  std::string out;
  size_t pos = 0;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].kind != Token::Kind::kWord || tokens[i].word != "PASSWORD") continue;
    const Token& lit = tokens[i + 1];
    if (lit.kind != Token::Kind::kLiteral) continue;
    out.append(sql.substr(pos, lit.begin - pos));
    out += "'********'";
    pos = lit.end;
  }
  out.append(sql.substr(pos));
  return out;
}

}  // namespace basalt::server
