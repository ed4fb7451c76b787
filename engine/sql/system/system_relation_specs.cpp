// engine/sql/system/system_relation_specs.cpp
//
// PostgreSQL 15's column lists (names, pg_type names, order) for every system
// relation Basalt serves, generated from a real PostgreSQL 15.18 cluster:
//   SELECT c.oid, c.relnamespace, c.relname, c.relkind,
//          string_agg(a.attname || ':' || t.typname, ' ' ORDER BY a.attnum) ...
// OIDs are PostgreSQL's own (relations and views as initdb 15 assigns them), so
// classoid/tableoid values and '...'::regclass match PostgreSQL.
#include "engine/sql/system/system_relation.hpp"

namespace basalt::engine::sql::system {

std::span<const RelationSpec> RelationSpecs() {
  static const RelationSpec kSpecs[] = {
      {2600, 11, "pg_aggregate", 'r',
       "aggfnoid:regproc aggkind:char aggnumdirectargs:int2 aggtransfn:regproc aggfinalfn:regproc "
       "aggcombinefn:regproc aggserialfn:regproc aggdeserialfn:regproc aggmtransfn:regproc "
       "aggminvtransfn:regproc aggmfinalfn:regproc aggfinalextra:bool aggmfinalextra:bool "
       "aggfinalmodify:char aggmfinalmodify:char aggsortop:oid aggtranstype:oid "
       "aggtransspace:int4 aggmtranstype:oid aggmtransspace:int4 agginitval:text aggminitval:text"},
      {2601, 11, "pg_am", 'r',
       "oid:oid amname:name amhandler:regproc amtype:char"},
      {2602, 11, "pg_amop", 'r',
       "oid:oid amopfamily:oid amoplefttype:oid amoprighttype:oid amopstrategy:int2 "
       "amoppurpose:char amopopr:oid amopmethod:oid amopsortfamily:oid"},
      {2603, 11, "pg_amproc", 'r',
       "oid:oid amprocfamily:oid amproclefttype:oid amprocrighttype:oid amprocnum:int2 "
       "amproc:regproc"},
      {2604, 11, "pg_attrdef", 'r',
       "oid:oid adrelid:oid adnum:int2 adbin:pg_node_tree"},
      {1249, 11, "pg_attribute", 'r',
       "attrelid:oid attname:name atttypid:oid attstattarget:int4 attlen:int2 attnum:int2 "
       "attndims:int4 attcacheoff:int4 atttypmod:int4 attbyval:bool attalign:char attstorage:char "
       "attcompression:char attnotnull:bool atthasdef:bool atthasmissing:bool attidentity:char "
       "attgenerated:char attisdropped:bool attislocal:bool attinhcount:int4 attcollation:oid "
       "attacl:_aclitem attoptions:_text attfdwoptions:_text attmissingval:anyarray"},
      {1261, 11, "pg_auth_members", 'r',
       "roleid:oid member:oid grantor:oid admin_option:bool"},
      {1260, 11, "pg_authid", 'r',
       "oid:oid rolname:name rolsuper:bool rolinherit:bool rolcreaterole:bool rolcreatedb:bool "
       "rolcanlogin:bool rolreplication:bool rolbypassrls:bool rolconnlimit:int4 rolpassword:text "
       "rolvaliduntil:timestamptz"},
      {2605, 11, "pg_cast", 'r',
       "oid:oid castsource:oid casttarget:oid castfunc:oid castcontext:char castmethod:char"},
      {1259, 11, "pg_class", 'r',
       "oid:oid relname:name relnamespace:oid reltype:oid reloftype:oid relowner:oid relam:oid "
       "relfilenode:oid reltablespace:oid relpages:int4 reltuples:float4 relallvisible:int4 "
       "reltoastrelid:oid relhasindex:bool relisshared:bool relpersistence:char relkind:char "
       "relnatts:int2 relchecks:int2 relhasrules:bool relhastriggers:bool relhassubclass:bool "
       "relrowsecurity:bool relforcerowsecurity:bool relispopulated:bool relreplident:char "
       "relispartition:bool relrewrite:oid relfrozenxid:xid relminmxid:xid relacl:_aclitem "
       "reloptions:_text relpartbound:pg_node_tree"},
      {3456, 11, "pg_collation", 'r',
       "oid:oid collname:name collnamespace:oid collowner:oid collprovider:char "
       "collisdeterministic:bool collencoding:int4 collcollate:text collctype:text "
       "colliculocale:text collversion:text"},
      {2606, 11, "pg_constraint", 'r',
       "oid:oid conname:name connamespace:oid contype:char condeferrable:bool condeferred:bool "
       "convalidated:bool conrelid:oid contypid:oid conindid:oid conparentid:oid confrelid:oid "
       "confupdtype:char confdeltype:char confmatchtype:char conislocal:bool coninhcount:int4 "
       "connoinherit:bool conkey:_int2 confkey:_int2 conpfeqop:_oid conppeqop:_oid conffeqop:_oid "
       "confdelsetcols:_int2 conexclop:_oid conbin:pg_node_tree"},
      {2607, 11, "pg_conversion", 'r',
       "oid:oid conname:name connamespace:oid conowner:oid conforencoding:int4 contoencoding:int4 "
       "conproc:regproc condefault:bool"},
      {1262, 11, "pg_database", 'r',
       "oid:oid datname:name datdba:oid encoding:int4 datlocprovider:char datistemplate:bool "
       "datallowconn:bool datconnlimit:int4 datfrozenxid:xid datminmxid:xid dattablespace:oid "
       "datcollate:text datctype:text daticulocale:text datcollversion:text datacl:_aclitem"},
      {2964, 11, "pg_db_role_setting", 'r',
       "setdatabase:oid setrole:oid setconfig:_text"},
      {826, 11, "pg_default_acl", 'r',
       "oid:oid defaclrole:oid defaclnamespace:oid defaclobjtype:char defaclacl:_aclitem"},
      {2608, 11, "pg_depend", 'r',
       "classid:oid objid:oid objsubid:int4 refclassid:oid refobjid:oid refobjsubid:int4 "
       "deptype:char"},
      {2609, 11, "pg_description", 'r',
       "objoid:oid classoid:oid objsubid:int4 description:text"},
      {3501, 11, "pg_enum", 'r',
       "oid:oid enumtypid:oid enumsortorder:float4 enumlabel:name"},
      {3466, 11, "pg_event_trigger", 'r',
       "oid:oid evtname:name evtevent:name evtowner:oid evtfoid:oid evtenabled:char evttags:_text"},
      {3079, 11, "pg_extension", 'r',
       "oid:oid extname:name extowner:oid extnamespace:oid extrelocatable:bool extversion:text "
       "extconfig:_oid extcondition:_text"},
      {2328, 11, "pg_foreign_data_wrapper", 'r',
       "oid:oid fdwname:name fdwowner:oid fdwhandler:oid fdwvalidator:oid fdwacl:_aclitem "
       "fdwoptions:_text"},
      {1417, 11, "pg_foreign_server", 'r',
       "oid:oid srvname:name srvowner:oid srvfdw:oid srvtype:text srvversion:text srvacl:_aclitem "
       "srvoptions:_text"},
      {3118, 11, "pg_foreign_table", 'r',
       "ftrelid:oid ftserver:oid ftoptions:_text"},
      {12010, 11, "pg_group", 'v',
       "groname:name grosysid:oid grolist:_oid"},
      {2610, 11, "pg_index", 'r',
       "indexrelid:oid indrelid:oid indnatts:int2 indnkeyatts:int2 indisunique:bool "
       "indnullsnotdistinct:bool indisprimary:bool indisexclusion:bool indimmediate:bool "
       "indisclustered:bool indisvalid:bool indcheckxmin:bool indisready:bool indislive:bool "
       "indisreplident:bool indkey:int2vector indcollation:oidvector indclass:oidvector "
       "indoption:int2vector indexprs:pg_node_tree indpred:pg_node_tree"},
      {12043, 11, "pg_indexes", 'v',
       "schemaname:name tablename:name indexname:name tablespace:name indexdef:text"},
      {2611, 11, "pg_inherits", 'r',
       "inhrelid:oid inhparent:oid inhseqno:int4 inhdetachpending:bool"},
      {3394, 11, "pg_init_privs", 'r',
       "objoid:oid classoid:oid objsubid:int4 privtype:char initprivs:_aclitem"},
      {2612, 11, "pg_language", 'r',
       "oid:oid lanname:name lanowner:oid lanispl:bool lanpltrusted:bool lanplcallfoid:oid "
       "laninline:oid lanvalidator:oid lanacl:_aclitem"},
      {2995, 11, "pg_largeobject_metadata", 'r',
       "oid:oid lomowner:oid lomacl:_aclitem"},
      {12073, 11, "pg_locks", 'v',
       "locktype:text database:oid relation:oid page:int4 tuple:int2 virtualxid:text "
       "transactionid:xid classid:oid objid:oid objsubid:int2 virtualtransaction:text pid:int4 "
       "mode:text granted:bool fastpath:bool waitstart:timestamptz"},
      {12038, 11, "pg_matviews", 'v',
       "schemaname:name matviewname:name matviewowner:name tablespace:name hasindexes:bool "
       "ispopulated:bool definition:text"},
      {2615, 11, "pg_namespace", 'r',
       "oid:oid nspname:name nspowner:oid nspacl:_aclitem"},
      {2616, 11, "pg_opclass", 'r',
       "oid:oid opcmethod:oid opcname:name opcnamespace:oid opcowner:oid opcfamily:oid "
       "opcintype:oid opcdefault:bool opckeytype:oid"},
      {2617, 11, "pg_operator", 'r',
       "oid:oid oprname:name oprnamespace:oid oprowner:oid oprkind:char oprcanmerge:bool "
       "oprcanhash:bool oprleft:oid oprright:oid oprresult:oid oprcom:oid oprnegate:oid "
       "oprcode:regproc oprrest:regproc oprjoin:regproc"},
      {2753, 11, "pg_opfamily", 'r',
       "oid:oid opfmethod:oid opfname:name opfnamespace:oid opfowner:oid"},
      {3350, 11, "pg_partitioned_table", 'r',
       "partrelid:oid partstrat:char partnatts:int2 partdefid:oid partattrs:int2vector "
       "partclass:oidvector partcollation:oidvector partexprs:pg_node_tree"},
      {12018, 11, "pg_policies", 'v',
       "schemaname:name tablename:name policyname:name permissive:text roles:_name cmd:text "
       "qual:text with_check:text"},
      {3256, 11, "pg_policy", 'r',
       "oid:oid polname:name polrelid:oid polcmd:char polpermissive:bool polroles:_oid "
       "polqual:pg_node_tree polwithcheck:pg_node_tree"},
      {12095, 11, "pg_prepared_statements", 'v',
       "name:text statement:text prepare_time:timestamptz parameter_types:_regtype from_sql:bool "
       "generic_plans:int8 custom_plans:int8"},
      {1255, 11, "pg_proc", 'r',
       "oid:oid proname:name pronamespace:oid proowner:oid prolang:oid procost:float4 "
       "prorows:float4 provariadic:oid prosupport:regproc prokind:char prosecdef:bool "
       "proleakproof:bool proisstrict:bool proretset:bool provolatile:char proparallel:char "
       "pronargs:int2 pronargdefaults:int2 prorettype:oid proargtypes:oidvector "
       "proallargtypes:_oid proargmodes:_char proargnames:_text proargdefaults:pg_node_tree "
       "protrftypes:_oid prosrc:text probin:text prosqlbody:pg_node_tree proconfig:_text "
       "proacl:_aclitem"},
      {6104, 11, "pg_publication", 'r',
       "oid:oid pubname:name pubowner:oid puballtables:bool pubinsert:bool pubupdate:bool "
       "pubdelete:bool pubtruncate:bool pubviaroot:bool"},
      {6237, 11, "pg_publication_namespace", 'r',
       "oid:oid pnpubid:oid pnnspid:oid"},
      {6106, 11, "pg_publication_rel", 'r',
       "oid:oid prpubid:oid prrelid:oid prqual:pg_node_tree prattrs:int2vector"},
      {3541, 11, "pg_range", 'r',
       "rngtypid:oid rngsubtype:oid rngmultitypid:oid rngcollation:oid rngsubopc:oid "
       "rngcanonical:regproc rngsubdiff:regproc"},
      {2618, 11, "pg_rewrite", 'r',
       "oid:oid rulename:name ev_class:oid ev_type:char ev_enabled:char is_instead:bool "
       "ev_qual:pg_node_tree ev_action:pg_node_tree"},
      {12000, 11, "pg_roles", 'v',
       "rolname:name rolsuper:bool rolinherit:bool rolcreaterole:bool rolcreatedb:bool "
       "rolcanlogin:bool rolreplication:bool rolconnlimit:int4 rolpassword:text "
       "rolvaliduntil:timestamptz rolbypassrls:bool rolconfig:_text oid:oid"},
      {12023, 11, "pg_rules", 'v',
       "schemaname:name tablename:name rulename:name definition:text"},
      {3596, 11, "pg_seclabel", 'r',
       "objoid:oid classoid:oid objsubid:int4 provider:text label:text"},
      {12099, 11, "pg_seclabels", 'v',
       "objoid:oid classoid:oid objsubid:int4 objtype:text objnamespace:oid objname:text "
       "provider:text label:text"},
      {2224, 11, "pg_sequence", 'r',
       "seqrelid:oid seqtypid:oid seqstart:int8 seqincrement:int8 seqmax:int8 seqmin:int8 "
       "seqcache:int8 seqcycle:bool"},
      {12048, 11, "pg_sequences", 'v',
       "schemaname:name sequencename:name sequenceowner:name data_type:regtype start_value:int8 "
       "min_value:int8 max_value:int8 increment_by:int8 cycle:bool cache_size:int8 "
       "last_value:int8"},
      {12104, 11, "pg_settings", 'v',
       "name:text setting:text unit:text category:text short_desc:text extra_desc:text "
       "context:text vartype:text source:text min_val:text max_val:text enumvals:_text "
       "boot_val:text reset_val:text sourcefile:text sourceline:int4 pending_restart:bool"},
      {12005, 11, "pg_shadow", 'v',
       "usename:name usesysid:oid usecreatedb:bool usesuper:bool userepl:bool usebypassrls:bool "
       "passwd:text valuntil:timestamptz useconfig:_text"},
      {1214, 11, "pg_shdepend", 'r',
       "dbid:oid classid:oid objid:oid objsubid:int4 refclassid:oid refobjid:oid deptype:char"},
      {2396, 11, "pg_shdescription", 'r',
       "objoid:oid classoid:oid description:text"},
      {12222, 11, "pg_stat_activity", 'v',
       "datid:oid datname:name pid:int4 leader_pid:int4 usesysid:oid usename:name "
       "application_name:text client_addr:inet client_hostname:text client_port:int4 "
       "backend_start:timestamptz xact_start:timestamptz query_start:timestamptz "
       "state_change:timestamptz wait_event_type:text wait_event:text state:text backend_xid:xid "
       "backend_xmin:xid query_id:int8 query:text backend_type:text"},
      {12285, 11, "pg_stat_archiver", 'v',
       "archived_count:int8 last_archived_wal:text last_archived_time:timestamptz failed_count:int8 "
       "last_failed_wal:text last_failed_time:timestamptz stats_reset:timestamptz"},
      // The pg_stat_statements extension's view (its columns in PostgreSQL 15's
      // version 1.10, minus planning and buffer figures Basalt does not keep).
      {12900, 11, "pg_stat_statements", 'v',
       "userid:oid dbid:oid toplevel:bool queryid:int8 query:text calls:int8 total_exec_time:float8 "
       "min_exec_time:float8 max_exec_time:float8 mean_exec_time:float8 stddev_exec_time:float8 rows:int8"},
      {12142, 11, "pg_stat_all_tables", 'v',
       "relid:oid schemaname:name relname:name seq_scan:int8 seq_tup_read:int8 idx_scan:int8 "
       "idx_tup_fetch:int8 n_tup_ins:int8 n_tup_upd:int8 n_tup_del:int8 n_tup_hot_upd:int8 "
       "n_live_tup:int8 n_dead_tup:int8 n_mod_since_analyze:int8 n_ins_since_vacuum:int8 "
       "last_vacuum:timestamptz last_autovacuum:timestamptz last_analyze:timestamptz "
       "last_autoanalyze:timestamptz vacuum_count:int8 autovacuum_count:int8 analyze_count:int8 "
       "autoanalyze_count:int8"},
      {12266, 11, "pg_stat_database", 'v',
       "datid:oid datname:name numbackends:int4 xact_commit:int8 xact_rollback:int8 "
       "blks_read:int8 blks_hit:int8 tup_returned:int8 tup_fetched:int8 tup_inserted:int8 "
       "tup_updated:int8 tup_deleted:int8 conflicts:int8 temp_files:int8 temp_bytes:int8 "
       "deadlocks:int8 checksum_failures:int8 checksum_last_failure:timestamptz "
       "blk_read_time:float8 blk_write_time:float8 session_time:float8 active_time:float8 "
       "idle_in_transaction_time:float8 sessions:int8 sessions_abandoned:int8 sessions_fatal:int8 "
       "sessions_killed:int8 stats_reset:timestamptz"},
      {12053, 11, "pg_stats", 'v',
       "schemaname:name tablename:name attname:name inherited:bool null_frac:float4 avg_width:int4 "
       "n_distinct:float4 most_common_vals:anyarray most_common_freqs:_float4 histogram_bounds:anyarray "
       "correlation:float4 most_common_elems:anyarray most_common_elem_freqs:_float4 "
       "elem_count_histogram:_float4"},
      {12161, 11, "pg_stat_user_tables", 'v',
       "relid:oid schemaname:name relname:name seq_scan:int8 seq_tup_read:int8 idx_scan:int8 "
       "idx_tup_fetch:int8 n_tup_ins:int8 n_tup_upd:int8 n_tup_del:int8 n_tup_hot_upd:int8 "
       "n_live_tup:int8 n_dead_tup:int8 n_mod_since_analyze:int8 n_ins_since_vacuum:int8 "
       "last_vacuum:timestamptz last_autovacuum:timestamptz last_analyze:timestamptz "
       "last_autoanalyze:timestamptz vacuum_count:int8 autovacuum_count:int8 analyze_count:int8 "
       "autoanalyze_count:int8"},
      {3381, 11, "pg_statistic_ext", 'r',
       "oid:oid stxrelid:oid stxname:name stxnamespace:oid stxowner:oid stxstattarget:int4 "
       "stxkeys:int2vector stxkind:_char stxexprs:pg_node_tree"},
      {6100, 11, "pg_subscription", 'r',
       "oid:oid subdbid:oid subskiplsn:pg_lsn subname:name subowner:oid subenabled:bool "
       "subbinary:bool substream:bool subtwophasestate:char subdisableonerr:bool subconninfo:text "
       "subslotname:name subsynccommit:text subpublications:_text"},
      {12033, 11, "pg_tables", 'v',
       "schemaname:name tablename:name tableowner:name tablespace:name hasindexes:bool "
       "hasrules:bool hastriggers:bool rowsecurity:bool"},
      {1213, 11, "pg_tablespace", 'r',
       "oid:oid spcname:name spcowner:oid spcacl:_aclitem spcoptions:_text"},
      {3576, 11, "pg_transform", 'r',
       "oid:oid trftype:oid trflang:oid trffromsql:regproc trftosql:regproc"},
      {2620, 11, "pg_trigger", 'r',
       "oid:oid tgrelid:oid tgparentid:oid tgname:name tgfoid:oid tgtype:int2 tgenabled:char "
       "tgisinternal:bool tgconstrrelid:oid tgconstrindid:oid tgconstraint:oid tgdeferrable:bool "
       "tginitdeferred:bool tgnargs:int2 tgattr:int2vector tgargs:bytea tgqual:pg_node_tree "
       "tgoldtable:name tgnewtable:name"},
      {3602, 11, "pg_ts_config", 'r',
       "oid:oid cfgname:name cfgnamespace:oid cfgowner:oid cfgparser:oid"},
      {3600, 11, "pg_ts_dict", 'r',
       "oid:oid dictname:name dictnamespace:oid dictowner:oid dicttemplate:oid "
       "dictinitoption:text"},
      {3601, 11, "pg_ts_parser", 'r',
       "oid:oid prsname:name prsnamespace:oid prsstart:regproc prstoken:regproc prsend:regproc "
       "prsheadline:regproc prslextype:regproc"},
      {3764, 11, "pg_ts_template", 'r',
       "oid:oid tmplname:name tmplnamespace:oid tmplinit:regproc tmpllexize:regproc"},
      {1247, 11, "pg_type", 'r',
       "oid:oid typname:name typnamespace:oid typowner:oid typlen:int2 typbyval:bool typtype:char "
       "typcategory:char typispreferred:bool typisdefined:bool typdelim:char typrelid:oid "
       "typsubscript:regproc typelem:oid typarray:oid typinput:regproc typoutput:regproc "
       "typreceive:regproc typsend:regproc typmodin:regproc typmodout:regproc typanalyze:regproc "
       "typalign:char typstorage:char typnotnull:bool typbasetype:oid typtypmod:int4 "
       "typndims:int4 typcollation:oid typdefaultbin:pg_node_tree typdefault:text typacl:_aclitem"},
      {12014, 11, "pg_user", 'v',
       "usename:name usesysid:oid usecreatedb:bool usesuper:bool userepl:bool usebypassrls:bool "
       "passwd:text valuntil:timestamptz useconfig:_text"},
      {1418, 11, "pg_user_mapping", 'r',
       "oid:oid umuser:oid umserver:oid umoptions:_text"},
      {12028, 11, "pg_views", 'v',
       "schemaname:name viewname:name viewowner:name definition:text"},
      {13260, 13207, "check_constraints", 'v',
       "constraint_catalog:sql_identifier constraint_schema:sql_identifier "
       "constraint_name:sql_identifier check_clause:character_data"},
      {13295, 13207, "columns", 'v',
       "table_catalog:sql_identifier table_schema:sql_identifier table_name:sql_identifier "
       "column_name:sql_identifier ordinal_position:cardinal_number column_default:character_data "
       "is_nullable:yes_or_no data_type:character_data character_maximum_length:cardinal_number "
       "character_octet_length:cardinal_number numeric_precision:cardinal_number "
       "numeric_precision_radix:cardinal_number numeric_scale:cardinal_number "
       "datetime_precision:cardinal_number interval_type:character_data "
       "interval_precision:cardinal_number character_set_catalog:sql_identifier "
       "character_set_schema:sql_identifier character_set_name:sql_identifier "
       "collation_catalog:sql_identifier collation_schema:sql_identifier "
       "collation_name:sql_identifier domain_catalog:sql_identifier domain_schema:sql_identifier "
       "domain_name:sql_identifier udt_catalog:sql_identifier udt_schema:sql_identifier "
       "udt_name:sql_identifier scope_catalog:sql_identifier scope_schema:sql_identifier "
       "scope_name:sql_identifier maximum_cardinality:cardinal_number "
       "dtd_identifier:sql_identifier is_self_referencing:yes_or_no is_identity:yes_or_no "
       "identity_generation:character_data identity_start:character_data "
       "identity_increment:character_data identity_maximum:character_data "
       "identity_minimum:character_data identity_cycle:yes_or_no is_generated:character_data "
       "generation_expression:character_data is_updatable:yes_or_no"},
      {13300, 13207, "constraint_column_usage", 'v',
       "table_catalog:sql_identifier table_schema:sql_identifier table_name:sql_identifier "
       "column_name:sql_identifier constraint_catalog:sql_identifier "
       "constraint_schema:sql_identifier constraint_name:sql_identifier"},
      {13329, 13207, "key_column_usage", 'v',
       "constraint_catalog:sql_identifier constraint_schema:sql_identifier "
       "constraint_name:sql_identifier table_catalog:sql_identifier table_schema:sql_identifier "
       "table_name:sql_identifier column_name:sql_identifier ordinal_position:cardinal_number "
       "position_in_unique_constraint:cardinal_number"},
      {13339, 13207, "referential_constraints", 'v',
       "constraint_catalog:sql_identifier constraint_schema:sql_identifier "
       "constraint_name:sql_identifier unique_constraint_catalog:sql_identifier "
       "unique_constraint_schema:sql_identifier unique_constraint_name:sql_identifier "
       "match_option:character_data update_rule:character_data delete_rule:character_data"},
      {13377, 13207, "routines", 'v',
       "specific_catalog:sql_identifier specific_schema:sql_identifier "
       "specific_name:sql_identifier routine_catalog:sql_identifier routine_schema:sql_identifier "
       "routine_name:sql_identifier routine_type:character_data module_catalog:sql_identifier "
       "module_schema:sql_identifier module_name:sql_identifier udt_catalog:sql_identifier "
       "udt_schema:sql_identifier udt_name:sql_identifier data_type:character_data "
       "character_maximum_length:cardinal_number character_octet_length:cardinal_number "
       "character_set_catalog:sql_identifier character_set_schema:sql_identifier "
       "character_set_name:sql_identifier collation_catalog:sql_identifier "
       "collation_schema:sql_identifier collation_name:sql_identifier "
       "numeric_precision:cardinal_number numeric_precision_radix:cardinal_number "
       "numeric_scale:cardinal_number datetime_precision:cardinal_number "
       "interval_type:character_data interval_precision:cardinal_number "
       "type_udt_catalog:sql_identifier type_udt_schema:sql_identifier "
       "type_udt_name:sql_identifier scope_catalog:sql_identifier scope_schema:sql_identifier "
       "scope_name:sql_identifier maximum_cardinality:cardinal_number "
       "dtd_identifier:sql_identifier routine_body:character_data "
       "routine_definition:character_data external_name:character_data "
       "external_language:character_data parameter_style:character_data "
       "is_deterministic:yes_or_no sql_data_access:character_data is_null_call:yes_or_no "
       "sql_path:character_data schema_level_routine:yes_or_no "
       "max_dynamic_result_sets:cardinal_number is_user_defined_cast:yes_or_no "
       "is_implicitly_invocable:yes_or_no security_type:character_data "
       "to_sql_specific_catalog:sql_identifier to_sql_specific_schema:sql_identifier "
       "to_sql_specific_name:sql_identifier as_locator:yes_or_no created:time_stamp "
       "last_altered:time_stamp new_savepoint_level:yes_or_no is_udt_dependent:yes_or_no "
       "result_cast_from_data_type:character_data result_cast_as_locator:yes_or_no "
       "result_cast_char_max_length:cardinal_number result_cast_char_octet_length:cardinal_number "
       "result_cast_char_set_catalog:sql_identifier result_cast_char_set_schema:sql_identifier "
       "result_cast_char_set_name:sql_identifier result_cast_collation_catalog:sql_identifier "
       "result_cast_collation_schema:sql_identifier result_cast_collation_name:sql_identifier "
       "result_cast_numeric_precision:cardinal_number "
       "result_cast_numeric_precision_radix:cardinal_number "
       "result_cast_numeric_scale:cardinal_number result_cast_datetime_precision:cardinal_number "
       "result_cast_interval_type:character_data result_cast_interval_precision:cardinal_number "
       "result_cast_type_udt_catalog:sql_identifier result_cast_type_udt_schema:sql_identifier "
       "result_cast_type_udt_name:sql_identifier result_cast_scope_catalog:sql_identifier "
       "result_cast_scope_schema:sql_identifier result_cast_scope_name:sql_identifier "
       "result_cast_maximum_cardinality:cardinal_number result_cast_dtd_identifier:sql_identifier"},
      {13382, 13207, "schemata", 'v',
       "catalog_name:sql_identifier schema_name:sql_identifier schema_owner:sql_identifier "
       "default_character_set_catalog:sql_identifier default_character_set_schema:sql_identifier "
       "default_character_set_name:sql_identifier sql_path:character_data"},
      {13386, 13207, "sequences", 'v',
       "sequence_catalog:sql_identifier sequence_schema:sql_identifier "
       "sequence_name:sql_identifier data_type:character_data numeric_precision:cardinal_number "
       "numeric_precision_radix:cardinal_number numeric_scale:cardinal_number "
       "start_value:character_data minimum_value:character_data maximum_value:character_data "
       "increment:character_data cycle_option:yes_or_no"},
      {13411, 13207, "table_constraints", 'v',
       "constraint_catalog:sql_identifier constraint_schema:sql_identifier "
       "constraint_name:sql_identifier table_catalog:sql_identifier table_schema:sql_identifier "
       "table_name:sql_identifier constraint_type:character_data is_deferrable:yes_or_no "
       "initially_deferred:yes_or_no enforced:yes_or_no nulls_distinct:yes_or_no"},
      {13425, 13207, "tables", 'v',
       "table_catalog:sql_identifier table_schema:sql_identifier table_name:sql_identifier "
       "table_type:character_data self_referencing_column_name:sql_identifier "
       "reference_generation:character_data user_defined_type_catalog:sql_identifier "
       "user_defined_type_schema:sql_identifier user_defined_type_name:sql_identifier "
       "is_insertable_into:yes_or_no is_typed:yes_or_no commit_action:character_data"},
      {13483, 13207, "views", 'v',
       "table_catalog:sql_identifier table_schema:sql_identifier table_name:sql_identifier "
       "view_definition:character_data check_option:character_data is_updatable:yes_or_no "
       "is_insertable_into:yes_or_no is_trigger_updatable:yes_or_no "
       "is_trigger_deletable:yes_or_no is_trigger_insertable_into:yes_or_no"},
  };
  return kSpecs;
}

}  // namespace basalt::engine::sql::system
