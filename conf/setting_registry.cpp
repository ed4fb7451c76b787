// conf/setting_registry.cpp
//
// The table below was generated from PostgreSQL 15's pg_settings (names,
// units, ranges, contexts, categories and descriptions copied verbatim) and then
// adjusted for Basalt: server_version, encodings and locales fixed at UTF8 /
// C.UTF-8, jit off (there is no JIT), file locations relative to the data
// directory, plus Basalt's own settings (metrics_*, gc_retention,
// block_cache_size). Boot values are in the base unit, as pg_settings.boot_val.
#include "conf/setting_registry.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace basalt::conf {
namespace {

constexpr double kRealMax = std::numeric_limits<double>::max();
constexpr std::span<const std::string_view> kNoEnum{};

// PostgreSQL accepts these hidden spellings for enums that grew out of booleans.
constexpr EnumAlias kBoolAliases[] = {{"true", "on"}, {"false", "off"}, {"yes", "on"},
                                      {"no", "off"},  {"1", "on"},      {"0", "off"}};
constexpr EnumAlias kClientLevelAliases[] = {{"debug", "debug2"}, {"info", "info"}};
constexpr EnumAlias kServerLevelAliases[] = {{"debug", "debug2"}};

constexpr std::string_view kBackslashQuoteValues[] = {"safe_encoding", "on", "off"};
constexpr std::string_view kByteaOutputValues[] = {"escape", "hex"};
constexpr std::string_view kClientMinMessagesValues[] = {"debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning", "error"};
constexpr std::string_view kConstraintExclusionValues[] = {"partition", "on", "off"};
constexpr std::string_view kDefaultTransactionIsolationValues[] = {"serializable", "repeatable read", "read committed", "read uncommitted"};
constexpr std::string_view kIntervalstyleValues[] = {"postgres", "postgres_verbose", "sql_standard", "iso_8601"};
constexpr std::string_view kLogErrorVerbosityValues[] = {"terse", "default", "verbose"};
constexpr std::string_view kLogMinErrorStatementValues[] = {"debug5", "debug4", "debug3", "debug2", "debug1", "info", "notice", "warning", "error", "log", "fatal", "panic"};
constexpr std::string_view kLogMinMessagesValues[] = {"debug5", "debug4", "debug3", "debug2", "debug1", "info", "notice", "warning", "error", "log", "fatal", "panic"};
constexpr std::string_view kLogStatementValues[] = {"none", "ddl", "mod", "all"};
constexpr std::string_view kPasswordEncryptionValues[] = {"md5", "scram-sha-256"};
constexpr std::string_view kPlanCacheModeValues[] = {"auto", "force_generic_plan", "force_custom_plan"};
constexpr std::string_view kSessionReplicationRoleValues[] = {"origin", "replica", "local"};
constexpr std::string_view kSynchronousCommitValues[] = {"local", "remote_write", "remote_apply", "on", "off"};
constexpr std::string_view kTransactionIsolationValues[] = {"serializable", "repeatable read", "read committed", "read uncommitted"};
constexpr std::string_view kXmloptionValues[] = {"content", "document"};
constexpr std::string_view kArchiveModeValues[] = {"on", "off"};

constexpr SettingDef kDefs[] = {
    {.name = "allow_system_table_mods", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kSuperuser, .category = "Developer Options", .short_desc = "Allows modifications of the structure of system tables."},
    {.name = "application_name", .type = SettingType::kString, .boot_value = "", .context = SettingContext::kUser, .category = "Reporting and Logging / What to Log", .short_desc = "Sets the application name to be reported in statistics and logs.", .report = true},
    {.name = "archive_dir", .type = SettingType::kString, .boot_value = "", .context = SettingContext::kPostmaster, .category = "Write-Ahead Log / Archiving", .short_desc = "Sets the directory that receives the continuous archive (archive_mode = on); relative to the data directory."},
    {.name = "archive_mode", .type = SettingType::kEnum, .boot_value = "off", .enum_values = kArchiveModeValues, .enum_aliases = kBoolAliases, .context = SettingContext::kPostmaster, .category = "Write-Ahead Log / Archiving", .short_desc = "Allows archiving of committed transactions to archive_dir."},
    {.name = "array_nulls", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Version and Platform Compatibility / Previous PostgreSQL Versions", .short_desc = "Enable input of NULL elements in arrays."},
    {.name = "auth_delay.milliseconds", .type = SettingType::kInt, .boot_value = "0", .unit = "ms", .min_value = 0, .max_value = 2147483647, .context = SettingContext::kSighup, .category = "Customized Options", .short_desc = "Milliseconds to delay before reporting authentication failure."},
    {.name = "authentication_timeout", .type = SettingType::kInt, .boot_value = "60", .unit = "s", .min_value = 1, .max_value = 600, .context = SettingContext::kSighup, .category = "Connections and Authentication / Authentication", .short_desc = "Sets the maximum allowed time to complete client authentication."},
    {.name = "backslash_quote", .type = SettingType::kEnum, .boot_value = "safe_encoding", .enum_values = kBackslashQuoteValues, .enum_aliases = kBoolAliases, .context = SettingContext::kUser, .category = "Version and Platform Compatibility / Previous PostgreSQL Versions", .short_desc = "Sets whether \"\\'\" is allowed in string literals."},
    {.name = "block_cache_size", .type = SettingType::kInt, .boot_value = "131072", .unit = "kB", .min_value = 1024, .max_value = 2147483647, .context = SettingContext::kPostmaster, .category = "Basalt / Storage", .short_desc = "Sets the size of the storage engine block cache."},
    {.name = "block_size", .type = SettingType::kInt, .boot_value = "8192", .min_value = 8192, .max_value = 8192, .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows the size of a disk block."},
    {.name = "bytea_output", .type = SettingType::kEnum, .boot_value = "hex", .enum_values = kByteaOutputValues, .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the output format for bytea."},
    {.name = "check_function_bodies", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Check routine bodies during CREATE FUNCTION and CREATE PROCEDURE."},
    {.name = "client_encoding", .type = SettingType::kString, .boot_value = "UTF8", .context = SettingContext::kUser, .category = "Client Connection Defaults / Locale and Formatting", .short_desc = "Sets the client's character set encoding.", .report = true},
    {.name = "client_min_messages", .type = SettingType::kEnum, .boot_value = "notice", .enum_values = kClientMinMessagesValues, .enum_aliases = kClientLevelAliases, .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the message levels that are sent to the client."},
    {.name = "cluster_name", .type = SettingType::kString, .boot_value = "", .context = SettingContext::kPostmaster, .category = "Reporting and Logging / Process Title", .short_desc = "Sets the name of the cluster, which is included in the process title."},
    {.name = "config_file", .type = SettingType::kString, .boot_value = "", .context = SettingContext::kPostmaster, .category = "File Locations", .short_desc = "Sets the server's main configuration file."},
    {.name = "constraint_exclusion", .type = SettingType::kEnum, .boot_value = "partition", .enum_values = kConstraintExclusionValues, .enum_aliases = kBoolAliases, .context = SettingContext::kUser, .category = "Query Tuning / Other Planner Options", .short_desc = "Enables the planner to use constraints to optimize queries."},
    {.name = "cpu_index_tuple_cost", .type = SettingType::kReal, .boot_value = "0.005", .min_value = 0, .max_value = kRealMax, .context = SettingContext::kUser, .category = "Query Tuning / Planner Cost Constants", .short_desc = "Sets the planner's estimate of the cost of processing each index entry during an index scan."},
    {.name = "cpu_operator_cost", .type = SettingType::kReal, .boot_value = "0.0025", .min_value = 0, .max_value = kRealMax, .context = SettingContext::kUser, .category = "Query Tuning / Planner Cost Constants", .short_desc = "Sets the planner's estimate of the cost of processing each operator or function call."},
    {.name = "cpu_tuple_cost", .type = SettingType::kReal, .boot_value = "0.01", .min_value = 0, .max_value = kRealMax, .context = SettingContext::kUser, .category = "Query Tuning / Planner Cost Constants", .short_desc = "Sets the planner's estimate of the cost of processing each tuple (row)."},
    {.name = "cursor_tuple_fraction", .type = SettingType::kReal, .boot_value = "0.1", .min_value = 0, .max_value = 1, .context = SettingContext::kUser, .category = "Query Tuning / Other Planner Options", .short_desc = "Sets the planner's estimate of the fraction of a cursor's rows that will be retrieved."},
    {.name = "data_checksums", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows whether data checksums are turned on for this cluster."},
    {.name = "data_directory", .type = SettingType::kString, .boot_value = "", .context = SettingContext::kPostmaster, .category = "File Locations", .short_desc = "Sets the server's data directory."},
    {.name = "DateStyle", .type = SettingType::kString, .boot_value = "ISO, MDY", .context = SettingContext::kUser, .category = "Client Connection Defaults / Locale and Formatting", .short_desc = "Sets the display format for date and time values.", .report = true},
    {.name = "deadlock_timeout", .type = SettingType::kInt, .boot_value = "1000", .unit = "ms", .min_value = 1, .max_value = 2147483647, .context = SettingContext::kSuperuser, .category = "Lock Management", .short_desc = "Sets the time to wait on a lock before checking for deadlock."},
    {.name = "default_tablespace", .type = SettingType::kString, .boot_value = "", .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the default tablespace to create tables and indexes in."},
    {.name = "default_text_search_config", .type = SettingType::kString, .boot_value = "pg_catalog.english", .context = SettingContext::kUser, .category = "Client Connection Defaults / Locale and Formatting", .short_desc = "Sets default text search configuration."},
    {.name = "default_transaction_deferrable", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the default deferrable status of new transactions."},
    {.name = "default_transaction_isolation", .type = SettingType::kEnum, .boot_value = "read committed", .enum_values = kDefaultTransactionIsolationValues, .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the transaction isolation level of each new transaction."},
    {.name = "default_transaction_read_only", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the default read-only status of new transactions.", .report = true},
    {.name = "effective_cache_size", .type = SettingType::kInt, .boot_value = "524288", .unit = "8kB", .min_value = 1, .max_value = 2147483647, .context = SettingContext::kUser, .category = "Query Tuning / Planner Cost Constants", .short_desc = "Sets the planner's assumption about the total size of the data caches."},
    {.name = "enable_bitmapscan", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Query Tuning / Planner Method Configuration", .short_desc = "Enables the planner's use of bitmap-scan plans."},
    {.name = "enable_hashagg", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Query Tuning / Planner Method Configuration", .short_desc = "Enables the planner's use of hashed aggregation plans."},
    {.name = "enable_hashjoin", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Query Tuning / Planner Method Configuration", .short_desc = "Enables the planner's use of hash join plans."},
    {.name = "enable_indexonlyscan", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Query Tuning / Planner Method Configuration", .short_desc = "Enables the planner's use of index-only-scan plans."},
    {.name = "enable_indexscan", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Query Tuning / Planner Method Configuration", .short_desc = "Enables the planner's use of index-scan plans."},
    {.name = "enable_material", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Query Tuning / Planner Method Configuration", .short_desc = "Enables the planner's use of materialization."},
    {.name = "enable_mergejoin", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Query Tuning / Planner Method Configuration", .short_desc = "Enables the planner's use of merge join plans."},
    {.name = "enable_nestloop", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Query Tuning / Planner Method Configuration", .short_desc = "Enables the planner's use of nested-loop join plans."},
    {.name = "enable_seqscan", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Query Tuning / Planner Method Configuration", .short_desc = "Enables the planner's use of sequential-scan plans."},
    {.name = "enable_sort", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Query Tuning / Planner Method Configuration", .short_desc = "Enables the planner's use of explicit sort steps."},
    {.name = "escape_string_warning", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Version and Platform Compatibility / Previous PostgreSQL Versions", .short_desc = "Warn about backslash escapes in ordinary string literals."},
    {.name = "extra_float_digits", .type = SettingType::kInt, .boot_value = "1", .min_value = -15, .max_value = 3, .context = SettingContext::kUser, .category = "Client Connection Defaults / Locale and Formatting", .short_desc = "Sets the number of digits displayed for floating-point values."},
    {.name = "from_collapse_limit", .type = SettingType::kInt, .boot_value = "8", .min_value = 1, .max_value = 2147483647, .context = SettingContext::kUser, .category = "Query Tuning / Other Planner Options", .short_desc = "Sets the FROM-list size beyond which subqueries are not collapsed."},
    {.name = "fsync", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kSighup, .category = "Write-Ahead Log / Settings", .short_desc = "Forces synchronization of updates to disk."},
    {.name = "gc_retention", .type = SettingType::kInt, .boot_value = "3600", .unit = "s", .min_value = 0, .max_value = 2147483647, .context = SettingContext::kSighup, .category = "Basalt / Storage", .short_desc = "Sets how long old row versions are kept for time travel and point-in-time restore."},
    {.name = "geqo", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Query Tuning / Genetic Query Optimizer", .short_desc = "Enables genetic query optimization."},
    {.name = "hba_file", .type = SettingType::kString, .boot_value = "", .context = SettingContext::kPostmaster, .category = "File Locations", .short_desc = "Sets the server's \"hba\" configuration file (empty: hba.conf in the data directory)."},
    {.name = "idle_in_transaction_session_timeout", .type = SettingType::kInt, .boot_value = "0", .unit = "ms", .min_value = 0, .max_value = 2147483647, .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the maximum allowed idle time between queries, when in a transaction."},
    {.name = "idle_session_timeout", .type = SettingType::kInt, .boot_value = "0", .unit = "ms", .min_value = 0, .max_value = 2147483647, .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the maximum allowed idle time between queries, when not in a transaction."},
    {.name = "in_hot_standby", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows whether hot standby is currently active.", .report = true},
    {.name = "integer_datetimes", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows whether datetimes are integer based.", .report = true},
    {.name = "IntervalStyle", .type = SettingType::kEnum, .boot_value = "postgres", .enum_values = kIntervalstyleValues, .context = SettingContext::kUser, .category = "Client Connection Defaults / Locale and Formatting", .short_desc = "Sets the display format for interval values.", .report = true},
    {.name = "is_superuser", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows whether the current user is a superuser.", .report = true, .no_show_all = true},
    {.name = "jit", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kUser, .category = "Query Tuning / Other Planner Options", .short_desc = "Allow JIT compilation (Basalt has no JIT; always off in effect)."},
    {.name = "join_collapse_limit", .type = SettingType::kInt, .boot_value = "8", .min_value = 1, .max_value = 2147483647, .context = SettingContext::kUser, .category = "Query Tuning / Other Planner Options", .short_desc = "Sets the FROM-list size beyond which JOIN constructs are not flattened."},
    {.name = "lc_collate", .type = SettingType::kString, .boot_value = "C.UTF-8", .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows the collation order locale."},
    {.name = "lc_ctype", .type = SettingType::kString, .boot_value = "C.UTF-8", .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows the character classification and case conversion locale."},
    {.name = "lc_messages", .type = SettingType::kString, .boot_value = "C.UTF-8", .context = SettingContext::kSuperuser, .category = "Client Connection Defaults / Locale and Formatting", .short_desc = "Sets the language in which messages are displayed."},
    {.name = "lc_monetary", .type = SettingType::kString, .boot_value = "C.UTF-8", .context = SettingContext::kUser, .category = "Client Connection Defaults / Locale and Formatting", .short_desc = "Sets the locale for formatting monetary amounts."},
    {.name = "lc_numeric", .type = SettingType::kString, .boot_value = "C.UTF-8", .context = SettingContext::kUser, .category = "Client Connection Defaults / Locale and Formatting", .short_desc = "Sets the locale for formatting numbers."},
    {.name = "lc_time", .type = SettingType::kString, .boot_value = "C.UTF-8", .context = SettingContext::kUser, .category = "Client Connection Defaults / Locale and Formatting", .short_desc = "Sets the locale for formatting date and time values."},
    {.name = "listen_addresses", .type = SettingType::kString, .boot_value = "localhost", .context = SettingContext::kPostmaster, .category = "Connections and Authentication / Connection Settings", .short_desc = "Sets the host name or IP address(es) to listen to."},
    {.name = "lo_compat_privileges", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kSuperuser, .category = "Version and Platform Compatibility / Previous PostgreSQL Versions", .short_desc = "Enables backward compatibility mode for privilege checks on large objects."},
    {.name = "lock_timeout", .type = SettingType::kInt, .boot_value = "0", .unit = "ms", .min_value = 0, .max_value = 2147483647, .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the maximum allowed duration of any wait for a lock."},
    {.name = "log_connections", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kSuperuserBackend, .category = "Reporting and Logging / What to Log", .short_desc = "Logs each successful connection."},
    {.name = "log_destination", .type = SettingType::kString, .boot_value = "stderr", .context = SettingContext::kSighup, .category = "Reporting and Logging / Where to Log", .short_desc = "Sets the destination for server log output."},
    {.name = "log_directory", .type = SettingType::kString, .boot_value = "log", .context = SettingContext::kSighup, .category = "Reporting and Logging / Where to Log", .short_desc = "Sets the destination directory for log files."},
    {.name = "log_disconnections", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kSuperuserBackend, .category = "Reporting and Logging / What to Log", .short_desc = "Logs end of a session, including duration."},
    {.name = "log_duration", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kSuperuser, .category = "Reporting and Logging / What to Log", .short_desc = "Logs the duration of each completed SQL statement."},
    {.name = "log_error_verbosity", .type = SettingType::kEnum, .boot_value = "default", .enum_values = kLogErrorVerbosityValues, .context = SettingContext::kSuperuser, .category = "Reporting and Logging / What to Log", .short_desc = "Sets the verbosity of logged messages."},
    {.name = "log_filename", .type = SettingType::kString, .boot_value = "basalt-%Y-%m-%d_%H%M%S.log", .context = SettingContext::kSighup, .category = "Reporting and Logging / Where to Log", .short_desc = "Sets the file name pattern for log files."},
    {.name = "log_min_duration_statement", .type = SettingType::kInt, .boot_value = "-1", .unit = "ms", .min_value = -1, .max_value = 2147483647, .context = SettingContext::kSuperuser, .category = "Reporting and Logging / When to Log", .short_desc = "Sets the minimum execution time above which all statements will be logged."},
    {.name = "log_min_error_statement", .type = SettingType::kEnum, .boot_value = "error", .enum_values = kLogMinErrorStatementValues, .enum_aliases = kServerLevelAliases, .context = SettingContext::kSuperuser, .category = "Reporting and Logging / When to Log", .short_desc = "Causes all statements generating error at or above this level to be logged."},
    {.name = "log_min_messages", .type = SettingType::kEnum, .boot_value = "warning", .enum_values = kLogMinMessagesValues, .enum_aliases = kServerLevelAliases, .context = SettingContext::kSuperuser, .category = "Reporting and Logging / When to Log", .short_desc = "Sets the message levels that are logged."},
    {.name = "log_rotation_size", .type = SettingType::kInt, .boot_value = "10240", .unit = "kB", .min_value = 0, .max_value = 2097151, .context = SettingContext::kSighup, .category = "Reporting and Logging / Where to Log", .short_desc = "Sets the maximum size a log file can reach before being rotated."},
    {.name = "log_statement", .type = SettingType::kEnum, .boot_value = "none", .enum_values = kLogStatementValues, .context = SettingContext::kSuperuser, .category = "Reporting and Logging / What to Log", .short_desc = "Sets the type of statements logged."},
    {.name = "log_timezone", .type = SettingType::kString, .boot_value = "Etc/UTC", .context = SettingContext::kSighup, .category = "Reporting and Logging / What to Log", .short_desc = "Sets the time zone to use in log messages."},
    {.name = "logging_collector", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kPostmaster, .category = "Reporting and Logging / Where to Log", .short_desc = "Start a subprocess to capture stderr output and/or csvlogs into log files."},
    {.name = "maintenance_work_mem", .type = SettingType::kInt, .boot_value = "65536", .unit = "kB", .min_value = 1024, .max_value = 2147483647, .context = SettingContext::kUser, .category = "Resource Usage / Memory", .short_desc = "Sets the maximum memory to be used for maintenance operations."},
    {.name = "max_connections", .type = SettingType::kInt, .boot_value = "100", .min_value = 1, .max_value = 262143, .context = SettingContext::kPostmaster, .category = "Connections and Authentication / Connection Settings", .short_desc = "Sets the maximum number of concurrent connections."},
    {.name = "max_function_args", .type = SettingType::kInt, .boot_value = "100", .min_value = 100, .max_value = 100, .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows the maximum number of function arguments."},
    {.name = "max_identifier_length", .type = SettingType::kInt, .boot_value = "63", .min_value = 63, .max_value = 63, .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows the maximum identifier length."},
    {.name = "max_index_keys", .type = SettingType::kInt, .boot_value = "32", .min_value = 32, .max_value = 32, .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows the maximum number of index keys."},
    {.name = "max_locks_per_transaction", .type = SettingType::kInt, .boot_value = "64", .min_value = 10, .max_value = 2147483647, .context = SettingContext::kPostmaster, .category = "Lock Management", .short_desc = "Sets the maximum number of locks per transaction."},
    {.name = "max_parallel_workers_per_gather", .type = SettingType::kInt, .boot_value = "2", .min_value = 0, .max_value = 1024, .context = SettingContext::kUser, .category = "Resource Usage / Asynchronous Behavior", .short_desc = "Sets the maximum number of parallel processes per executor node."},
    {.name = "max_prepared_transactions", .type = SettingType::kInt, .boot_value = "0", .min_value = 0, .max_value = 262143, .context = SettingContext::kPostmaster, .category = "Resource Usage / Memory", .short_desc = "Sets the maximum number of simultaneously prepared transactions."},
    {.name = "metrics_listen_addresses", .type = SettingType::kString, .boot_value = "localhost", .context = SettingContext::kPostmaster, .category = "Basalt / Metrics", .short_desc = "Sets the host name or IP address(es) the metrics endpoint listens on."},
    {.name = "metrics_port", .type = SettingType::kInt, .boot_value = "9187", .min_value = 0, .max_value = 65535, .context = SettingContext::kPostmaster, .category = "Basalt / Metrics", .short_desc = "Sets the TCP port of the Prometheus /metrics and /health endpoint (0 disables it)."},
    {.name = "password_encryption", .type = SettingType::kEnum, .boot_value = "scram-sha-256", .enum_values = kPasswordEncryptionValues, .context = SettingContext::kUser, .category = "Connections and Authentication / Authentication", .short_desc = "Chooses the algorithm for encrypting passwords."},
    {.name = "plan_cache_mode", .type = SettingType::kEnum, .boot_value = "auto", .enum_values = kPlanCacheModeValues, .context = SettingContext::kUser, .category = "Query Tuning / Other Planner Options", .short_desc = "Controls the planner's selection of custom or generic plan."},
    {.name = "port", .type = SettingType::kInt, .boot_value = "5432", .min_value = 1, .max_value = 65535, .context = SettingContext::kPostmaster, .category = "Connections and Authentication / Connection Settings", .short_desc = "Sets the TCP port the server listens on."},
    {.name = "quote_all_identifiers", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kUser, .category = "Version and Platform Compatibility / Previous PostgreSQL Versions", .short_desc = "When generating SQL fragments, quote all identifiers."},
    {.name = "random_page_cost", .type = SettingType::kReal, .boot_value = "4", .min_value = 0, .max_value = kRealMax, .context = SettingContext::kUser, .category = "Query Tuning / Planner Cost Constants", .short_desc = "Sets the planner's estimate of the cost of a nonsequentially fetched disk page."},
    {.name = "row_security", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Enable row security."},
    {.name = "search_path", .type = SettingType::kString, .boot_value = "\"$user\", public", .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the schema search order for names that are not schema-qualified."},
    {.name = "seq_page_cost", .type = SettingType::kReal, .boot_value = "1", .min_value = 0, .max_value = kRealMax, .context = SettingContext::kUser, .category = "Query Tuning / Planner Cost Constants", .short_desc = "Sets the planner's estimate of the cost of a sequentially fetched disk page."},
    {.name = "server_encoding", .type = SettingType::kString, .boot_value = "UTF8", .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows the server (database) character set encoding.", .report = true},
    {.name = "server_version", .type = SettingType::kString, .boot_value = "15.18 (Basalt 0.1.0)", .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows the server version.", .report = true},
    {.name = "server_version_num", .type = SettingType::kInt, .boot_value = "150018", .min_value = 150018, .max_value = 150018, .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows the server version as an integer."},
    {.name = "session_authorization", .type = SettingType::kString, .boot_value = "", .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Sets the session user name.", .report = true, .no_show_all = true},
    {.name = "session_replication_role", .type = SettingType::kEnum, .boot_value = "origin", .enum_values = kSessionReplicationRoleValues, .context = SettingContext::kSuperuser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the session's behavior for triggers and rewrite rules."},
    {.name = "shared_buffers", .type = SettingType::kInt, .boot_value = "16384", .unit = "8kB", .min_value = 16, .max_value = 1073741823, .context = SettingContext::kPostmaster, .category = "Resource Usage / Memory", .short_desc = "Sets the number of shared memory buffers used by the server."},
    {.name = "ssl", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kSighup, .category = "Connections and Authentication / SSL", .short_desc = "Enables SSL connections."},
    {.name = "ssl_ca_file", .type = SettingType::kString, .boot_value = "", .context = SettingContext::kSighup, .category = "Connections and Authentication / SSL", .short_desc = "Location of the SSL certificate authority file."},
    {.name = "ssl_cert_file", .type = SettingType::kString, .boot_value = "server.crt", .context = SettingContext::kSighup, .category = "Connections and Authentication / SSL", .short_desc = "Location of the SSL server certificate file."},
    {.name = "ssl_key_file", .type = SettingType::kString, .boot_value = "server.key", .context = SettingContext::kSighup, .category = "Connections and Authentication / SSL", .short_desc = "Location of the SSL server private key file."},
    {.name = "ssl_library", .type = SettingType::kString, .boot_value = "OpenSSL", .context = SettingContext::kInternal, .category = "Preset Options", .short_desc = "Shows the name of the SSL library."},
    {.name = "standard_conforming_strings", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Version and Platform Compatibility / Previous PostgreSQL Versions", .short_desc = "Causes '...' strings to treat backslashes literally.", .report = true},
    {.name = "statement_timeout", .type = SettingType::kInt, .boot_value = "0", .unit = "ms", .min_value = 0, .max_value = 2147483647, .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the maximum allowed duration of any statement."},
    {.name = "superuser_reserved_connections", .type = SettingType::kInt, .boot_value = "3", .min_value = 0, .max_value = 262143, .context = SettingContext::kPostmaster, .category = "Connections and Authentication / Connection Settings", .short_desc = "Sets the number of connection slots reserved for superusers."},
    {.name = "synchronize_seqscans", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kUser, .category = "Version and Platform Compatibility / Previous PostgreSQL Versions", .short_desc = "Enable synchronized sequential scans."},
    {.name = "synchronous_commit", .type = SettingType::kEnum, .boot_value = "on", .enum_values = kSynchronousCommitValues, .enum_aliases = kBoolAliases, .context = SettingContext::kUser, .category = "Write-Ahead Log / Settings", .short_desc = "Sets the current transaction's synchronization level."},
    {.name = "tcp_keepalives_idle", .type = SettingType::kInt, .boot_value = "0", .unit = "s", .min_value = 0, .max_value = 2147483647, .context = SettingContext::kUser, .category = "Connections and Authentication / Connection Settings", .short_desc = "Time between issuing TCP keepalives."},
    {.name = "temp_buffers", .type = SettingType::kInt, .boot_value = "1024", .unit = "8kB", .min_value = 100, .max_value = 1073741823, .context = SettingContext::kUser, .category = "Resource Usage / Memory", .short_desc = "Sets the maximum number of temporary buffers used by each session."},
    {.name = "TimeZone", .type = SettingType::kString, .boot_value = "Etc/UTC", .context = SettingContext::kUser, .category = "Client Connection Defaults / Locale and Formatting", .short_desc = "Sets the time zone for displaying and interpreting time stamps.", .report = true},
    {.name = "timezone_abbreviations", .type = SettingType::kString, .boot_value = "Default", .context = SettingContext::kUser, .category = "Client Connection Defaults / Locale and Formatting", .short_desc = "Selects a file of time zone abbreviations."},
    {.name = "track_activities", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kSuperuser, .category = "Statistics / Cumulative Query and Index Statistics", .short_desc = "Collects information about executing commands."},
    {.name = "track_counts", .type = SettingType::kBool, .boot_value = "on", .context = SettingContext::kSuperuser, .category = "Statistics / Cumulative Query and Index Statistics", .short_desc = "Collects statistics on database activity."},
    {.name = "transaction_deferrable", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Whether to defer a read-only serializable transaction until it can be executed with no possible serialization failures.", .no_reset_all = true},
    {.name = "transaction_isolation", .type = SettingType::kEnum, .boot_value = "read committed", .enum_values = kTransactionIsolationValues, .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the current transaction's isolation level.", .no_reset_all = true},
    {.name = "transaction_read_only", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets the current transaction's read-only status.", .no_reset_all = true},
    {.name = "transform_null_equals", .type = SettingType::kBool, .boot_value = "off", .context = SettingContext::kUser, .category = "Version and Platform Compatibility / Other Platforms and Clients", .short_desc = "Treats \"expr=NULL\" as \"expr IS NULL\"."},
    {.name = "unix_socket_directories", .type = SettingType::kString, .boot_value = "/tmp", .context = SettingContext::kPostmaster, .category = "Connections and Authentication / Connection Settings", .short_desc = "Sets the directories where Unix-domain sockets will be created."},
    {.name = "work_mem", .type = SettingType::kInt, .boot_value = "4096", .unit = "kB", .min_value = 64, .max_value = 2147483647, .context = SettingContext::kUser, .category = "Resource Usage / Memory", .short_desc = "Sets the maximum memory to be used for query workspaces."},
    {.name = "xmloption", .type = SettingType::kEnum, .boot_value = "content", .enum_values = kXmloptionValues, .context = SettingContext::kUser, .category = "Client Connection Defaults / Statement Behavior", .short_desc = "Sets whether XML data in implicit parsing and serialization operations is to be considered as documents or content fragments."},
};

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Compares `a` (any case) with `b` lower-cased: <0, 0, >0.
int CompareFolded(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const char ca = Lower(a[i]);
    const char cb = Lower(b[i]);
    if (ca != cb) return ca < cb ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

}  // namespace

std::span<const SettingDef> AllSettingDefs() { return kDefs; }

const SettingDef* FindSettingDef(std::string_view name) {
  // kDefs is sorted by lower-cased name, so a binary search with folded comparison works.
  const SettingDef* first = std::begin(kDefs);
  const SettingDef* last = std::end(kDefs);
  const SettingDef* it = std::lower_bound(first, last, name, [](const SettingDef& def, std::string_view key) {
    return CompareFolded(def.name, key) < 0;
  });
  if (it != last && CompareFolded(it->name, name) == 0) return it;
  return nullptr;
}

std::size_t SettingIndex(const SettingDef& def) { return static_cast<std::size_t>(&def - std::begin(kDefs)); }

std::string_view SettingTypeName(SettingType type) {
  switch (type) {
    case SettingType::kBool: return "bool";
    case SettingType::kInt: return "integer";
    case SettingType::kReal: return "real";
    case SettingType::kString: return "string";
    case SettingType::kEnum: return "enum";
  }
  return "string";
}

std::string_view SettingContextName(SettingContext context) {
  switch (context) {
    case SettingContext::kInternal: return "internal";
    case SettingContext::kPostmaster: return "postmaster";
    case SettingContext::kSighup: return "sighup";
    case SettingContext::kSuperuserBackend: return "superuser-backend";
    case SettingContext::kBackend: return "backend";
    case SettingContext::kSuperuser: return "superuser";
    case SettingContext::kUser: return "user";
  }
  return "user";
}

}  // namespace basalt::conf
