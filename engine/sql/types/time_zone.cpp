// TZif reader (RFC 8536) and POSIX TZ rules, following the semantics of
// PostgreSQL 15's src/timezone/localtime.c (tzload, tzparse) and
// DetermineTimeZoneOffsetInternal in datetime.c.
#include "engine/sql/types/time_zone.hpp"

#include <strings.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <unordered_map>

#include "engine/sql/types/datetime.hpp"

namespace basalt::engine::sql::datetime {
namespace {

constexpr const char* kZoneInfoDir = "/usr/share/zoneinfo";

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int YearOf(int64_t local_secs) {
  int y, m, d;
  J2Date(static_cast<int>(FloorDiv(local_secs, kSecsPerDay) + kUnixEpochJdate), &y, &m, &d);
  return y;
}

// ---- POSIX TZ strings -------------------------------------------------------

struct Cursor {
  std::string_view s;
  size_t i = 0;
  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }
};

bool ParseName(Cursor& c, std::string* out) {
  if (c.peek() == '<') {
    size_t end = c.s.find('>', c.i);
    if (end == std::string_view::npos) return false;
    *out = std::string(c.s.substr(c.i + 1, end - c.i - 1));
    c.i = end + 1;
    return out->size() >= 1;
  }
  size_t b = c.i;
  while (!c.done() && ((c.peek() >= 'a' && c.peek() <= 'z') || (c.peek() >= 'A' && c.peek() <= 'Z'))) ++c.i;
  *out = std::string(c.s.substr(b, c.i - b));
  return out->size() >= 3;
}

bool ParseNum(Cursor& c, int lo, int hi, int* out) {
  if (c.peek() < '0' || c.peek() > '9') return false;
  int v = 0;
  while (c.peek() >= '0' && c.peek() <= '9') {
    v = v * 10 + (c.s[c.i++] - '0');
    if (v > hi) return false;
  }
  if (v < lo) return false;
  *out = v;
  return true;
}

// [+-]hh[:mm[:ss]] -> seconds (sign as written).
bool ParseHms(Cursor& c, int max_hours, int32_t* out) {
  int sign = 1;
  if (c.peek() == '+' || c.peek() == '-') sign = c.s[c.i++] == '-' ? -1 : 1;
  int h = 0, m = 0, s = 0;
  if (!ParseNum(c, 0, max_hours, &h)) return false;
  if (c.peek() == ':') {
    ++c.i;
    if (!ParseNum(c, 0, 59, &m)) return false;
    if (c.peek() == ':') {
      ++c.i;
      if (!ParseNum(c, 0, 60, &s)) return false;
    }
  }
  *out = sign * (h * 3600 + m * 60 + s);
  return true;
}

bool ParseWhen(Cursor& c, TimeZone::Rule::When* w) {
  if (c.peek() == 'M') {
    ++c.i;
    w->kind = 'M';
    if (!ParseNum(c, 1, 12, &w->month) || c.peek() != '.') return false;
    ++c.i;
    if (!ParseNum(c, 1, 5, &w->week) || c.peek() != '.') return false;
    ++c.i;
    if (!ParseNum(c, 0, 6, &w->wday)) return false;
  } else if (c.peek() == 'J') {
    ++c.i;
    w->kind = 'J';
    if (!ParseNum(c, 1, 365, &w->day)) return false;
  } else {
    w->kind = 'N';
    if (!ParseNum(c, 0, 365, &w->day)) return false;
  }
  w->secs = 7200;
  if (c.peek() == '/') {
    ++c.i;
    if (!ParseHms(c, 167, &w->secs)) return false;
  }
  return true;
}

// Seconds since 1970 (local) at which `w` happens in `year`.
int64_t WhenLocal(const TimeZone::Rule::When& w, int year) {
  int jd;
  switch (w.kind) {
    case 'J': jd = Date2J(year, 1, 1) + w.day - 1 + (IsLeap(year) && w.day >= 60 ? 1 : 0); break;
    case 'N': jd = Date2J(year, 1, 1) + w.day; break;
    default: {
      int first = Date2J(year, w.month, 1);
      int day = 1 + (w.wday - J2Day(first) + 7) % 7 + (w.week - 1) * 7;
      while (day > DaysInMonth(year, w.month)) day -= 7;
      jd = first + day - 1;
    }
  }
  return static_cast<int64_t>(jd - kUnixEpochJdate) * kSecsPerDay + w.secs;
}

// ---- TZif --------------------------------------------------------------------

uint64_t Be(const std::string& d, size_t off, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(d[off + i]);
  return v;
}

std::shared_ptr<const TimeZone> LoadTzif(const std::string& path, std::string name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::string d((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (d.size() < 44 || d.compare(0, 4, "TZif") != 0) return nullptr;
  auto counts = [&](size_t off, uint64_t c[6]) {
    for (int i = 0; i < 6; ++i) c[i] = Be(d, off + 20 + 4 * i, 4);
  };
  uint64_t c[6];  // isutcnt isstdcnt leapcnt timecnt typecnt charcnt
  counts(0, c);
  size_t off = 44;
  int tsize = 4;
  if (d[4] >= '2') {
    off += c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0];
    if (d.size() < off + 44 || d.compare(off, 4, "TZif") != 0) return nullptr;
    counts(off, c);
    off += 44;
    tsize = 8;
  }
  size_t need = off + c[3] * tsize + c[3] + c[4] * 6 + c[5] + c[2] * (tsize + 4) + c[1] + c[0];
  if (d.size() < need || c[4] == 0) return nullptr;
  std::vector<int64_t> times(c[3]);
  for (uint64_t i = 0; i < c[3]; ++i) {
    uint64_t raw = Be(d, off + i * tsize, tsize);
    times[i] = tsize == 8 ? static_cast<int64_t>(raw) : static_cast<int32_t>(static_cast<uint32_t>(raw));
  }
  off += c[3] * tsize;
  std::vector<uint8_t> idx(c[3]);
  for (uint64_t i = 0; i < c[3]; ++i) {
    idx[i] = static_cast<uint8_t>(d[off + i]);
    if (idx[i] >= c[4]) return nullptr;
  }
  off += c[3];
  size_t abbr_off = off + c[4] * 6;
  std::vector<TimeZone::Type> types(c[4]);
  for (uint64_t i = 0; i < c[4]; ++i) {
    types[i].gmtoff = static_cast<int32_t>(static_cast<uint32_t>(Be(d, off + i * 6, 4)));
    types[i].isdst = d[off + i * 6 + 4] != 0;
    size_t ai = static_cast<unsigned char>(d[off + i * 6 + 5]);
    if (ai < c[5]) types[i].abbrev = std::string(d.c_str() + abbr_off + ai);
  }
  off = need;
  std::optional<TimeZone::Rule> rule;
  if (tsize == 8 && off < d.size() && d[off] == '\n') {
    size_t end = d.find('\n', off + 1);
    if (end != std::string::npos && end > off + 1) rule = ParsePosixTz(std::string_view(d).substr(off + 1, end - off - 1));
  }
  return std::make_shared<TimeZone>(std::move(name), std::move(times), std::move(idx), std::move(types),
                                    std::move(rule));
}

// Resolves `name` under the zoneinfo directory, matching each path component
// case-insensitively (pg_tzset accepts "america/new_york").
std::optional<std::pair<std::string, std::string>> ResolveZonePath(std::string_view name) {
  namespace fs = std::filesystem;
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos) return std::nullopt;
  fs::path dir = kZoneInfoDir;
  std::string canonical;
  size_t start = 0;
  while (start <= name.size()) {
    size_t slash = name.find('/', start);
    std::string part(name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (part.empty() || part == ".") return std::nullopt;
    std::error_code ec;
    fs::path exact = dir / part;
    std::string found;
    if (fs::exists(exact, ec)) {
      found = part;
    } else {
      for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string fname = e.path().filename().string();
        if (strcasecmp(fname.c_str(), part.c_str()) == 0) {
          found = fname;
          break;
        }
      }
    }
    if (found.empty()) return std::nullopt;
    dir /= found;
    canonical += (canonical.empty() ? "" : "/") + found;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(dir, ec)) return std::nullopt;
  return std::make_pair(dir.string(), canonical);
}

}  // namespace

std::shared_ptr<const TimeZone> TimeZoneFromSetting(std::string_view value) {
  std::string text(value);
  if (!text.empty()) {
    char* end = nullptr;
    double hours = std::strtod(text.c_str(), &end);
    if (end != text.c_str() && *end == '\0') {
      // pg_tzset_offset accepts offsets within +-14 hours... PostgreSQL
      // rejects larger ones with the same "invalid value" error.
      if (!(hours >= -15 && hours <= 15)) return nullptr;
      return TimeZone::Fixed(static_cast<int32_t>(std::lround(hours * 3600)), text);
    }
  }
  return FindTimeZone(value);
}

std::optional<TimeZone::Rule> ParsePosixTz(std::string_view s) {
  Cursor c{s};
  TimeZone::Rule r;
  int32_t off;
  if (!ParseName(c, &r.std_type.abbrev) || !ParseHms(c, 24, &off)) return std::nullopt;
  r.std_type.gmtoff = -off;
  if (!c.done()) {
    if (!ParseName(c, &r.dst_type.abbrev)) return std::nullopt;
    r.has_dst = true;
    r.dst_type.isdst = true;
    r.dst_type.gmtoff = r.std_type.gmtoff + 3600;
    if (!c.done() && c.peek() != ',') {
      if (!ParseHms(c, 24, &off)) return std::nullopt;
      r.dst_type.gmtoff = -off;
    }
    if (c.done()) {
      r.start = {'M', 3, 2, 0, 0, 7200};  // tzcode's TZDEFRULESTRING
      r.end = {'M', 11, 1, 0, 0, 7200};
    } else {
      if (c.peek() != ',') return std::nullopt;
      ++c.i;
      if (!ParseWhen(c, &r.start) || c.peek() != ',') return std::nullopt;
      ++c.i;
      if (!ParseWhen(c, &r.end)) return std::nullopt;
    }
  }
  if (!c.done()) return std::nullopt;
  return r;
}

TimeZone::TimeZone(std::string name, std::vector<int64_t> times, std::vector<uint8_t> idx, std::vector<Type> types,
                   std::optional<Rule> rule)
    : name_(std::move(name)), times_(std::move(times)), idx_(std::move(idx)), types_(std::move(types)),
      rule_(std::move(rule)) {
  if (types_.empty()) types_.push_back(rule_ ? rule_->std_type : Type{0, false, "UTC"});
}

void TimeZone::RuleBoundaries(int year, int64_t* start, int64_t* end) const {
  // Far outside PostgreSQL's timestamp range (4714 BC .. 294276 AD) the result
  // is rejected by the caller's range check anyway; clamping keeps the
  // calendar arithmetic below within int.
  year = std::clamp(year, -10000, 400000);
  *start = WhenLocal(rule_->start, year) - rule_->std_type.gmtoff;
  *end = WhenLocal(rule_->end, year) - rule_->dst_type.gmtoff;
}

TimeZone::LocalInfo TimeZone::FromRule(int64_t t) const {
  const Rule& r = *rule_;
  const Type* ty = &r.std_type;
  if (r.has_dst) {
    int64_t start, end;
    RuleBoundaries(YearOf(t + r.std_type.gmtoff), &start, &end);
    bool dst = start < end ? (t >= start && t < end) : !(t >= end && t < start);
    if (dst) ty = &r.dst_type;
  }
  return LocalInfo{ty->gmtoff, ty->isdst, ty->abbrev};
}

TimeZone::LocalInfo TimeZone::At(int64_t t) const {
  if (rule_ && (times_.empty() || t >= times_.back())) return FromRule(t);
  if (times_.empty() || t < times_.front()) return LocalInfo{types_[0].gmtoff, types_[0].isdst, types_[0].abbrev};
  size_t i = static_cast<size_t>(std::upper_bound(times_.begin(), times_.end(), t) - times_.begin()) - 1;
  const Type& ty = types_[idx_[i]];
  return LocalInfo{ty.gmtoff, ty.isdst, ty.abbrev};
}

std::optional<int64_t> TimeZone::NextBoundary(int64_t t) const {
  auto it = std::upper_bound(times_.begin(), times_.end(), t);
  if (it != times_.end()) return *it;
  if (!rule_ || !rule_->has_dst) return std::nullopt;
  int year = YearOf(t);
  std::optional<int64_t> best;
  for (int y = year - 1; y <= year + 1; ++y) {
    int64_t s, e;
    RuleBoundaries(y, &s, &e);
    for (int64_t b : {s, e}) {
      if (b > t && (!best || b < *best)) best = b;
    }
  }
  return best;
}

int TimeZone::LocalToTz(int64_t mytime, bool* isdst) const {
  int64_t prevtime = mytime - kSecsPerDay;
  LocalInfo before = At(prevtime);
  std::optional<int64_t> boundary = NextBoundary(prevtime);
  auto pick = [&](const LocalInfo& li) {
    if (isdst) *isdst = li.isdst;
    return -li.gmtoff;
  };
  if (!boundary) return pick(before);
  LocalInfo after = At(*boundary);
  int64_t beforetime = mytime - before.gmtoff;
  int64_t aftertime = mytime - after.gmtoff;
  if (beforetime < *boundary && aftertime < *boundary) return pick(before);
  if (beforetime >= *boundary && aftertime >= *boundary) return pick(after);
  // In a gap or an overlap: spring forward takes "before", fall back "after".
  if (beforetime > aftertime) return pick(before);
  return pick(after);
}

std::optional<int32_t> TimeZone::FixedOffset() const {
  if (rule_ && rule_->has_dst) return std::nullopt;
  int32_t off = rule_ ? rule_->std_type.gmtoff : types_[0].gmtoff;
  for (uint8_t i : idx_) {
    if (types_[i].gmtoff != off) return std::nullopt;
  }
  if (times_.empty() && !rule_ && types_[0].gmtoff != off) return std::nullopt;
  return off;
}

std::shared_ptr<const TimeZone> TimeZone::Utc() {
  static const auto utc = std::make_shared<TimeZone>("UTC", std::vector<int64_t>{}, std::vector<uint8_t>{},
                                                     std::vector<Type>{Type{0, false, "UTC"}}, std::nullopt);
  return utc;
}

std::shared_ptr<const TimeZone> TimeZone::Fixed(int32_t gmtoff, std::string name) {
  std::string abbrev = name;
  return std::make_shared<TimeZone>(std::move(name), std::vector<int64_t>{}, std::vector<uint8_t>{},
                                    std::vector<Type>{Type{gmtoff, false, abbrev}}, std::nullopt);
}

std::shared_ptr<const TimeZone> FindTimeZone(std::string_view name) {
  static std::mutex mu;
  static std::unordered_map<std::string, std::shared_ptr<const TimeZone>> cache;
  std::string key(name);
  for (char& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
  }
  std::shared_ptr<const TimeZone> zone;
  if (key == "gmt" || key == "utc") {
    zone = TimeZone::Fixed(0, key == "gmt" ? "GMT" : "UTC");
  } else if (auto path = ResolveZonePath(name)) {
    zone = LoadTzif(path->first, path->second);
  }
  if (!zone) {
    if (auto rule = ParsePosixTz(name)) {
      zone = std::make_shared<TimeZone>(std::string(name), std::vector<int64_t>{}, std::vector<uint8_t>{},
                                        std::vector<TimeZone::Type>{}, std::move(rule));
    }
  }
  // Misses are cached too (inputs name zones), but bounded: arbitrary input
  // text must not grow the cache without limit.
  std::lock_guard<std::mutex> lock(mu);
  if (zone || cache.size() < 4096) cache.emplace(key, zone);
  return zone;
}

}  // namespace basalt::engine::sql::datetime
