// JSON input: PostgreSQL 15's json lexer and recursive-descent parser
// (common/jsonapi.c) with its error DETAIL texts, building a JsonNode tree.
#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/json_value.hpp"

namespace basalt::engine::sql {
namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDelimiter(char c) {
  return IsJsonSpace(c) || c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':' || c == '"';
}

enum class Tok : uint8_t { kEnd, kLBrace, kRBrace, kLBracket, kRBracket, kComma, kColon, kString, kNumber, kTrue,
                           kFalse, kNull };

class JsonParser {
 public:
  JsonParser(std::string_view text, bool for_jsonb) : text_(text), for_jsonb_(for_jsonb) {}

  JsonNode ParseDocument() {
    Lex();
    JsonNode root = ParseValue();
    if (tok_ != Tok::kEnd) throw Syntax(fmt::format("Expected end of input, but found \"{}\".", token_));
    return root;
  }

 private:
  DbError Syntax(std::string detail) const {
    return std::move(DbError(SqlState::kInvalidTextRepresentation, "invalid input syntax for type json")
                         .WithDetail(std::move(detail)));
  }
  DbError EndedUnexpectedly() const { return Syntax("The input string ended unexpectedly."); }

  void AppendUtf8(uint32_t cp, std::string& out) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  void LexString() {
    size_t start = pos_;
    ++pos_;  // opening quote
    value_.clear();
    uint32_t high = 0;  // pending high surrogate
    while (true) {
      if (pos_ >= text_.size()) {
        token_ = text_.substr(start);
        throw EndedUnexpectedly();
      }
      char c = text_[pos_];
      if (c == '"') break;
      if (static_cast<unsigned char>(c) < 0x20) {
        throw Syntax(fmt::format("Character with value 0x{:02x} must be escaped.", static_cast<int>(c)));
      }
      if (c != '\\') {
        if (high) throw Syntax("Unicode low surrogate must follow a high surrogate.");
        value_.push_back(c);
        ++pos_;
        continue;
      }
      ++pos_;
      if (pos_ >= text_.size()) throw EndedUnexpectedly();
      char e = text_[pos_];
      if (e == 'u') {
        uint32_t cp = 0;
        for (int i = 1; i <= 4; ++i) {
          char h = pos_ + i < text_.size() ? text_[pos_ + i] : '\0';
          int d = (h >= '0' && h <= '9') ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                                                 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
          if (d < 0) {
            if (h == '\0' && pos_ + i >= text_.size()) throw EndedUnexpectedly();
            throw Syntax("\"\\u\" must be followed by four hexadecimal digits.");
          }
          cp = cp * 16 + static_cast<uint32_t>(d);
        }
        pos_ += 5;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (high) throw Syntax("Unicode high surrogate must not follow a high surrogate.");
          high = cp;
          continue;
        }
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
          if (!high) throw Syntax("Unicode low surrogate must follow a high surrogate.");
          cp = 0x10000 + ((high - 0xD800) << 10) + (cp - 0xDC00);
          high = 0;
        } else if (high) {
          throw Syntax("Unicode low surrogate must follow a high surrogate.");
        }
        if (cp == 0 && for_jsonb_) {
          throw std::move(DbError(SqlState::kUntranslatableCharacter, "unsupported Unicode escape sequence")
                              .WithDetail("\\u0000 cannot be converted to text."));
        }
        AppendUtf8(cp, value_);
        continue;
      }
      if (high) throw Syntax("Unicode low surrogate must follow a high surrogate.");
      switch (e) {
        case '"': value_.push_back('"'); break;
        case '\\': value_.push_back('\\'); break;
        case '/': value_.push_back('/'); break;
        case 'b': value_.push_back('\b'); break;
        case 'f': value_.push_back('\f'); break;
        case 'n': value_.push_back('\n'); break;
        case 'r': value_.push_back('\r'); break;
        case 't': value_.push_back('\t'); break;
        default: {
          auto c0 = static_cast<unsigned char>(e);
          size_t len = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
          throw Syntax(fmt::format("Escape sequence \"\\{}\" is invalid.", text_.substr(pos_, len)));
        }
      }
      ++pos_;
    }
    if (high) throw Syntax("Unicode low surrogate must follow a high surrogate.");
    ++pos_;
    token_ = text_.substr(start, pos_ - start);
    tok_ = Tok::kString;
  }

  static bool ValidNumber(std::string_view s) {
    size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    if (i >= s.size()) return false;
    if (s[i] == '0') {
      ++i;
    } else if (s[i] >= '1' && s[i] <= '9') {
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    } else {
      return false;
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      size_t d = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      if (i == d) return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      size_t d = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      if (i == d) return false;
    }
    return i == s.size();
  }

  void Lex() {
    last_end_ = pos_;
    while (pos_ < text_.size() && IsJsonSpace(text_[pos_])) ++pos_;
    if (pos_ >= text_.size()) {
      tok_ = Tok::kEnd;
      token_ = {};
      return;
    }
    tok_start_ = pos_;
    char c = text_[pos_];
    auto punct = [&](Tok t) {
      token_ = text_.substr(pos_, 1);
      ++pos_;
      tok_ = t;
    };
    switch (c) {
      case '{': return punct(Tok::kLBrace);
      case '}': return punct(Tok::kRBrace);
      case '[': return punct(Tok::kLBracket);
      case ']': return punct(Tok::kRBracket);
      case ',': return punct(Tok::kComma);
      case ':': return punct(Tok::kColon);
      case '"': return LexString();
      default: break;
    }
    size_t start = pos_;
    while (pos_ < text_.size() && !IsDelimiter(text_[pos_])) ++pos_;
    token_ = text_.substr(start, pos_ - start);
    if (token_ == "true") {
      tok_ = Tok::kTrue;
    } else if (token_ == "false") {
      tok_ = Tok::kFalse;
    } else if (token_ == "null") {
      tok_ = Tok::kNull;
    } else if (ValidNumber(token_)) {
      tok_ = Tok::kNumber;
    } else {
      throw Syntax(fmt::format("Token \"{}\" is invalid.", token_));
    }
  }

  JsonNode ParseValue() {
    if (++depth_ > 6400) throw DbError(SqlState::kStatementTooComplex, "stack depth limit exceeded");
    JsonNode node;
    size_t begin = tok_start_;
    switch (tok_) {
      case Tok::kEnd: throw EndedUnexpectedly();
      case Tok::kString: node = JsonNode::String(value_); Lex(); break;
      case Tok::kNumber: node = JsonNode::Number(std::string(token_)); Lex(); break;
      case Tok::kTrue: node = JsonNode::Bool(true); Lex(); break;
      case Tok::kFalse: node = JsonNode::Bool(false); Lex(); break;
      case Tok::kNull: Lex(); break;
      case Tok::kLBracket: node = ParseArray(); break;
      case Tok::kLBrace: node = ParseObject(); break;
      default: throw Syntax(fmt::format("Expected JSON value, but found \"{}\".", token_));
    }
    --depth_;
    node.begin = begin;
    node.end = last_end_;
    return node;
  }

  JsonNode ParseArray() {
    JsonNode node = JsonNode::Array();
    Lex();
    if (tok_ == Tok::kRBracket) {
      Lex();
      return node;
    }
    if (tok_ == Tok::kEnd) throw EndedUnexpectedly();
    if (tok_ == Tok::kComma || tok_ == Tok::kColon || tok_ == Tok::kRBrace) {
      throw Syntax(fmt::format("Expected array element or \"]\", but found \"{}\".", token_));
    }
    while (true) {
      node.items.push_back(ParseValue());
      if (tok_ == Tok::kComma) {
        Lex();
        continue;
      }
      if (tok_ == Tok::kRBracket) break;
      if (tok_ == Tok::kEnd) throw EndedUnexpectedly();
      throw Syntax(fmt::format("Expected \",\" or \"]\", but found \"{}\".", token_));
    }
    Lex();
    return node;
  }

  JsonNode ParseObject() {
    JsonNode node = JsonNode::Object();
    Lex();
    if (tok_ == Tok::kRBrace) {
      Lex();
      return node;
    }
    bool first = true;
    while (true) {
      if (tok_ == Tok::kEnd) throw EndedUnexpectedly();
      if (tok_ != Tok::kString) {
        throw Syntax(first ? fmt::format("Expected string or \"}}\", but found \"{}\".", token_)
                           : fmt::format("Expected string, but found \"{}\".", token_));
      }
      first = false;
      std::string key = value_;
      Lex();
      if (tok_ == Tok::kEnd) throw EndedUnexpectedly();
      if (tok_ != Tok::kColon) throw Syntax(fmt::format("Expected \":\", but found \"{}\".", token_));
      Lex();
      node.members.emplace_back(std::move(key), ParseValue());
      if (tok_ == Tok::kComma) {
        Lex();
        continue;
      }
      if (tok_ == Tok::kRBrace) break;
      if (tok_ == Tok::kEnd) throw EndedUnexpectedly();
      throw Syntax(fmt::format("Expected \",\" or \"}}\", but found \"{}\".", token_));
    }
    Lex();
    return node;
  }

  std::string_view text_;
  bool for_jsonb_;
  size_t pos_ = 0;
  size_t tok_start_ = 0, last_end_ = 0;
  int depth_ = 0;
  Tok tok_ = Tok::kEnd;
  std::string_view token_;
  std::string value_;
};

}  // namespace

JsonNode ParseJson(std::string_view text, bool for_jsonb) { return JsonParser(text, for_jsonb).ParseDocument(); }

}  // namespace basalt::engine::sql
