// BEGIN / START TRANSACTION / COMMIT / ROLLBACK / SAVEPOINT / RELEASE /
// ROLLBACK TO / two-phase commit, and the transaction modes they (and SET
// TRANSACTION, see transform_set.cpp) carry.
#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

std::vector<ast::TransactionOption> Transformer::TransformTransactionOptions(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes) {
  std::vector<ast::TransactionOption> out;
  for (const auto& n : nodes) {
    const auto& def = n.def_elem();
    ast::TransactionOption opt;
    opt.name = def.defname();
    // transaction_isolation carries a string ("repeatable read"); the other
    // two modes carry integer constants 1/0 in PostgreSQL's grammar.
    if (opt.name == "transaction_isolation") {
      opt.value = DefElemText(def);
    } else {
      opt.value = DefElemBool(def) ? "true" : "false";
    }
    out.push_back(std::move(opt));
  }
  return out;
}

ast::TransactionStmt Transformer::TransformTransaction(const pg_query::TransactionStmt& node) {
  ast::TransactionStmt out;
  switch (node.kind()) {
    case pg_query::TRANS_STMT_BEGIN: out.kind = ast::TransactionKind::kBegin; break;
    case pg_query::TRANS_STMT_START: out.kind = ast::TransactionKind::kStart; break;
    case pg_query::TRANS_STMT_COMMIT: out.kind = ast::TransactionKind::kCommit; break;
    case pg_query::TRANS_STMT_ROLLBACK: out.kind = ast::TransactionKind::kRollback; break;
    case pg_query::TRANS_STMT_SAVEPOINT: out.kind = ast::TransactionKind::kSavepoint; break;
    case pg_query::TRANS_STMT_RELEASE: out.kind = ast::TransactionKind::kRelease; break;
    case pg_query::TRANS_STMT_ROLLBACK_TO: out.kind = ast::TransactionKind::kRollbackTo; break;
    case pg_query::TRANS_STMT_PREPARE: out.kind = ast::TransactionKind::kPrepare; break;
    case pg_query::TRANS_STMT_COMMIT_PREPARED: out.kind = ast::TransactionKind::kCommitPrepared; break;
    case pg_query::TRANS_STMT_ROLLBACK_PREPARED:
      out.kind = ast::TransactionKind::kRollbackPrepared;
      break;
    default: Unsupported("TransactionStmt");
  }
  out.options = TransformTransactionOptions(node.options());
  out.savepoint_name = node.savepoint_name();
  out.gid = node.gid();
  out.chain = node.chain();
  return out;
}

}  // namespace basalt::engine::sql
