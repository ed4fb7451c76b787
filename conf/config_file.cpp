// conf/config_file.cpp
//
// basalt.conf reader: the lexer and grammar of PostgreSQL's guc-file.l.
// One entry per line: `name [=] value`, where name is an identifier (or
// ident.ident) and value one token: an identifier, an unquoted string (letters,
// digits and -._:/ starting with a letter), a number with optional unit letters
// (128MB, 0x10, -1, 1.5), or a single-quoted string ('' and backslash escapes).
// `#` starts a comment. include, include_if_exists and include_dir work as in
// PostgreSQL (relative paths resolve against the including file's directory).
// Environment overrides (BASALT_<NAME>) live here too: both are config sources.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <strings.h>

#include "conf/settings.hpp"

extern char** environ;

namespace basalt::conf {
namespace {

enum class Tok { kId, kQualifiedId, kString, kUnquoted, kInteger, kReal, kEquals, kEol, kEof, kError };

struct Token {
  Tok kind = Tok::kEof;
  std::string_view text;
  int line = 1;
};

bool IsLetter(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalpha(u) || c == '_' || u >= 0x80;
}
bool IsLetterOrDigit(char c) { return IsLetter(c) || std::isdigit(static_cast<unsigned char>(c)); }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  Token Next() {
    for (;;) {
      if (p_ >= s_.size()) return Token{Tok::kEof, {}, line_};
      const char c = s_[p_];
      if (c == ' ' || c == '\t' || c == '\r') {
        ++p_;
      } else if (c == '#') {
        while (p_ < s_.size() && s_[p_] != '\n') ++p_;
      } else {
        break;
      }
    }
    const std::size_t start = p_;
    const char c = s_[p_];
    if (c == '\n') {
      ++p_;
      return Token{Tok::kEol, s_.substr(start, 1), line_++};
    }
    if (c == '=') {
      ++p_;
      return Token{Tok::kEquals, s_.substr(start, 1), line_};
    }
    if (c == '\'') return LexString();
    // Longest match among ID, QUALIFIED_ID, UNQUOTED_STRING, INTEGER and REAL;
    // on a tie the earlier rule wins, as in flex.
    std::size_t best = 0;
    Tok kind = Tok::kError;
    if (IsLetter(c)) {
      std::size_t id = 1;
      while (start + id < s_.size() && IsLetterOrDigit(s_[start + id])) ++id;
      std::size_t qualified = 0;
      if (start + id + 1 < s_.size() && s_[start + id] == '.' && IsLetter(s_[start + id + 1])) {
        qualified = id + 2;
        while (start + qualified < s_.size() && IsLetterOrDigit(s_[start + qualified])) ++qualified;
      }
      std::size_t unquoted = 1;
      while (start + unquoted < s_.size() &&
             (IsLetterOrDigit(s_[start + unquoted]) || std::strchr("-._:/", s_[start + unquoted]) != nullptr)) {
        ++unquoted;
      }
      best = id;
      kind = Tok::kId;
      if (qualified > best) best = qualified, kind = Tok::kQualifiedId;
      if (unquoted > best) best = unquoted, kind = Tok::kUnquoted;
    }
    if (const std::size_t n = MatchInteger(start); n > best) best = n, kind = Tok::kInteger;
    if (const std::size_t n = MatchReal(start); n > best) best = n, kind = Tok::kReal;
    if (best == 0) best = 1;  // any other character is an error token
    p_ = start + best;
    return Token{kind, s_.substr(start, best), line_};
  }

 private:
  // {SIGN}?({DIGIT}+|0x{HEXDIGIT}+){UNIT_LETTER}*
  std::size_t MatchInteger(std::size_t start) const {
    std::size_t q = start;
    if (q < s_.size() && (s_[q] == '+' || s_[q] == '-')) ++q;
    std::size_t digits = q;
    if (q + 2 < s_.size() && s_[q] == '0' && s_[q + 1] == 'x' && std::isxdigit(static_cast<unsigned char>(s_[q + 2]))) {
      q += 2;
      while (q < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[q]))) ++q;
    } else {
      while (q < s_.size() && IsDigit(s_[q])) ++q;
      if (q == digits) return 0;
    }
    while (q < s_.size() && std::isalpha(static_cast<unsigned char>(s_[q]))) ++q;
    return q - start;
  }

  // {SIGN}?{DIGIT}*"."{DIGIT}*{EXPONENT}?
  std::size_t MatchReal(std::size_t start) const {
    std::size_t q = start;
    if (q < s_.size() && (s_[q] == '+' || s_[q] == '-')) ++q;
    while (q < s_.size() && IsDigit(s_[q])) ++q;
    if (q >= s_.size() || s_[q] != '.') return 0;
    ++q;
    while (q < s_.size() && IsDigit(s_[q])) ++q;
    if (q < s_.size() && (s_[q] == 'e' || s_[q] == 'E')) {
      std::size_t e = q + 1;
      if (e < s_.size() && (s_[e] == '+' || s_[e] == '-')) ++e;
      const std::size_t digits = e;
      while (e < s_.size() && IsDigit(s_[e])) ++e;
      if (e > digits) q = e;
    }
    return q - start;
  }

  // \'([^'\\\n]|\\.|\'\')*\'
  Token LexString() {
    const std::size_t start = p_;
    std::size_t q = p_ + 1;
    for (;;) {
      if (q >= s_.size() || s_[q] == '\n') {
        p_ = start + 1;  // unterminated: the quote alone is an error token
        return Token{Tok::kError, s_.substr(start, 1), line_};
      }
      if (s_[q] == '\\' && q + 1 < s_.size() && s_[q + 1] != '\n') {
        q += 2;
      } else if (s_[q] == '\'') {
        if (q + 1 < s_.size() && s_[q + 1] == '\'') {
          q += 2;
        } else {
          p_ = q + 1;
          return Token{Tok::kString, s_.substr(start, p_ - start), line_};
        }
      } else {
        ++q;
      }
    }
  }

  std::string_view s_;
  std::size_t p_ = 0;
  int line_ = 1;
};

// GUC_scanstr: strips the quotes, turns '' into ' and resolves backslash escapes.
std::string Unquote(std::string_view quoted) {
  const std::string_view s = quoted.substr(1, quoted.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char c = s[++i];
      switch (c) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          int v = c - '0';
          for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k) v = v * 8 + (s[++i] - '0');
          out += static_cast<char>(v);
          break;
        }
        default: out += c; break;
      }
    } else if (s[i] == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
      out += '\'';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

SetResult SyntaxError(std::string_view file, const Token& tok) {
  SetResult r;
  r.status = SetResult::Status::kInvalidValue;
  r.message = "syntax error in file \"" + std::string(file) + "\" line " + std::to_string(tok.line);
  if (tok.kind == Tok::kEol || tok.kind == Tok::kEof) {
    r.message += ", near end of line";
  } else {
    r.message += ", near token \"" + std::string(tok.text) + "\"";
  }
  return r;
}

SetResult InFile(SetResult r, std::string_view file, int line) {
  r.message += " in file \"" + std::string(file) + "\" line " + std::to_string(line);
  return r;
}

SetResult OpenError(const std::filesystem::path& file, std::string_view why) {
  SetResult r;
  r.status = SetResult::Status::kInvalidValue;
  r.message = "could not open configuration file \"" + file.string() + "\": " + std::string(why);
  return r;
}

constexpr int kMaxIncludeDepth = 10;

SetResult LoadFile(const std::filesystem::path& file, Settings& settings, int depth, bool missing_ok);

SetResult ApplyText(std::string_view text, const std::filesystem::path& file, Settings& settings, int depth) {
  const std::string file_name = file.string();
  std::vector<ConfigEntry> entries;
  if (SetResult r = ParseConfigText(text, file_name, entries); !r.ok()) return r;
  const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  auto resolve = [&](const std::string& p) {
    const std::filesystem::path path(p);
    return path.is_absolute() ? path : dir / path;
  };
  for (const ConfigEntry& e : entries) {
    const std::string lower = [&] {
      std::string l = e.name;
      for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return l;
    }();
    SetResult r;
    if (lower == "include" || lower == "include_if_exists") {
      r = LoadFile(resolve(e.value), settings, depth + 1, lower == "include_if_exists");
    } else if (lower == "include_dir") {
      const std::filesystem::path d = resolve(e.value);
      std::error_code ec;
      std::vector<std::filesystem::path> files;
      for (const auto& entry : std::filesystem::directory_iterator(d, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 5 && name[0] != '.' && name.ends_with(".conf") && entry.is_regular_file()) {
          files.push_back(entry.path());
        }
      }
      if (ec) {
        r.status = SetResult::Status::kInvalidValue;
        r.message = "could not open configuration directory \"" + d.string() + "\": " + ec.message();
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        if (!r.ok()) break;
        r = LoadFile(f, settings, depth + 1, false);
      }
    } else {
      r = settings.Set(e.name, e.value, SettingSource::kConfigFile);
      if (!r.ok()) r = InFile(std::move(r), file_name, e.line);
    }
    if (!r.ok()) return r;
  }
  return {};
}

SetResult LoadFile(const std::filesystem::path& file, Settings& settings, int depth, bool missing_ok) {
  if (depth > kMaxIncludeDepth) return OpenError(file, "maximum nesting depth exceeded");
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (missing_ok && !std::filesystem::exists(file, ec)) return {};
    return OpenError(file, std::strerror(errno));
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return ApplyText(buf.str(), file, settings, depth);
}

}  // namespace

SetResult ParseConfigText(std::string_view text, std::string_view file_name, std::vector<ConfigEntry>& out) {
  Lexer lex(text);
  for (;;) {
    Token tok = lex.Next();
    if (tok.kind == Tok::kEof) return {};
    if (tok.kind == Tok::kEol) continue;
    if (tok.kind != Tok::kId && tok.kind != Tok::kQualifiedId) return SyntaxError(file_name, tok);
    ConfigEntry entry;
    entry.name = std::string(tok.text);
    entry.line = tok.line;
    tok = lex.Next();
    if (tok.kind == Tok::kEquals) tok = lex.Next();
    switch (tok.kind) {
      case Tok::kId:
      case Tok::kQualifiedId:
      case Tok::kUnquoted:
      case Tok::kInteger:
      case Tok::kReal:
        entry.value = std::string(tok.text);
        break;
      case Tok::kString:
        entry.value = Unquote(tok.text);
        break;
      default:
        return SyntaxError(file_name, tok);
    }
    tok = lex.Next();
    if (tok.kind != Tok::kEol && tok.kind != Tok::kEof) return SyntaxError(file_name, tok);
    out.push_back(std::move(entry));
    if (tok.kind == Tok::kEof) return {};
  }
}

SetResult ApplyConfigText(std::string_view text, std::string_view file_name, Settings& settings) {
  return ApplyText(text, std::filesystem::path(file_name), settings, 0);
}

SetResult LoadConfigFile(const std::filesystem::path& file, Settings& settings) {
  return LoadFile(file, settings, 0, false);
}

SetResult ApplyEnvironment(Settings& settings, const std::vector<std::pair<std::string, std::string>>& vars) {
  constexpr std::string_view kPrefix = "BASALT_";
  for (const auto& [var, value] : vars) {
    if (var.size() <= kPrefix.size() || strncasecmp(var.c_str(), kPrefix.data(), kPrefix.size()) != 0) continue;
    const std::string_view name = std::string_view(var).substr(kPrefix.size());
    const SettingDef* def = FindSettingDef(name);
    if (def == nullptr) continue;  // BASALT_SOURCE_DIR and friends are not settings
    SetResult r = settings.Set(def->name, value, SettingSource::kEnvironment);
    if (!r.ok()) {
      r.message += " in environment variable " + var;
      return r;
    }
  }
  return {};
}

SetResult ApplyEnvironment(Settings& settings) {
  std::vector<std::pair<std::string, std::string>> vars;
  for (char** env = environ; env != nullptr && *env != nullptr; ++env) {
    const std::string_view entry(*env);
    const auto eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    vars.emplace_back(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return ApplyEnvironment(settings, vars);
}

}  // namespace basalt::conf
