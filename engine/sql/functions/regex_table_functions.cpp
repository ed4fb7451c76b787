// Set-returning regex functions: regexp_matches(text, pattern [, flags])
// (one text[] row per match; without 'g' only the first) and
// regexp_split_to_table(text, pattern [, flags]).
#include "engine/error/db_error.hpp"
#include "engine/sql/functions/function_util.hpp"
#include "engine/sql/functions/regex_support.hpp"
#include "engine/sql/functions/table_functions.hpp"
#include "engine/sql/types/array_value.hpp"

namespace basalt::engine::sql {

Value RegexSplitToArrayValue(const std::string& src, const std::string& pattern, std::string_view flags);

namespace {

const Type kText{TypeId::kText, -1};
const Type kTextArray{TypeId::kTextArray, -1};

class ValuesGenerator final : public RowGenerator {
 public:
  explicit ValuesGenerator(std::vector<Value> rows) : rows_(std::move(rows)) {}
  bool Next(std::vector<Value>& out) override {
    if (pos_ >= rows_.size()) return false;
    out[0] = std::move(rows_[pos_++]);
    return true;
  }

 private:
  std::vector<Value> rows_;
  size_t pos_ = 0;
};

RowGeneratorPtr Matches(std::vector<Value> a, const TableFunctionInfo&, EvalContext&) {
  RegexFlags f = a.size() > 2 ? ParseRegexFlags(a[2].as_string()) : RegexFlags{};
  auto re = CompileRegex(a[1].as_string(), f.case_insensitive, f.newline_sensitive);
  std::string_view text(a[0].as_string());
  std::vector<re2::StringPiece> groups(static_cast<size_t>(re->NumberOfCapturingGroups()) + 1);
  std::vector<Value> rows;
  size_t pos = 0;
  while (pos <= text.size() &&
         re->Match(text, pos, text.size(), re2::RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()))) {
    std::vector<Value> items;
    auto sv = [](const re2::StringPiece& p) { return std::string_view(p.data(), p.size()); };
    if (groups.size() == 1) {
      items.push_back(Value::String(sv(groups[0])));
    } else {
      for (size_t i = 1; i < groups.size(); ++i) {
        items.push_back(groups[i].data() == nullptr ? Value::Null() : Value::String(sv(groups[i])));
      }
    }
    rows.push_back(MakeArray(items));
    if (!f.global) break;
    size_t s = static_cast<size_t>(groups[0].data() - text.data());
    size_t e = s + groups[0].size();
    pos = e == s ? (e < text.size() ? e + Utf8CharLen(static_cast<unsigned char>(text[e])) : e + 1) : e;
  }
  return std::make_unique<ValuesGenerator>(std::move(rows));
}

RowGeneratorPtr SplitToTable(std::vector<Value> a, const TableFunctionInfo&, EvalContext&) {
  Value arr = RegexSplitToArrayValue(a[0].as_string(), a[1].as_string(), a.size() > 2 ? a[2].as_string() : "");
  ArrayData d = DecodeArray(arr);
  return std::make_unique<ValuesGenerator>(std::move(d.items));
}

bool TextLike(TypeId t) { return t == TypeId::kUnknown || IsString(t); }

}  // namespace

void RegisterRegexTableFunctions(TableFunctionRegistry& r) {
  r.Register("regexp_matches", [](const std::vector<Type>& args) -> std::optional<TableFunctionInfo> {
    if (args.size() < 2 || args.size() > 3) return std::nullopt;
    for (const Type& t : args) {
      if (!TextLike(t.id)) return std::nullopt;
    }
    TableFunctionInfo info;
    info.arg_types.assign(args.size(), kText);
    info.columns = {{"regexp_matches", kTextArray}};
    info.factory = &Matches;
    return info;
  });
  r.Register("regexp_split_to_table", [](const std::vector<Type>& args) -> std::optional<TableFunctionInfo> {
    if (args.size() < 2 || args.size() > 3) return std::nullopt;
    for (const Type& t : args) {
      if (!TextLike(t.id)) return std::nullopt;
    }
    TableFunctionInfo info;
    info.arg_types.assign(args.size(), kText);
    info.columns = {{"regexp_split_to_table", kText}};
    info.factory = &SplitToTable;
    return info;
  });
}

}  // namespace basalt::engine::sql
