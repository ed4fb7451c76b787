#!/usr/bin/python3
"""Regenerates engine/sql/system/static_rows.cpp and system_relation_specs.cpp
from a running PostgreSQL 15 (the oracle): PostgreSQL's column lists for every
system relation Basalt serves, and the built-in rows Basalt serves unchanged.

Usage: gen_static_rows.py PORT   (a PostgreSQL 15 on 127.0.0.1:PORT, user basalt)
Then review the diff; Basalt-side filtering (pg_proc rows for functions Basalt
implements) happens at scan time, so the candidate lists here may be generous.
"""
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DIR = os.path.join(REPO, "engine", "sql", "system")
PORT = sys.argv[1] if len(sys.argv) > 1 else "5432"

RELATIONS = """pg_namespace pg_class pg_attribute pg_type pg_index pg_constraint pg_attrdef pg_sequence pg_proc
pg_operator pg_am pg_database pg_authid pg_auth_members pg_description pg_shdescription pg_depend pg_shdepend
pg_collation pg_extension pg_tablespace pg_inherits pg_enum pg_range pg_partitioned_table pg_trigger pg_rewrite
pg_policy pg_statistic_ext pg_publication pg_publication_rel pg_publication_namespace pg_language pg_cast
pg_opclass pg_opfamily pg_amop pg_amproc pg_conversion pg_ts_parser pg_ts_template pg_ts_dict pg_ts_config
pg_foreign_data_wrapper pg_foreign_server pg_foreign_table pg_event_trigger pg_largeobject_metadata
pg_subscription pg_init_privs pg_default_acl pg_transform pg_seclabel pg_aggregate pg_db_role_setting
pg_user_mapping pg_roles pg_user pg_settings pg_seclabels pg_views pg_tables pg_indexes pg_sequences
pg_stat_activity pg_locks pg_stat_user_tables pg_stat_all_tables pg_matviews pg_prepared_statements pg_group
pg_shadow pg_policies pg_rules pg_stat_database""".split()
INFO_SCHEMA = """schemata tables columns views table_constraints key_column_usage referential_constraints
constraint_column_usage sequences routines check_constraints""".split()

BASE_TYPES = """bool bytea char name int8 int2 int2vector int4 regproc text oid tid xid cid oidvector json xml
pg_node_tree float4 float8 unknown money bpchar varchar date time timestamp timestamptz interval timetz bit varbit
numeric regprocedure regoper regoperator regclass regcollation regtype regrole regnamespace uuid pg_lsn jsonb
jsonpath inet cidr macaddr aclitem cstring record void trigger event_trigger internal anyelement anyarray
anynonarray anyenum anyrange any pg_ddl_command language_handler index_am_handler table_am_handler fdw_handler
tsvector tsquery point refcursor txid_snapshot pg_snapshot xid8 int4range int8range numrange daterange tsrange
tstzrange""".split()

# Functions Basalt implements or may implement; GenPgProc keeps only those the registry resolves.
FUNCTIONS = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pg_proc_candidates.txt")).read().split()


def query(sql):
    r = subprocess.run(["psql", "-X", "-h", "127.0.0.1", "-p", PORT, "-U", "basalt", "postgres", "-At",
                        "-F", "\x01", "-R", "\x02", "-P", "null=\\N", "-c", sql],
                       capture_output=True, text=True, check=True)
    return [row.split("\x01") for row in r.stdout.rstrip("\n").split("\x02") if row != ""]


def c_string(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def dump(rel, where):
    cols = query(f"select attname, atttypid::regtype::text from pg_attribute "
                 f"where attrelid='{rel}'::regclass and attnum>0 order by attnum")
    exprs = [f'"{n}"::oid::text' if t.startswith("reg") else f'"{n}"::text' for n, t in cols]
    out = []
    for r in query(f"select {', '.join(exprs)} from {rel} where {where} order by 1"):
        fields = [x if x == "\\N" else x.replace("\\", "\\\\").replace("|", "\\|") for x in r]
        out.append(f'      "{c_string("|".join(fields))}",')
    return out


def quoted(names):
    return ",".join(f"'{n}'" for n in names)


def gen_specs():
    names = [f"'pg_catalog.{r}'::regclass" for r in RELATIONS] + \
            [f"'information_schema.{r}'::regclass" for r in INFO_SCHEMA]
    rows = query("select c.oid, c.relnamespace, c.relname, c.relkind, string_agg(a.attname || ':' || t.typname, ' ' "
                 "order by a.attnum) from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 "
                 f"join pg_type t on t.oid = a.atttypid where c.oid in ({','.join(names)}) "
                 "group by 1, 2, 3, 4 order by c.relnamespace, c.relname")
    out = [open(os.path.join(OUT_DIR, "system_relation_specs.cpp")).read().split("  static const RelationSpec")[0]
           + "  static const RelationSpec kSpecs[] = {"]
    for oid, ns, name, kind, cols in rows:
        out.append(f"      {{{oid}, {ns}, \"{name}\", '{kind}',")
        chunks, cur = [], ""
        for p in cols.split(" "):
            if len(cur) + len(p) + 1 > 90:
                chunks.append(cur)
                cur = ""
            cur += p + " "
        chunks.append(cur.rstrip())
        for i, c in enumerate(chunks):
            out.append(f'       "{c}"' + ("}," if i == len(chunks) - 1 else ""))
    out.append("  };\n  return kSpecs;\n}\n\n}  // namespace basalt::engine::sql::system")
    open(os.path.join(OUT_DIR, "system_relation_specs.cpp"), "w").write("\n".join(out) + "\n")


def gen_static():
    types = quoted(BASE_TYPES)
    rels = [
        ("pg_type", f"typname in ({types}) or oid in (select typarray from pg_type where typname in ({types}))"),
        ("pg_am", "amname in ('heap','btree','hash')"),
        ("pg_language", "true"),
        ("pg_collation", "collname in ('default','C','POSIX')"),
        ("pg_tablespace", "true"),
        ("pg_authid", "rolname ~ '^pg_'"),
        ("pg_namespace", "nspname in ('pg_catalog','information_schema','pg_toast')"),
        ("pg_proc", f"proname in ({quoted(FUNCTIONS)}) and prokind in ('f','a','w')"),
    ]
    head = open(os.path.join(OUT_DIR, "static_rows.cpp")).read().split("namespace {")[0]
    out = [head + "namespace {\n"]
    names = []
    for rel, where in rels:
        var = "k" + "".join(p.capitalize() for p in rel.split("_"))
        names.append((rel, var))
        out.append(f"const std::string_view {var}[] = {{")
        out += dump(rel, where)
        out.append("};\n")
    out.append("}  // namespace\n")
    out.append("std::span<const std::string_view> StaticRows(std::string_view relation) {")
    for rel, var in names:
        out.append(f'  if (relation == "{rel}") return {var};')
    out.append("  return {};\n}\n\n}  // namespace basalt::engine::sql::system")
    open(os.path.join(OUT_DIR, "static_rows.cpp"), "w").write("\n".join(out) + "\n")


if __name__ == "__main__":
    gen_specs()
    gen_static()
