#include "engine/sql/system/object_definitions.hpp"

#include <fmt/format.h>

#include "engine/catalog/schema_store.hpp"
#include "engine/sql/binder/expr_deparse.hpp"
#include "engine/sql/system/derived_oids.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql::system {
namespace {

std::string ColumnList(const catalog::TableDef& t, const std::vector<int>& cols) {
  std::string out;
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i) out += ", ";
    out += QuoteIdentifier(t.columns[cols[i]].name);
  }
  return out;
}

std::string QualifiedName(const catalog::TableDef& t, bool pretty) {
  std::string name = QuoteIdentifier(t.name);
  if (pretty) return name;
  std::string schema = catalog::KnownSchemaName(t.schema);
  return QuoteIdentifier(schema) + "." + name;
}

const char* ForeignKeyAction(char action) {
  switch (action) {
    case 'r': return "RESTRICT";
    case 'c': return "CASCADE";
    case 'n': return "SET NULL";
    case 'd': return "SET DEFAULT";
    default: return nullptr;
  }
}

std::string KeyText(const catalog::TableDef& t, const catalog::IndexKey& k) {
  std::string out = k.column >= 0 ? QuoteIdentifier(t.columns[k.column].name) : "(" + k.expr_sql + ")";
  if (k.descending) {
    out += " DESC";
    if (!k.nulls_first) out += " NULLS LAST";
  } else if (k.nulls_first) {
    out += " NULLS FIRST";
  }
  return out;
}

}  // namespace

const char* ConstraintFacts::InformationSchemaType() const {
  switch (type) {
    case 'p': return "PRIMARY KEY";
    case 'u': return "UNIQUE";
    case 'f': return "FOREIGN KEY";
    default: return "CHECK";
  }
}

catalog::Oid IndexOid(const catalog::TableDef& t, int index) {
  return index < 0 ? PkIndexOid(t.oid) : t.indexes[index].oid;
}

std::vector<ConstraintFacts> Constraints(const catalog::TableDef& t) {
  std::vector<ConstraintFacts> out;
  if (t.has_primary_key()) {
    ConstraintFacts c;
    c.oid = PkConstraintOid(t.oid);
    c.name = t.primary_key_name;
    c.type = 'p';
    c.columns = t.primary_key;
    out.push_back(std::move(c));
  }
  for (size_t i = 0; i < t.indexes.size(); ++i) {
    if (!t.indexes[i].constraint) continue;
    ConstraintFacts c;
    // A unique constraint and its index share a name; the constraint takes the
    // OID next to nothing else: derive it from the index OID's own range.
    c.oid = PkConstraintOid(t.indexes[i].oid);
    c.name = t.indexes[i].name;
    c.type = 'u';
    for (const auto& k : t.indexes[i].keys) c.columns.push_back(k.column);
    c.index = static_cast<int>(i);
    out.push_back(std::move(c));
  }
  for (size_t i = 0; i < t.checks.size(); ++i) {
    ConstraintFacts c;
    c.oid = PkConstraintOid(t.oid) ^ (0x00800000u + static_cast<catalog::Oid>(i) * 0x00010000u);
    c.name = t.checks[i].name;
    c.type = 'c';
    c.check = static_cast<int>(i);
    out.push_back(std::move(c));
  }
  for (size_t i = 0; i < t.foreign_keys.size(); ++i) {
    ConstraintFacts c;
    c.oid = PkConstraintOid(t.oid) ^ (0x00400000u + static_cast<catalog::Oid>(i) * 0x00010000u);
    c.name = t.foreign_keys[i].name;
    c.type = 'f';
    c.columns = t.foreign_keys[i].columns;
    c.foreign_key = static_cast<int>(i);
    out.push_back(std::move(c));
  }
  return out;
}

std::string IndexDefinition(const catalog::TableDef& t, int index, bool pretty) {
  if (index < 0) {
    return fmt::format("CREATE UNIQUE INDEX {} ON {} USING btree ({})", QuoteIdentifier(t.primary_key_name),
                       QualifiedName(t, pretty), ColumnList(t, t.primary_key));
  }
  const catalog::IndexDef& idx = t.indexes[index];
  std::string keys;
  for (size_t i = 0; i < idx.keys.size(); ++i) {
    if (i) keys += ", ";
    keys += KeyText(t, idx.keys[i]);
  }
  std::string out = fmt::format("CREATE {}INDEX {} ON {} USING btree ({})", idx.unique ? "UNIQUE " : "",
                                QuoteIdentifier(idx.name), QualifiedName(t, pretty), keys);
  if (idx.is_partial()) out += pretty ? " WHERE " + idx.predicate_sql : " WHERE (" + idx.predicate_sql + ")";
  return out;
}

std::string IndexColumnDefinition(const catalog::TableDef& t, int index, int column) {
  if (index < 0) {
    if (column < 1 || column > static_cast<int>(t.primary_key.size())) return "";
    return QuoteIdentifier(t.columns[t.primary_key[column - 1]].name);
  }
  const catalog::IndexDef& idx = t.indexes[index];
  if (column < 1 || column > static_cast<int>(idx.keys.size())) return "";
  const catalog::IndexKey& k = idx.keys[column - 1];
  return k.column >= 0 ? QuoteIdentifier(t.columns[k.column].name) : k.expr_sql;
}

std::string ConstraintDefinition(const catalog::TableDef& t, const ConstraintFacts& con, bool pretty,
                                 const catalog::TableDef* referenced) {
  switch (con.type) {
    case 'p': return fmt::format("PRIMARY KEY ({})", ColumnList(t, con.columns));
    case 'u': return fmt::format("UNIQUE ({})", ColumnList(t, con.columns));
    case 'c': {
      const std::string& e = t.checks[con.check].expr_sql;
      return pretty ? fmt::format("CHECK ({})", e) : fmt::format("CHECK (({}))", e);
    }
    default: break;
  }
  const catalog::ForeignKeyDef& fk = t.foreign_keys[con.foreign_key];
  std::string ref_cols;
  for (size_t i = 0; i < fk.ref_columns.size(); ++i) {
    if (i) ref_cols += ", ";
    int rc = fk.ref_columns[i];
    bool known = referenced != nullptr && rc >= 0 && rc < static_cast<int>(referenced->columns.size());
    ref_cols += known ? QuoteIdentifier(referenced->columns[rc].name) : std::to_string(rc + 1);
  }
  std::string out = fmt::format("FOREIGN KEY ({}) REFERENCES {}({})", ColumnList(t, con.columns),
                                QuoteIdentifier(fk.ref_table_name), ref_cols);
  if (const char* a = ForeignKeyAction(fk.on_update)) out += fmt::format(" ON UPDATE {}", a);
  if (const char* a = ForeignKeyAction(fk.on_delete)) out += fmt::format(" ON DELETE {}", a);
  return out;
}

std::string DefaultExpression(const catalog::TableDef& t, int column) {
  const catalog::ColumnDef& c = t.columns[column];
  const std::string& e = c.default_sql;
  // PostgreSQL stores the default coerced to the column type and prints
  // constants of non-numeric (or negative) literals with an explicit cast.
  bool quoted = e.size() >= 2 && e.front() == '\'' && e.back() == '\'' && e.find("::") == std::string::npos;
  bool negative = e.size() >= 2 && e[0] == '-' && e.find_first_not_of("0123456789.", 1) == std::string::npos;
  if (quoted || negative) {
    std::string literal = quoted ? e : "'" + e + "'";
    return literal + "::" + FormatType(Type{c.type.id, -1});
  }
  return e;
}

void FillInformationSchemaType(RowBuilder& b, Type type) {
  std::string data_type = FormatType(Type{type.id, -1});
  switch (type.id) {
    case TypeId::kTimestamp: data_type = "timestamp without time zone"; break;
    case TypeId::kTime: data_type = "time without time zone"; break;
    case TypeId::kTimeTz: data_type = "time with time zone"; break;
    case TypeId::kBpchar: data_type = "character"; break;
    case TypeId::kVarchar: data_type = "character varying"; break;
    case TypeId::kNumeric: data_type = "numeric"; break;
    default: break;
  }
  if (IsArrayType(type.id)) data_type = "ARRAY";
  b.Str("data_type", data_type);
  switch (type.id) {
    case TypeId::kInt2: b.Int("numeric_precision", 16).Int("numeric_precision_radix", 2).Int("numeric_scale", 0); break;
    case TypeId::kInt4: b.Int("numeric_precision", 32).Int("numeric_precision_radix", 2).Int("numeric_scale", 0); break;
    case TypeId::kInt8: b.Int("numeric_precision", 64).Int("numeric_precision_radix", 2).Int("numeric_scale", 0); break;
    case TypeId::kFloat4: b.Int("numeric_precision", 24).Int("numeric_precision_radix", 2); break;
    case TypeId::kFloat8: b.Int("numeric_precision", 53).Int("numeric_precision_radix", 2); break;
    case TypeId::kNumeric:
      b.Int("numeric_precision_radix", 10);
      if (type.typmod >= 4) {
        b.Int("numeric_precision", ((type.typmod - 4) >> 16) & 0xFFFF).Int("numeric_scale", (type.typmod - 4) & 0xFFFF);
      } else {
        b.Null("numeric_precision").Null("numeric_scale");
      }
      break;
    case TypeId::kVarchar:
    case TypeId::kBpchar:
      if (type.typmod >= 4) {
        b.Int("character_maximum_length", type.typmod - 4).Int("character_octet_length", (type.typmod - 4) * 4);
      } else {
        b.Null("character_maximum_length").Int("character_octet_length", 1073741824);
      }
      break;
    case TypeId::kText: b.Null("character_maximum_length").Int("character_octet_length", 1073741824); break;
    case TypeId::kDate: b.Int("datetime_precision", 0); break;
    case TypeId::kTime:
    case TypeId::kTimeTz:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
    case TypeId::kInterval: b.Int("datetime_precision", type.typmod >= 0 ? (type.typmod & 0xFFFF) : 6); break;
    default: break;
  }
}

}  // namespace basalt::engine::sql::system
