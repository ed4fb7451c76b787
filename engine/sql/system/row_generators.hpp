// engine/sql/system/row_generators.hpp
//
// The row generators behind the system relations (FindRowGenerator maps a
// relation name to one) and the catalog reads they share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/sql/system/system_relation.hpp"

namespace basalt::engine::sql::system {

// User tables of the scan's database, as the transaction sees them.
std::vector<catalog::TableDef> UserTables(SystemScan& scan);

// Facts about a built-in type by pg_type.typname (from the static pg_type rows);
// 0 / -1 / false / 'i' / 'p' when the type is unknown.
catalog::Oid PgTypeOid(std::string_view typname);
int PgTypeLength(std::string_view typname);
bool PgTypeByVal(std::string_view typname);
char PgTypeAlign(std::string_view typname);
char PgTypeStorage(std::string_view typname);
// typname for a type OID (static rows), "" if unknown.
std::string_view PgTypeName(catalog::Oid oid);
// pg_type.typarray of a built-in type, 0 if none.
catalog::Oid PgTypeArray(catalog::Oid oid);
// The default btree operator class of a column type (pg_index.indclass).
catalog::Oid DefaultBtreeOpclass(TypeId id);

void GenPgNamespace(SystemScan& scan, std::vector<Row>& out);
void GenPgClass(SystemScan& scan, std::vector<Row>& out);
void GenPgAttribute(SystemScan& scan, std::vector<Row>& out);
void GenPgIndex(SystemScan& scan, std::vector<Row>& out);
void GenPgConstraint(SystemScan& scan, std::vector<Row>& out);
void GenPgAttrdef(SystemScan& scan, std::vector<Row>& out);
void GenPgType(SystemScan& scan, std::vector<Row>& out);
void GenPgProc(SystemScan& scan, std::vector<Row>& out);
void GenPgDatabase(SystemScan& scan, std::vector<Row>& out);
void GenPgAuthid(SystemScan& scan, std::vector<Row>& out);
void GenPgRoles(SystemScan& scan, std::vector<Row>& out);
void GenPgUser(SystemScan& scan, std::vector<Row>& out);
void GenPgSettings(SystemScan& scan, std::vector<Row>& out);
void GenPgStatActivity(SystemScan& scan, std::vector<Row>& out);
void GenPgStatStatements(SystemScan& scan, std::vector<Row>& out);  // stat_rows.cpp
void GenPgStatArchiver(SystemScan& scan, std::vector<Row>& out);    // archiver_rows.cpp
void GenPgTables(SystemScan& scan, std::vector<Row>& out);
void GenPgIndexes(SystemScan& scan, std::vector<Row>& out);
void GenPgStatUserTables(SystemScan& scan, std::vector<Row>& out);
// pg_stats, and pg_stat_user_tables' ANALYZE/VACUUM columns (stats_rows.cpp).
void GenPgStats(SystemScan& scan, std::vector<Row>& out);
class RowBuilder;
void FillMaintenanceStats(SystemScan& scan, const catalog::TableDef& t, RowBuilder& b);
void GenPgSequence(SystemScan& scan, std::vector<Row>& out);
void GenPgSequences(SystemScan& scan, std::vector<Row>& out);
void GenIsSequences(SystemScan& scan, std::vector<Row>& out);
void GenPgDepend(SystemScan& scan, std::vector<Row>& out);
void AppendEnumTypeRows(SystemScan& scan, std::vector<Row>& out);
void AppendUserFunctionRows(SystemScan& scan, std::vector<Row>& out);
void GenPgEnum(SystemScan& scan, std::vector<Row>& out);
void GenPgDescription(SystemScan& scan, std::vector<Row>& out);
void GenPgViews(SystemScan& scan, std::vector<Row>& out);
void GenIsViews(SystemScan& scan, std::vector<Row>& out);
// pg_get_viewdef's text for a view (empty for other relations).
std::string ViewDefinition(const catalog::TableDef& t);
void GenIsSchemata(SystemScan& scan, std::vector<Row>& out);
void GenIsTables(SystemScan& scan, std::vector<Row>& out);
void GenIsColumns(SystemScan& scan, std::vector<Row>& out);
void GenIsTableConstraints(SystemScan& scan, std::vector<Row>& out);
void GenIsKeyColumnUsage(SystemScan& scan, std::vector<Row>& out);
void GenIsConstraintColumnUsage(SystemScan& scan, std::vector<Row>& out);

}  // namespace basalt::engine::sql::system
