#include "engine/sql/types/enum_type.hpp"

#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"

namespace basalt::engine::sql {
namespace {

struct Registry {
  std::shared_mutex mu;
  std::unordered_map<uint32_t, EnumTypeInfoPtr> types;
};

Registry& TheRegistry() {
  static Registry* r = new Registry();  // never destroyed: used until exit by any thread
  return *r;
}

constexpr size_t kKeyBytes = 8;

}  // namespace

const EnumLabelInfo* EnumTypeInfo::Find(std::string_view label) const {
  for (const EnumLabelInfo& l : labels) {
    if (l.label == label) return &l;
  }
  return nullptr;
}

void RegisterEnumType(EnumTypeInfoPtr info) {
  Registry& r = TheRegistry();
  std::unique_lock lock(r.mu);
  r.types[info->oid] = std::move(info);
}

EnumTypeInfoPtr FindEnumType(uint32_t oid) {
  Registry& r = TheRegistry();
  std::shared_lock lock(r.mu);
  auto it = r.types.find(oid);
  return it == r.types.end() ? nullptr : it->second;
}

Value MakeEnumValue(uint64_t sort_key, std::string_view label) {
  std::string s;
  s.reserve(kKeyBytes + label.size());
  for (int shift = 56; shift >= 0; shift -= 8) s.push_back(static_cast<char>((sort_key >> shift) & 0xFF));
  s.append(label);
  return Value::String(std::move(s));
}

std::string_view EnumValueLabel(const Value& v) {
  std::string_view s = v.as_string();
  return s.size() < kKeyBytes ? std::string_view() : s.substr(kKeyBytes);
}

uint64_t EnumValueSortKey(const Value& v) {
  std::string_view s = v.as_string();
  uint64_t key = 0;
  for (size_t i = 0; i < kKeyBytes && i < s.size(); ++i) key = (key << 8) | static_cast<unsigned char>(s[i]);
  return key;
}

Value ParseEnum(std::string_view text, Type t) {
  EnumTypeInfoPtr info = FindEnumType(t.oid);
  if (!info) {
    throw DbError(SqlState::kInternalError, fmt::format("internal error: enum type {} is not loaded", t.oid));
  }
  const EnumLabelInfo* label = info->Find(text);
  if (!label) {
    throw DbError(SqlState::kInvalidTextRepresentation,
                  fmt::format("invalid input value for enum {}: \"{}\"", info->name, text));
  }
  return MakeEnumValue(label->sort_key, label->label);
}

std::string EnumTypeName(uint32_t oid) {
  EnumTypeInfoPtr info = FindEnumType(oid);
  return info ? info->name : "-";
}

}  // namespace basalt::engine::sql
