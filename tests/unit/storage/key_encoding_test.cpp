#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "engine/error/db_error.hpp"
#include "engine/storage/key_decoder.hpp"
#include "engine/storage/key_encoder.hpp"

using basalt::engine::storage::KeyDecoder;
using basalt::engine::storage::KeyEncoder;
using basalt::engine::storage::PrefixSuccessor;

namespace {

int Sign(int v) { return (v > 0) - (v < 0); }

int MemCmp(const std::string& a, const std::string& b) { return Sign(a.compare(b)); }

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// PostgreSQL float8 order: NaN largest and equal to itself, -0 == 0.
int DoubleCmp(double a, double b) {
  if (std::isnan(a)) return std::isnan(b) ? 0 : 1;
  if (std::isnan(b)) return -1;
  return Cmp(a, b);
}

std::string EncInt(int64_t v, bool desc = false) {
  KeyEncoder e;
  e.SetDescending(desc);
  e.AppendInt64(v);
  return e.Release();
}
std::string EncDouble(double v, bool desc = false) {
  KeyEncoder e;
  e.SetDescending(desc);
  e.AppendDouble(v);
  return e.Release();
}
std::string EncString(const std::string& v, bool desc = false) {
  KeyEncoder e;
  e.SetDescending(desc);
  e.AppendString(v);
  return e.Release();
}

std::vector<int64_t> IntSamples(std::mt19937_64& rng) {
  std::vector<int64_t> v = {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::min() + 1, -256, -255,
                            -1, 0, 1, 255, 256, std::numeric_limits<int64_t>::max() - 1,
                            std::numeric_limits<int64_t>::max()};
  std::uniform_int_distribution<int64_t> all;
  std::uniform_int_distribution<int64_t> small(-1000, 1000);
  for (int i = 0; i < 2000; ++i) v.push_back(i % 2 ? all(rng) : small(rng));
  return v;
}

std::vector<double> DoubleSamples(std::mt19937_64& rng) {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> v = {-inf, inf, -0.0, 0.0, std::nan(""), -std::nan(""),
                           std::numeric_limits<double>::denorm_min(), -std::numeric_limits<double>::denorm_min(),
                           std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                           std::numeric_limits<double>::min(), 1.0, -1.0, 1e-300, -1e300};
  std::uniform_real_distribution<double> unit(-1e6, 1e6);
  std::uniform_int_distribution<uint64_t> bits;
  for (int i = 0; i < 2000; ++i) {
    double d;
    if (i % 2) {
      uint64_t b = bits(rng);
      std::memcpy(&d, &b, sizeof d);  // any bit pattern, NaNs included
    } else {
      d = unit(rng);
    }
    v.push_back(d);
  }
  return v;
}

std::vector<std::string> StringSamples(std::mt19937_64& rng) {
  std::vector<std::string> v = {"", std::string(1, '\0'), std::string(2, '\0'), std::string("a\0", 2),
                                std::string("a\0b", 3), "a", "ab", "b", std::string("\xff"), std::string("\xff\xff"),
                                std::string("\x01"), std::string("a\x01")};
  std::uniform_int_distribution<int> len(0, 6);
  std::uniform_int_distribution<int> byte_pick(0, 5);
  const char alphabet[] = {'\0', '\x01', 'a', 'b', '\xfe', '\xff'};
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    int n = len(rng);
    for (int j = 0; j < n; ++j) s.push_back(alphabet[byte_pick(rng)]);
    v.push_back(s);
  }
  return v;
}

}  // namespace

TEST_CASE("int64 keys sort in numeric order, ASC and DESC", "[storage][keys]") {
  std::mt19937_64 rng(42);
  auto vals = IntSamples(rng);
  for (size_t i = 0; i + 1 < vals.size(); ++i) {
    for (size_t j : {i + 1, (i * 7919) % vals.size()}) {
      int64_t a = vals[i], b = vals[j];
      REQUIRE(MemCmp(EncInt(a), EncInt(b)) == Cmp(a, b));
      REQUIRE(MemCmp(EncInt(a, true), EncInt(b, true)) == -Cmp(a, b));
    }
  }
}

TEST_CASE("double keys follow PostgreSQL float8 order", "[storage][keys]") {
  std::mt19937_64 rng(7);
  auto vals = DoubleSamples(rng);
  for (size_t i = 0; i + 1 < vals.size(); ++i) {
    for (size_t j : {i + 1, (i * 7919) % vals.size()}) {
      double a = vals[i], b = vals[j];
      INFO(a << " vs " << b);
      REQUIRE(MemCmp(EncDouble(a), EncDouble(b)) == DoubleCmp(a, b));
      REQUIRE(MemCmp(EncDouble(a, true), EncDouble(b, true)) == -DoubleCmp(a, b));
    }
  }
  const double inf = std::numeric_limits<double>::infinity();
  REQUIRE(EncDouble(-0.0) == EncDouble(0.0));
  REQUIRE(EncDouble(std::nan("1")) == EncDouble(-std::nan("2")));
  REQUIRE(EncDouble(inf) < EncDouble(std::nan("")));
  REQUIRE(EncDouble(-inf) < EncDouble(std::numeric_limits<double>::lowest()));
}

TEST_CASE("string keys sort bytewise with prefixes first, ASC and DESC", "[storage][keys]") {
  std::mt19937_64 rng(3);
  auto vals = StringSamples(rng);
  for (size_t i = 0; i + 1 < vals.size(); ++i) {
    for (size_t j : {i + 1, (i * 7919) % vals.size()}) {
      const std::string &a = vals[i], &b = vals[j];
      REQUIRE(MemCmp(EncString(a), EncString(b)) == Cmp(a, b));
      REQUIRE(MemCmp(EncString(a, true), EncString(b, true)) == -Cmp(a, b));
    }
  }
}

TEST_CASE("composite keys order field by field and NULL placement", "[storage][keys]") {
  auto key = [](std::optional<std::string> s, int64_t n) {
    KeyEncoder e;
    e.AppendUint32(16384);
    if (s)
      e.AppendString(*s);
    else
      e.AppendNull();
    e.AppendInt64(n);
    return e.Release();
  };
  // A string that prefixes another sorts first, whatever follows it.
  REQUIRE(key("a", 100) < key("ab", -100));
  REQUIRE(key("a", 1) < key("a", 2));
  REQUIRE(key(std::string("a\0", 2), 0) > key("a", 100));
  // NULLS LAST for ASC.
  REQUIRE(key("\xff\xff\xff", 0) < key(std::nullopt, -5));
  // DESC: NULLS FIRST by default; explicit placement either way.
  auto desc = [](std::optional<int64_t> v, std::optional<bool> nulls_first) {
    KeyEncoder e;
    e.SetDescending(true);
    if (!v)
      nulls_first ? e.AppendNull(*nulls_first) : e.AppendNull();
    else
      e.AppendInt64(*v);
    return e.Release();
  };
  REQUIRE(desc(std::nullopt, std::nullopt) < desc(100, std::nullopt));
  REQUIRE(desc(std::nullopt, true) < desc(100, std::nullopt));
  REQUIRE(desc(std::nullopt, false) > desc(-100, std::nullopt));
  KeyEncoder asc_first;
  asc_first.AppendNull(true);
  REQUIRE(asc_first.bytes() < EncInt(std::numeric_limits<int64_t>::min()));
  // Booleans: false < true < NULL.
  KeyEncoder f, t, n;
  f.AppendBool(false);
  t.AppendBool(true);
  n.AppendNull();
  REQUIRE(f.bytes() < t.bytes());
  REQUIRE(t.bytes() < n.bytes());
}

TEST_CASE("key decoder round-trips every field type", "[storage][keys]") {
  std::mt19937_64 rng(11);
  auto ints = IntSamples(rng);
  auto doubles = DoubleSamples(rng);
  auto strings = StringSamples(rng);
  for (size_t i = 0; i < 1000; ++i) {
    bool desc = i % 2;
    KeyEncoder e;
    e.AppendUint32(static_cast<uint32_t>(i * 2654435761u));
    e.SetDescending(desc);
    e.AppendInt64(ints[i]);
    e.AppendDouble(doubles[i]);
    e.AppendString(strings[i]);
    e.AppendNull();
    e.AppendBool(i % 3 == 0);
    e.SetDescending(false);
    e.AppendUint64(i);
    KeyDecoder d(e.bytes());
    REQUIRE(d.ReadUint32() == static_cast<uint32_t>(i * 2654435761u));
    d.SetDescending(desc);
    REQUIRE_FALSE(d.PeekNull());
    REQUIRE(d.ReadInt64() == ints[i]);
    double got = d.ReadDouble();
    if (std::isnan(doubles[i]))
      REQUIRE(std::isnan(got));
    else
      REQUIRE(got == doubles[i]);  // -0 reads back as 0, which compares equal
    REQUIRE(d.ReadString() == strings[i]);
    REQUIRE(d.PeekNull());
    d.ReadNull();
    REQUIRE(d.ReadBool() == (i % 3 == 0));
    d.SetDescending(false);
    REQUIRE(d.ReadUint64() == i);
    REQUIRE(d.AtEnd());
  }
}

TEST_CASE("key decoder rejects malformed input", "[storage][keys]") {
  KeyEncoder e;
  e.AppendString("abc");
  std::string truncated = e.bytes().substr(0, 3);
  KeyDecoder d(truncated);
  REQUIRE_THROWS_AS(d.ReadString(), basalt::engine::DbError);
  KeyEncoder n;
  n.AppendNull();
  KeyDecoder dn(n.bytes());
  REQUIRE_THROWS_AS(dn.ReadInt64(), basalt::engine::DbError);
}

TEST_CASE("prefix successor bounds prefix scans", "[storage][keys]") {
  REQUIRE(PrefixSuccessor("ab") == "ac");
  REQUIRE(PrefixSuccessor(std::string("a\xff", 2)) == "b");
  REQUIRE(PrefixSuccessor(std::string("\xff\xff", 2)).empty());
  KeyEncoder e;
  e.AppendUint32(7);
  std::string end = PrefixSuccessor(e.bytes());
  KeyEncoder row = e;
  row.AppendString(std::string(10, '\xff'));
  REQUIRE(row.bytes() < end);
  REQUIRE(e.bytes() < row.bytes());
}
