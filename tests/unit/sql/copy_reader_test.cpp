// COPY codecs (engine/copy/): record splitting, escapes, quoting, NULL
// markers, end marker and binary framing, fed in arbitrary chunk splits.
#include <catch2/catch.hpp>

#include "engine/copy/copy_options.hpp"
#include "engine/copy/copy_reader.hpp"

namespace {

using basalt::engine::DbError;
using basalt::engine::copy::AppendCsvField;
using basalt::engine::copy::AppendTextField;
using basalt::engine::copy::CopyFormat;
using basalt::engine::copy::CopyOptions;
using basalt::engine::copy::CopyReader;
using basalt::engine::copy::ParseCopyOptions;
using Record = std::vector<std::optional<std::string>>;

CopyOptions Csv() {
  CopyOptions o;
  o.format = CopyFormat::kCsv;
  o.delimiter = ',';
  o.null_string = "";
  return o;
}

// Reads all records, feeding `input` in chunks of `chunk` bytes.
std::vector<Record> ReadAll(const CopyOptions& o, std::string_view input, size_t chunk, int expected = 2,
                            std::vector<bool> fnn = {}) {
  CopyReader r(o, std::move(fnn));
  std::vector<Record> out;
  size_t pos = 0;
  for (;;) {
    auto st = r.Next(expected);
    if (st == CopyReader::Status::kRow) {
      out.push_back(r.fields());
    } else if (st == CopyReader::Status::kEnd) {
      break;
    } else if (pos < input.size()) {
      r.Feed(input.substr(pos, chunk));
      pos += chunk;
    } else {
      r.Finish();
    }
  }
  return out;
}

}  // namespace

TEST_CASE("copy text: fields, escapes and NULL", "[copy]") {
  CopyOptions o;
  for (size_t chunk : {1, 2, 3, 100}) {
    auto rows = ReadAll(o, "1\ta\\tb\n\\N\t\\\\N\n3\tx\\ny\\101\\x41\r\n4\t\\,\n", chunk);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == Record{"1", "a\tb"});
    CHECK(rows[1] == Record{std::nullopt, "\\N"});
    CHECK(rows[2] == Record{"3", "x\nyAA"});
    CHECK(rows[3] == Record{"4", ","});
  }
}

TEST_CASE("copy text: end marker, last line without newline, escaped newline", "[copy]") {
  CopyOptions o;
  auto rows = ReadAll(o, "1\ta\n\\.\nignored\tstuff\n", 4);
  REQUIRE(rows.size() == 1);
  rows = ReadAll(o, "1\ta\n2\tb", 3);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1] == Record{"2", "b"});
  rows = ReadAll(o, "1\ta\\\nb\n", 1);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0] == Record{"1", "a\nb"});
  CHECK_THROWS_AS(ReadAll(o, "1\ta\n\\.x\n", 100), DbError);
}

TEST_CASE("copy text: empty fields and custom delimiter/null", "[copy]") {
  CopyOptions o;
  o.delimiter = '|';
  o.null_string = "NULL";
  auto rows = ReadAll(o, "|NULL\n\n", 2);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == Record{"", std::nullopt});
  CHECK(rows[1] == Record{""});
}

TEST_CASE("copy csv: quotes, embedded newlines, null vs empty", "[copy]") {
  CopyOptions o = Csv();
  for (size_t chunk : {1, 5, 100}) {
    auto rows = ReadAll(o, "1,\"a,b\"\n2,\"line1\nline2\"\n3,\"\"\n4,\n5,\"say \"\"hi\"\"\"\r\n", chunk);
    REQUIRE(rows.size() == 5);
    CHECK(rows[0] == Record{"1", "a,b"});
    CHECK(rows[1] == Record{"2", "line1\nline2"});
    CHECK(rows[2] == Record{"3", ""});
    CHECK(rows[3] == Record{"4", std::nullopt});
    CHECK(rows[4] == Record{"5", "say \"hi\""});
  }
}

TEST_CASE("copy csv: header, escape, force not null, end marker, unterminated", "[copy]") {
  CopyOptions o = Csv();
  o.header = true;
  o.escape = '\\';
  auto rows = ReadAll(o, "a,b\n1,\"x\\\"y\"\n,\n\\.\n", 3, 2, {false, true});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == Record{"1", "x\"y"});
  CHECK(rows[1] == Record{std::nullopt, ""});
  CHECK_THROWS_AS(ReadAll(Csv(), "1,\"abc\n", 100), DbError);
}

TEST_CASE("copy binary: header, tuples, NULL, trailer, bad signature", "[copy]") {
  CopyOptions o;
  o.format = CopyFormat::kBinary;
  std::string in(basalt::engine::copy::BinaryHeader());
  in += std::string("\x00\x02", 2) + std::string("\x00\x00\x00\x01", 4) + "7" + std::string("\xff\xff\xff\xff", 4);
  in += std::string("\xff\xff", 2);
  for (size_t chunk : {1, 7, 100}) {
    auto rows = ReadAll(o, in, chunk);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0] == Record{"7", std::nullopt});
  }
  CHECK_THROWS_AS(ReadAll(o, "NOTPGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0", 100), DbError);
  CHECK_THROWS_AS(ReadAll(o, in.substr(0, in.size() - 4), 100), DbError);  // truncated
}

TEST_CASE("copy out: text escaping and csv quoting", "[copy]") {
  CopyOptions o;
  std::string out;
  AppendTextField("a\tb\\c\nd\re", o, out);
  CHECK(out == "a\\tb\\\\c\\nd\\re");
  CopyOptions c = Csv();
  out.clear();
  AppendCsvField("plain", c, false, false, out);
  out += ',';
  AppendCsvField("", c, false, false, out);
  out += ',';
  AppendCsvField("a,\"b\"", c, false, false, out);
  out += ',';
  AppendCsvField("x", c, true, false, out);
  CHECK(out == "plain,\"\",\"a,\"\"b\"\"\",\"x\"");
  out.clear();
  AppendCsvField("\\.", c, false, true, out);
  CHECK(out == "\"\\.\"");
}

TEST_CASE("copy options: PostgreSQL's validation", "[copy]") {
  using basalt::engine::sql::ast::CopyOption;
  auto opt = [](std::string name, std::optional<std::string> v) {
    CopyOption o;
    o.name = std::move(name);
    o.value = std::move(v);
    return o;
  };
  auto csv = ParseCopyOptions({opt("format", "csv"), opt("header", std::nullopt)}, true);
  CHECK(csv.format == CopyFormat::kCsv);
  CHECK(csv.delimiter == ',');
  CHECK(csv.header);
  CHECK_THROWS_AS(ParseCopyOptions({opt("format", "xml")}, true), DbError);
  CHECK_THROWS_AS(ParseCopyOptions({opt("delimiter", "ab")}, true), DbError);
  CHECK_THROWS_AS(ParseCopyOptions({opt("quote", "'")}, true), DbError);  // text mode
  CHECK_THROWS_AS(ParseCopyOptions({opt("format", "binary"), opt("null", "x")}, true), DbError);
  CHECK_THROWS_AS(ParseCopyOptions({opt("bogus", "x")}, true), DbError);
  CHECK_THROWS_AS(ParseCopyOptions({opt("format", "csv"), opt("format", "csv")}, true), DbError);
  auto freeze = ParseCopyOptions({opt("freeze", "on"), opt("encoding", "UTF8")}, true);
  CHECK(freeze.freeze);
}
